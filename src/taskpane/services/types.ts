/**
 * What the pane's components may ask of the outside world. Components receive a PaneServices
 * (through ServicesContext) and never call the engine or a workbook port themselves, so the same
 * components run inside Excel, in standalone mode, and under jsdom with a fake.
 */
import type { Config } from '../../domain/config/schema';
import type { Bilingual, CheckReport, Lang } from '../../domain/types';
import type { SummaryReport } from '../../domain/summary/types';

export type PaneMode = 'excel' | 'standalone';

/** A file the user opened (standalone) or picked for the summary, as the pane lists it. */
export interface OpenedFile {
  name: string;
  /** what the engine recognised it as, after a check; null before */
  role: 'report' | 'register' | 'history' | 'other' | 'unreadable' | null;
}

export interface CheckRequest {
  scope: 'workbook' | 'activeSheet';
  /** live mode: only these sheets are re-read and re-checked */
  sheets?: string[];
  config: Config;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface SummaryRequest {
  config: Config;
  /** Excel mode: use the report sheets of the open workbook */
  useWorkbook: boolean;
  /** zone workbooks picked from disk for this summary */
  extraFiles: File[];
  /** zone codes included despite unresolved errors */
  include: string[];
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Excel features that need a newer Excel than some bureaus run (src/excel/capabilities.ts). */
export type ExcelFeature = 'highlight' | 'writeSheets' | 'storeConfig' | 'live';

export interface LiveRequest {
  config: Config;
  onReport: (report: CheckReport) => void;
}

export interface PaneServices {
  readonly mode: PaneMode;
  /** whether this Excel can do `feature` (absent, or standalone: yes) */
  canUse?(feature: ExcelFeature): boolean;
  /** what the pane says once at start when this Excel lacks features; null when it has them all */
  limits?(): Bilingual | null;
  /** standalone: open workbook files of any format read (they replace the previous set) */
  openFiles(files: File[]): Promise<OpenedFile[]>;
  check(req: CheckRequest): Promise<CheckReport>;
  /** select a finding's cell (Excel); standalone has no grid to select in and resolves quietly */
  selectCell(sheet: string, cell: string, file: string | null): Promise<void>;
  /** colour the cells of the last check's findings; returns how many cells */
  /** highlights the findings' cells; `notice`: earlier highlights Excel could not remove (left in place) */
  highlight(report: CheckReport, lang: Lang): Promise<{ count: number; notice: Bilingual | null }>;
  /** removes the tool's highlights; a notice when some could not be removed (left in place) */
  clearHighlights(): Promise<Bilingual | null>;
  writeFindings(report: CheckReport, lang: Lang): Promise<void>;
  /** standalone: download each opened workbook with highlights and a 核查结果 sheet */
  downloadAnnotated(report: CheckReport, lang: Lang, config: Config): Promise<string[]>;
  /**
   * Excel, live mode: checks the workbook whole, then again after each burst of edits (only the
   * sheets an edit can affect), calling `onReport` with the report each time — always equal to a
   * full check of the workbook as it then is. Resolves to the function that stops it.
   */
  watchLive(req: LiveRequest): Promise<() => void>;
  buildSummary(req: SummaryRequest): Promise<SummaryReport>;
  /** write 汇总 (and 预警清单 with coloured 汇总 rows) to the workbook */
  writeSummary(summary: SummaryReport, config: Config, lang: Lang, withWarnings: boolean): Promise<void>;
  /** append the month to 历史数据; returns how many rows were added */
  archive(summary: SummaryReport): Promise<number>;
  /** standalone: download the summary workbook (汇总, 预警清单, 历史数据) */
  downloadSummary(summary: SummaryReport, config: Config, lang: Lang): Promise<string>;
  /** the quarterly bulletin (.docx) drafted from the summary; `final` removes the 草稿 mark; returns the file name */
  downloadBulletin(summary: SummaryReport, config: Config, final: boolean): Promise<string>;
  loadStoredConfig(): Promise<string | null>;
  storeConfig(json: string): Promise<void>;
}
