/**
 * The real PaneServices: every figure, finding and sheet comes from the engine (checkWorkbooks,
 * summarise, summarySheets, findingsSheet, archiveRows, historySheet) through a workbook port; this
 * module only routes data between them, the workbook(s) and the browser. The check and the summary
 * run in the engine thread (engine-thread.ts: a Web Worker, else the page); the rest of the engine
 * the page needs for a user's action (the sheets written, highlights, the bulletin) is loaded with
 * the first such action (page-engine.ts), so none of it is in the pane's first chunk.
 */
import type { Config } from '../../domain/config/schema';
import type { CheckInput } from '../../domain/check';
import type { SummaryReport } from '../../domain/summary/types';
import { TOOL_SHEETS, type WorkbookPort } from '../../domain/port';
import type { Bilingual, CheckReport, HistoryRow, Lang } from '../../domain/types';
import { defaultConfig } from '../default-config';
import { saveBlob, XLSX_TYPE } from './download';
import { runEngine } from './engine-thread';
import type { EngineJob, EngineOutcome } from './engine-protocol';
import type { CheckRequest, ExcelFeature, LiveRequest, OpenedFile, PaneMode, PaneServices, SummaryRequest } from './types';
import { inputOf, inputOfOffice, openWorkbookFiles, throwIfAborted, type OfficePort, type OpenedWorkbook } from './workbook-source';

/** The engine code the page runs itself, loaded with the first action that needs it. */
const pageEngine = () => import('./page-engine');

/** The annotated copy's name: always an .xlsx, whatever the file's own format (盘锦.xls → 盘锦-核查.xlsx). */
function annotatedName(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '-核查.xlsx';
}

function roleOf(report: CheckReport, name: string): OpenedFile['role'] {
  const f = report.files.find((x) => x.file === name);
  if (!f) return null;
  if (f.inputError) return 'unreadable';
  const kinds = new Set(f.sheets.map((s) => s.kind));
  if (kinds.has('report')) return 'report';
  if (kinds.has('register')) return 'register';
  if (kinds.has('history')) return 'history';
  return 'other';
}

export class EngineServices implements PaneServices {
  private opened: OpenedWorkbook[] = [];
  /** 历史数据 rows: as read by the last check, plus months archived in this session (standalone) */
  private history: HistoryRow[] = [];
  private archivedHere = false;
  /** the check report the last summary was built from: 归档本月 archives every indicator it holds */
  private summarisedReport: CheckReport | null = null;

  constructor(
    readonly mode: PaneMode,
    private readonly office: OfficePort | null,
    private readonly workbookName = 'Excel',
  ) {}

  canUse(feature: ExcelFeature): boolean {
    return this.office?.can?.(feature) ?? true;
  }

  limits(): Bilingual | null {
    return this.office?.limits?.() ?? null;
  }

  async openFiles(files: File[]): Promise<OpenedFile[]> {
    this.opened = await openWorkbookFiles(files);
    this.history = [];
    this.archivedHere = false;
    return this.opened.map((w) => ({ name: w.name, role: w.error ? 'unreadable' : null }));
  }

