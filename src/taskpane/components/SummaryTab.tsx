/**
 * 汇总 Summary tab (the bureau): build the consolidation from this workbook's zone sheets and/or
 * zone workbooks picked from disk, show the zones table and the growth chart, let the user include
 * zones that have unresolved errors (then shown gray), archive the month, write or download 汇总 (with
 * 一页纸), download the quarterly bulletin.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import type { SummaryReport } from '../../domain/summary/types';
import { useServices } from '../services/context';
import { useI18n } from '../i18n/i18n';
import { both, notice, useNotify } from '../notices';
import { useAction, useTask } from '../use-task';
import { useStyles } from '../styles';
import { BulletinDownload } from './BulletinDownload';
import { FilePickButton } from './FilePickButton';
import { WORKBOOK_ACCEPT } from '../services/accept';
import { GrowthChart } from './GrowthChart';
import { ProgressPanel } from './ProgressPanel';
import { RefusedZones } from './RefusedZones';
import { ZoneTable } from './ZoneTable';

export interface SummaryTabProps {
  config: Config;
  summary: SummaryReport | null;
  onSummary: (s: SummaryReport) => void;
  hasFiles: boolean;
}

export function SummaryTab(props: SummaryTabProps) {
  const services = useServices();
  const { t, lang } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const task = useTask();
  const action = useAction();
  const excel = services.mode === 'excel';
  const [useWorkbook, setUseWorkbook] = useState(true);
  const [extra, setExtra] = useState<File[]>([]);
  const [include, setInclude] = useState<string[]>([]);

  const keyIndicators = useMemo(() => props.config.catalogue.filter((i) => i.key && i.kind !== 'ratio'), [props.config]);
  const taxShare = useMemo(() => props.config.catalogue.find((i) => i.key && i.kind === 'ratio')?.code ?? null, [props.config]);
  const [indicator, setIndicator] = useState<string>(keyIndicators[0]?.code ?? props.config.catalogue[0].code);
  const indName = (code: string) => {
    const i = props.config.catalogue.find((c) => c.code === code);
    return i ? (lang === 'zh' ? i.name : i.nameEn) : code;
  };

  const build = async (inc: string[]) => {
    const r = await task.run((signal, onProgress) =>
      services.buildSummary({ config: props.config, useWorkbook: excel ? useWorkbook : true, extraFiles: extra, include: inc, signal, onProgress }),
    );
    if (r) props.onSummary(r);
  };
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...include, code] : include.filter((c) => c !== code);
    setInclude(next);
    void build(next);
  };

  const summary = props.summary;
  const refused = summary
    ? summary.zones.filter((z) => z.includedWithErrors || (z.status === 'gray' && z.warning.triggers.some((tr) => tr.rule === 'W-DATA')))
    : [];
  const bars = summary
    ? summary.zones
        .filter((z) => z.status === 'rated')
        .map((z) => ({ name: z.zone.name, yoy: z.indicators[indicator]?.yoy ?? null, label: z.indicators[indicator]?.yoyLabel ?? null }))
    : [];
  const canBuild = excel ? useWorkbook || extra.length > 0 : props.hasFiles || extra.length > 0;

  return (
    <div className={s.section} data-testid="summary-tab">
      {excel && <Checkbox checked={useWorkbook} onChange={(_, d) => setUseWorkbook(d.checked === true)} label={t('summaryUseWorkbook')} />}
      <div className={s.row}>
        <FilePickButton label={t('summaryAddFiles')} accept={WORKBOOK_ACCEPT} multiple onFiles={setExtra} testId="summary-files" />
        {extra.length > 0 && <span className={s.muted}>{t('summaryFilesPicked', { n: extra.length })}</span>}
        <Button appearance="primary" disabled={!canBuild || task.running} onClick={() => void build(include)} data-testid="build-summary">
          {t('summaryBuild')}
        </Button>
      </div>
      {task.running && <ProgressPanel fraction={task.fraction} onCancel={task.cancel} />}
      {!summary ? (
        <div className={s.muted}>{t('summaryNone')}</div>
      ) : (
        <>
          <div className={s.subheading}>{summary.title[lang]}</div>
          <RefusedZones zones={refused} include={include} onToggle={toggle} />
          <Field label={t('summaryIndicator')}>
            <Select value={indicator} onChange={(_, d) => setIndicator(d.value)} data-testid="summary-indicator">
              {keyIndicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {lang === 'zh' ? i.name : i.nameEn}
                </option>
              ))}
            </Select>
          </Field>
          <ZoneTable summary={summary} config={props.config} indicator={indicator} taxShare={taxShare} />
          <GrowthChart title={t('summaryChartTitle', { name: indName(indicator) })} bars={bars} />
          <div className={s.row}>
            <Button
              onClick={() =>
                void action(async () => {
                  const n = await services.archive(summary);
                  notify(notice('success', both('archived', { period: summary.period ?? '—', n })));
                })
              }
            >
              {t('archive')}
            </Button>
            {excel ? (
              <Button
                onClick={() =>
                  void action(async () => {
                    await services.writeSummary(summary, props.config, lang, false);
                    notify(notice('success', both('summaryWritten')));
                  })
                }
              >
                {t('writeSummary')}
              </Button>
            ) : (
              <Button
                data-testid="download-summary"
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
        </>
      )}
    </div>
  );
}
