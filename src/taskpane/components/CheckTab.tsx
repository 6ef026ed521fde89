/**
 * 校验 Check tab (the clerk): check the workbook or the active sheet, counts on top, findings
 * grouped by sheet and level, click to select the cell, highlight / clear, live mode, progress with
 * cancel, write 核查结果 (Excel) or download the annotated workbook (standalone), and the rules
 * that were not checked.
 */
import { useEffect, useState } from 'react';
import { Button, Switch, Tooltip } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import type { CheckReport, Finding } from '../../domain/types';
import { useServices } from '../services/context';
import { useI18n } from '../i18n/i18n';
import { both, notice, useNotify } from '../notices';
import { useAction, useTask } from '../use-task';
import { useStyles } from '../styles';
import { CountsBar } from './CountsBar';
import { FindingList } from './FindingList';
import { ProgressPanel } from './ProgressPanel';
import { SkippedList } from './SkippedList';

export interface CheckTabProps {
  config: Config;
  report: CheckReport | null;
  onReport: (r: CheckReport) => void;
  /** standalone: whether files are open */
  hasFiles: boolean;
}

export function CheckTab(props: CheckTabProps) {
  const services = useServices();
  const { t, lang } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const task = useTask();
  const action = useAction();
  const [live, setLive] = useState(false);
  const excel = services.mode === 'excel';
  const canRun = excel || props.hasFiles;
  // an older Excel lacks some features: their controls are disabled and say why
  const can = (f: 'highlight' | 'writeSheets' | 'live') => services.canUse?.(f) ?? true;

  const runCheck = async (scope: 'workbook' | 'activeSheet') => {
    const r = await task.run((signal, onProgress) => services.check({ scope, config: props.config, signal, onProgress }));
    if (r) props.onReport(r);
  };

  // Live mode: a full check when switched on, then each burst of edits re-checks only the sheets
  // it can affect (src/excel/watch-session.ts); every report equals a full check of the workbook.
  const { onReport, config } = props;
  useEffect(() => {
    if (!live || !excel) return undefined;
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    void action(async () => {
      try {
        const u = await services.watchLive({ config, onReport: (r) => !cancelled && onReport(r) });
        if (cancelled) u();
        else unsubscribe = u;
      } catch (e) {
        // the first read failed (e.g. cell-edit mode): said as an error, and the switch goes off
        if (!cancelled) setLive(false);
        throw e;
      }
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [live, excel, services, config, onReport, action]);

  const select = (f: Finding) => {
    if (f.sheet === null || f.cell === null) return;
    void action(() => services.selectCell(f.sheet as string, f.cell as string, f.file));
  };

  const report = props.report;
  return (
    <div className={s.section} data-testid="check-tab">
      <div className={s.row}>
        <Button appearance="primary" disabled={!canRun || task.running} onClick={() => void runCheck('workbook')}>
          {t('checkWorkbook')}
        </Button>
        {excel ? (
          <Button disabled={task.running} onClick={() => void runCheck('activeSheet')}>
            {t('checkActiveSheet')}
          </Button>
        ) : (
          <Tooltip content={t('activeSheetExcelOnly')} relationship="description">
            <Button disabledFocusable>{t('checkActiveSheet')}</Button>
          </Tooltip>
        )}
      </div>
      {excel &&
        (can('live') ? (
          <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label={t('liveMode')} />
        ) : (
          <Tooltip content={t('needsNewerExcel')} relationship="description">
            <Switch disabled checked={false} label={t('liveMode')} data-testid="live-unavailable" />
          </Tooltip>
        ))}
      {task.running && <ProgressPanel fraction={task.fraction} onCancel={task.cancel} />}
      {report === null ? (
        <div className={s.muted}>{t('notRunYet')}</div>
      ) : (
        <>
          <CountsBar totals={report.totals} />
          <div className={s.row}>
            <Button
              size="small"
              disabled={report.findings.length === 0 || !can('highlight')}
              title={can('highlight') ? undefined : t('needsNewerExcel')}
              onClick={() =>
                void action(async () => {
                  const { count, notice: left } = await services.highlight(report, lang);
                  notify(notice('success', both('highlighted', { n: count })));
                  if (left) notify(notice('warning', left));
                })
              }
            >
              {t('highlight')}
            </Button>
            <Button
              size="small"
              disabled={!can('highlight')}
              title={can('highlight') ? undefined : t('needsNewerExcel')}
              onClick={() =>
                void action(async () => {
                  const left = await services.clearHighlights();
                  notify(left ? notice('warning', left) : notice('success', both('cleared')));
                })
              }
            >
              {t('clearHighlight')}
            </Button>
            {excel ? (
              <Button
                size="small"
                disabled={!can('writeSheets')}
                title={can('writeSheets') ? undefined : t('needsNewerExcel')}
                onClick={() =>
                  void action(async () => {
                    await services.writeFindings(report, lang);
                    notify(notice('success', both('findingsWritten')));
                  })
                }
              >
                {t('writeFindings')}
              </Button>
            ) : (
              <Button
                size="small"
                data-testid="download-annotated"
                onClick={() =>
                  void action(async () => {
                    const names = await services.downloadAnnotated(report, lang, props.config);
                    notify(notice('success', both('downloadReady', { name: names.join(', ') })));
                  })
                }
              >
                {t('downloadAnnotated')}
              </Button>
            )}
          </div>
          {report.findings.length === 0 ? (
            <div>{t('noFindings')}</div>
          ) : (
            <FindingList findings={report.findings} config={props.config} multiFile={report.files.length > 1} onSelect={select} />
          )}
          <SkippedList report={report} />
        </>
      )}
    </div>
  );
}
