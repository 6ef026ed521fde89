/**
 * The summary's table of zones for one indicator: 1-本月累计, 同比 (or its label), 全市/全省 位次,
 * 税收占比, composite score. Zones included despite errors, and gray zones, are shown gray; an
 * included zone's figure in error says it is not counted; the score items left out, and growth taken
 * as a report published it (template.md §5), are said below.
 */
import type { Config } from '../../domain/config/schema';
import type { SummaryReport } from '../../domain/summary/types';
import { useI18n } from '../i18n/i18n';
import { amount, growthCell, oneDecimal, rankText } from '../format';
import { useStyles } from '../styles';
import { scoreMissingLines, scoreMissingNote } from '../../domain/summary/score-missing';
import { publishedGrowthLines } from '../../domain/summary/published';

export function ZoneTable(props: { summary: SummaryReport; config: Config; indicator: string; taxShare: string | null }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  // what the composite score left out (rules.md §4), as the 汇总 sheet says it
  const note = scoreMissingNote(props.summary, props.config);
  const missing = note ? scoreMissingLines(note, lang) : [];
  // growth taken as published (no 上年同期 figure) and ranked as such, as the 汇总 sheet says it
  const published = publishedGrowthLines(props.summary, props.config, lang);
  return (
    <div className={s.scroll}>
      <table className={s.table} data-testid="zone-table">
        <thead>
          <tr>
            <th className={s.th}>{t('summaryZone')}</th>
            <th className={s.th}>{t('summaryYtd')}</th>
            <th className={s.th}>{t('summaryYoy')}</th>
            <th className={s.th}>{t('summaryCityRank')}</th>
            <th className={s.th}>{t('summaryProvinceRank')}</th>
            {props.taxShare && <th className={s.th}>{t('summaryTaxShare')}</th>}
            <th className={s.th}>{t('summaryScore')}</th>
          </tr>
        </thead>
        <tbody>
          {props.summary.zones.map((z) => {
            const ind = z.indicators[props.indicator];
            const tax = props.taxShare ? z.indicators[props.taxShare] : undefined;
            const gray = z.status === 'gray' || z.includedWithErrors;
            return (
              <tr
                key={z.zone.code}
                data-testid="zone-row"
                data-zone={z.zone.code}
                data-status={z.status}
                data-included={z.includedWithErrors ? 'true' : 'false'}
                style={gray ? { backgroundColor: '#D9D9D9', color: '#3A3A3A' } : undefined}
                title={z.grayReason ? z.grayReason[lang] : undefined}
              >
                <td className={`${s.td} ${s.nameCell}`}>
                  {z.zone.name}
                  {gray ? ` (${t('grayMarked')})` : ''}
                </td>
                <td className={`${s.td} ${s.num}`}>{amount(ind?.ytd ?? null, lang)}</td>
                <td className={`${s.td} ${s.num}`} data-testid="growth">
                  {ind && z.includedWithErrors && !ind.counted && ind.ytd !== null
                    ? t('notCounted')
                    : ind
                      ? growthCell(ind.yoy, ind.yoyLabel, lang)
                      : '—'}
                </td>
                <td className={`${s.td} ${s.num}`} data-testid="city-rank">
                  {rankText(ind?.rank?.city ?? null, lang)}
                </td>
                <td className={`${s.td} ${s.num}`}>{rankText(ind?.rank?.province ?? null, lang)}</td>
                {props.taxShare && <td className={`${s.td} ${s.num}`}>{oneDecimal(tax?.ytd ?? null)}</td>}
                <td className={`${s.td} ${s.num}`} data-testid="score">
                  {oneDecimal(z.score)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.map((line) => (
        <div key={line} className={s.muted} data-testid="score-missing">
          {line}
        </div>
      ))}
      {published.map((line) => (
        <div key={line} className={s.muted} data-testid="growth-published">
          {line}
        </div>
      ))}
    </div>
  );
}
