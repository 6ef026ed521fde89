/** Zones left out of the summary (unresolved errors), each with an "include anyway" choice. */
import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ZoneSummary } from '../../domain/summary/types';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';

export function RefusedZones(props: { zones: ZoneSummary[]; include: string[]; onToggle: (code: string, on: boolean) => void }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  if (props.zones.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="refused-zones">
      <MessageBarBody>
        <MessageBarTitle>{t('summaryRefusedTitle', { n: props.zones.length })}</MessageBarTitle>
        <div className={s.muted}>{t('summaryRefusedHint')}</div>
        <ul className={s.list}>
          {props.zones.map((z) => (
            <li key={z.zone.code} data-testid="refused-zone" data-zone={z.zone.code}>
              <strong>{z.zone.name}</strong>
              {z.grayReason ? `: ${z.grayReason[lang]}` : ''}
              <Checkbox
                label={t('includeAnyway')}
                checked={props.include.includes(z.zone.code)}
                onChange={(_, d) => props.onToggle(z.zone.code, d.checked === true)}
              />
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
