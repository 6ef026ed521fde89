/** The warning levels with their colours (the same fills the written sheets use) and bulletin wording. */
import { STYLES } from '../../domain/output/sheet-model';
import type { WarningLevel } from '../../domain/types';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useStyles } from '../styles';

export const WARNING_ORDER: WarningLevel[] = ['red', 'orange', 'yellow', 'green', 'gray'];
export const LEVEL_KEY: Record<WarningLevel, MessageKey> = {
  red: 'levelRed',
  orange: 'levelOrange',
  yellow: 'levelYellow',
  green: 'levelGreen',
  gray: 'levelGray',
};

export function levelColours(level: WarningLevel): { backgroundColor: string; color: string } {
  const st = STYLES[level];
  return { backgroundColor: `#${st.fill ?? 'FFFFFF'}`, color: `#${st.font ?? '000000'}` };
}

export function WarningLegend() {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <div className={s.row} aria-label={t('legend')} role="group" data-testid="legend">
      <span className={s.muted}>{t('legend')}:</span>
      {WARNING_ORDER.map((l) => (
        <span key={l} className={s.muted}>
          <span className={s.swatch} style={{ backgroundColor: levelColours(l).backgroundColor }} aria-hidden="true" />
          {t(LEVEL_KEY[l])}
        </span>
      ))}
    </div>
  );
}
