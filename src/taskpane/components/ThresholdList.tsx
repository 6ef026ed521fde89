/** The rule and warning thresholds in effect, labelled in the user's language. */
import type { Config } from '../../domain/config/schema';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useStyles } from '../styles';

const RULES: [keyof Config['thresholds'], MessageKey][] = [
  ['tolMin', 'thrTolMin'],
  ['yoyMismatchPp', 'thrYoyMismatchPp'],
  ['ratioMismatchPp', 'thrRatioMismatchPp'],
  ['unitSlipLog10', 'thrUnitSlipLog10'],
  ['peerMinZones', 'thrPeerMinZones'],
  ['peerIqrFactor', 'thrPeerIqrFactor'],
];
const WARNINGS: [keyof Config['warnings'], MessageKey][] = [
  ['paceYellowPp', 'thrPaceYellowPp'],
  ['paceRedPp', 'thrPaceRedPp'],
  ['taxShareMin', 'thrTaxShareMin'],
  ['taxShareDropPp', 'thrTaxShareDropPp'],
  ['repeatDropPp', 'thrRepeatDropPp'],
  ['belowCityTotal', 'thrBelowCityTotal'],
];

export function ThresholdList(props: { config: Config }) {
  const { t } = useI18n();
  const s = useStyles();
  const show = (v: number | boolean) => (typeof v === 'boolean' ? t(v ? 'yes' : 'no') : String(v));
  return (
    <table className={s.table} data-testid="thresholds">
      <tbody>
        {RULES.map(([k, label]) => (
          <tr key={k}>
            <td className={s.td}>{t(label)}</td>
            <td className={`${s.td} ${s.num}`}>{show(props.config.thresholds[k])}</td>
          </tr>
        ))}
        {WARNINGS.map(([k, label]) => (
          <tr key={k}>
            <td className={s.td}>{t(label)}</td>
            <td className={`${s.td} ${s.num}`}>{show(props.config.warnings[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
