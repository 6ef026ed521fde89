/**
 * "未检查": the rules that could not run, with their reasons, and files that could not be read,
 * so "not checked" is never mistaken for "passed".
 */
import type { CheckReport } from '../../domain/types';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';

export function SkippedList(props: { report: CheckReport }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const unreadable = props.report.files.filter((f) => f.inputError !== null);
  const skipped = props.report.skipped;
  if (unreadable.length === 0 && skipped.length === 0) return null;
  return (
    <div className={s.section}>
      {unreadable.length > 0 && (
        <section data-testid="input-errors">
          <h3 className={s.subheading}>{t('inputErrorTitle')}</h3>
          <ul>
            {unreadable.map((f) => (
              <li key={f.file}>
                <strong>{f.file}</strong>: {f.inputError?.message[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {skipped.length > 0 && (
        <section data-testid="skipped">
          <h3 className={s.subheading}>{t('skippedTitle', { n: skipped.length })}</h3>
          <div className={s.muted}>{t('skippedHint')}</div>
          <ul>
            {skipped.map((k, i) => (
              <li key={i}>
                <strong>{k.rule}</strong> ({k.scope}): {k.reason[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
