/**
 * 预警 Warnings tab (the bureau and managers): the quarter's list, red first, each zone's triggers
 * with their reasons; a level legend; "预览" when the month is not a quarter end; write 预警清单 and
 * colour the 汇总 rows (Excel) or download the summary workbook (standalone).
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import type { SummaryReport } from '../../domain/summary/types';
import { useServices } from '../services/context';
import { useI18n } from '../i18n/i18n';
import { both, notice, useNotify } from '../notices';
import { useAction } from '../use-task';
import { useStyles } from '../styles';
import { BulletinDownload } from './BulletinDownload';
import { LEVEL_KEY, WARNING_ORDER, WarningLegend, levelColours } from './WarningLegend';

export function WarningsTab(props: { config: Config; summary: SummaryReport | null }) {
  const services = useServices();
  const { t, lang } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const action = useAction();
  const summary = props.summary;
  if (!summary) return <div className={s.muted} data-testid="warnings-tab">{t('warningsNeedSummary')}</div>;

  const names = new Map(props.config.catalogue.map((i) => [i.code, lang === 'zh' ? i.name : i.nameEn]));
  // Red first, then orange, yellow, green, gray; register order within a level (stable sort).
  const zones = [...summary.zones].sort((a, b) => WARNING_ORDER.indexOf(a.warning.level) - WARNING_ORDER.indexOf(b.warning.level));
  const period = summary.period ?? '—';
  return (
    <div className={s.section} data-testid="warnings-tab">
      <h2 className={s.heading}>{summary.title[lang]}</h2>
      {!summary.quarterEnd && (
        <MessageBar intent="info" data-testid="preview-label">
          <MessageBarBody>{t('warningsPreview', { period })}</MessageBarBody>
        </MessageBar>
      )}
      <WarningLegend />
      {zones.every((z) => z.warning.triggers.length === 0) && <div>{t('warningsNone')}</div>}
      <ul className={s.list}>
        {zones.map((z) => (
          <li
            key={z.zone.code}
            data-testid="warning-zone"
            data-level={z.warning.level}
            style={{ borderLeft: `6px solid ${levelColours(z.warning.level).backgroundColor}`, paddingLeft: '6px' }}
          >
            <div className={s.row}>
              <strong>{z.zone.name}</strong>
              <span style={{ ...levelColours(z.warning.level), padding: '0 6px', borderRadius: '3px' }}>
                {t(LEVEL_KEY[z.warning.level])}
              </span>
            </div>
            {z.warning.triggers.length > 0 && (
              <ul>
                {z.warning.triggers.map((tr, i) => (
                  <li key={i} data-testid="trigger">
                    <span className={s.muted}>
                      {tr.rule}
                      {tr.indicator ? ` · ${tr.indicator} ${names.get(tr.indicator) ?? ''}` : ''} ·{' '}
                    </span>
                    {tr.reason[lang]}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className={s.row}>
        {services.mode === 'excel' ? (
          <Button
            appearance="primary"
            onClick={() =>
              void action(async () => {
                await services.writeSummary(summary, props.config, lang, true);
                notify(notice('success', both('warningsWritten')));
              })
            }
          >
            {t('writeWarnings')}
          </Button>
        ) : (
          <Button
            appearance="primary"
            onClick={() =>
              void action(async () => {
                const name = await services.downloadSummary(summary, props.config, lang);
                notify(notice('success', both('downloadReady', { name })));
              })
            }
          >
            {t('downloadSummary')}
          </Button>
        )}
      </div>
      <BulletinDownload summary={summary} config={props.config} />
    </div>
  );
}