  private async inputs(sheets: string[] | undefined, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<CheckInput[]> {
    if (this.mode === 'excel' && this.office) return [await inputOfOffice(this.office, this.workbookName, sheets, signal, onProgress)];
    const out: CheckInput[] = [];
    for (const [i, w] of this.opened.entries()) {
      throwIfAborted(signal);
      out.push(await inputOf(w, signal));
      onProgress?.(((i + 1) / this.opened.length) * 0.5);
    }
    return out;
  }

  /** The check (and, with `summary`, the summary) in the engine thread; the session's history kept as before. */
  private async run(
    inputs: CheckInput[],
    config: Config,
    signal?: AbortSignal,
    onProgress?: (f: number) => void,
    summary?: { include: string[] },
  ): Promise<EngineOutcome> {
    throwIfAborted(signal);
    const job: EngineJob = {
      config,
      history: this.history.length > 0 && this.archivedHere ? this.history : undefined,
      // the summary reads the months archived here, else the history the check read
      ...(summary ? { summary: { include: summary.include, history: this.archivedHere ? this.history : null } } : {}),
    };
    const outcome = await runEngine(inputs, job, { signal, onProgress: (f: number) => onProgress?.(0.5 + f / 2) });
    if (!this.archivedHere) this.history = outcome.history;
    return outcome;
  }

  async check(req: CheckRequest): Promise<CheckReport> {
    let sheets = req.sheets;
    if (req.scope === 'activeSheet' && this.office) sheets = [await this.office.activeSheetName(req.signal)];
    const inputs = await this.inputs(sheets, req.signal, req.onProgress);
    return (await this.run(inputs, req.config, req.signal, req.onProgress)).report;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (this.office) await this.office.selectCell(sheet, cell);
  }

  private ports(): { name: string; port: WorkbookPort }[] {
    if (this.office) return [{ name: this.workbookName, port: this.office }];
    return this.opened.flatMap((w) => (w.port ? [{ name: w.name, port: w.port }] : []));
  }

  async highlight(report: CheckReport): Promise<{ count: number; notice: Bilingual | null }> {
    const { highlightsOf } = await pageEngine();
    let count = 0;
    for (const { name, port } of this.ports()) {
      const items = highlightsOf(report, this.office ? null : name);
      await port.highlight(items);
      count += items.length;
    }
    return { count, notice: this.officeNotice() };
  }

  async clearHighlights(): Promise<Bilingual | null> {
    for (const { port } of this.ports()) await port.clearHighlights();
    return this.officeNotice();
  }

  /** The Office port's word on highlights it had to leave in place (formats Excel could not read). */
  private officeNotice(): Bilingual | null {
    const n = this.office?.lastHighlightNotice;
    return n ? { zh: n.zh, en: n.en } : null;
  }

  async writeFindings(report: CheckReport, lang: Lang): Promise<void> {
    if (!this.office) return;
    const { findingsSheet } = await pageEngine();
    await this.office.writeSheets([findingsSheet(report, lang)]);
  }

  async downloadAnnotated(report: CheckReport, lang: Lang, config: Config): Promise<string[]> {
    const { findingsSheet, highlightsOf, reportForFile } = await pageEngine();
    const names: string[] = [];
    const custom = JSON.stringify(config) !== JSON.stringify(defaultConfig());
    for (const w of this.opened) {
      if (!w.port || roleOf(report, w.name) !== 'report') continue;
      const own = reportForFile(report, w.name);
      // Work on a fresh port over the file as read, so the opened workbook stays as the user gave it.
      const copy = w.port.fresh();
      await copy.highlight(highlightsOf(own, w.name));
      await copy.writeSheets([findingsSheet(own, lang)]);
      // Decision: outside Excel the configuration travels in the downloaded copy, only when it is not the default.
      if (custom) await copy.storeConfig(JSON.stringify(config));
      const name = annotatedName(w.name);
      saveBlob(name, await copy.toBytes(), XLSX_TYPE);
      names.push(name);
    }
    return names;
  }

  /** Live mode (src/excel/watch-session.ts, loaded on first use): the same check options as 校验. */
  async watchLive(req: LiveRequest): Promise<() => void> {
    if (!this.office) return () => undefined;
    const { startLiveCheck } = await import('../../excel/watch-session');
    const history = this.history.length > 0 && this.archivedHere ? this.history : undefined;
    return startLiveCheck(this.office, {
      file: this.workbookName,
      check: { config: req.config, history },
      onReport: (report) => req.onReport(report),
    });
  }

  async buildSummary(req: SummaryRequest): Promise<SummaryReport> {
    const inputs: CheckInput[] = [];
    if (req.useWorkbook) inputs.push(...(await this.inputs(undefined, req.signal, req.onProgress)));
    if (req.extraFiles.length > 0) {
      for (const w of await openWorkbookFiles(req.extraFiles)) inputs.push(await inputOf(w, req.signal));
    }
    const outcome = await this.run(inputs, req.config, req.signal, req.onProgress, { include: req.include });
    this.summarisedReport = outcome.report;
    if (!outcome.summary) throw new Error('the engine thread returned no summary');
    return outcome.summary;
  }

  async writeSummary(summary: SummaryReport, config: Config, lang: Lang, withWarnings: boolean): Promise<void> {
    if (!this.office) return;
    const { summarySheets } = await pageEngine();
    const sheets = summarySheets(summary, config, lang).filter((s) => withWarnings || s.name !== TOOL_SHEETS.warnings);
    await this.office.writeSheets(sheets);
  }

  async archive(summary: SummaryReport): Promise<number> {
    if (!this.summarisedReport) return 0;
    const { archiveRows, historySheet, mergeHistory } = await pageEngine();
    const rows = archiveRows(summary, this.summarisedReport);
    this.history = mergeHistory(this.history, rows);
    this.archivedHere = true;
    if (this.office) await this.office.writeSheets([historySheet(this.history)]);
    return rows.length;
  }

  async downloadSummary(summary: SummaryReport, config: Config, lang: Lang): Promise<string> {
    const { XlsxWorkbookPort } = await import('../../xlsx/xlsx-port');
    const { summarySheets, historySheet } = await pageEngine();
    const period = summary.period ?? '';
    const name = `汇总${period ? '-' + period : ''}.xlsx`;
    const port = XlsxWorkbookPort.create(name);
    const sheets = summarySheets(summary, config, lang);
    if (this.history.length > 0) sheets.push(historySheet(this.history));
    await port.writeSheets(sheets);
    saveBlob(name, await port.toBytes(), XLSX_TYPE);
    return name;
  }

  /**
   * The bulletin as a .docx download, in standalone mode and in Excel alike (a blob link: the pane
   * cannot save into the user's folders, and Excel has no API to hand a Word file over). The docx
   * renderer is loaded on demand, so it stays out of the pane's first chunk.
   */
  async downloadBulletin(summary: SummaryReport, config: Config, final: boolean): Promise<string> {
    const { bulletinModel } = await pageEngine();
    const doc = bulletinModel(summary, config, { final });
    const { renderBulletin, DOCX_TYPE } = await import('../../docx/render-bulletin');
    saveBlob(doc.fileName, await renderBulletin(doc), DOCX_TYPE);
    return doc.fileName;
  }

  async loadStoredConfig(): Promise<string | null> {
    return this.office ? this.office.loadStoredConfig() : null;
  }

  async storeConfig(json: string): Promise<void> {
    if (this.office) await this.office.storeConfig(json);
  }
}
