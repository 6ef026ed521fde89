/**
 * The one port between the engine and a workbook. Two implementations: src/xlsx (exceljs, for the
 * command line and standalone mode) and src/excel (Office.js, inside Excel). The engine and the pane
 * only ever speak to this interface, so no logic is written twice.
 */
import type { WorkbookGrid } from './types';
import type { Highlight, OutSheet } from './output/sheet-model';

export interface ReadOptions {
  /** read only these sheets (e.g. the active sheet, or the sheet live mode saw change) */
  sheets?: string[];
  /** progress in [0, 1] on long reads */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** A failure a port reports in the user's terms; `code` is stable (see errors.ts of each port). */
export class PortError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PortError';
  }
}

export interface WorkbookPort {
  /** Read the workbook's sheets as plain grids (values, cached results, formats, merges). */
  readWorkbook(opts?: ReadOptions): Promise<WorkbookGrid>;
  /**
   * Colour the cells of findings and attach a note, non-destructively: clearHighlights restores
   * every cell's own formatting exactly. Replaces any highlights the tool made before.
   */
  highlight(items: Highlight[]): Promise<void>;
  /** Remove every highlight the tool added, restoring each cell exactly. */
  clearHighlights(): Promise<void>;
  /** Write (replace) the tool's own sheets: 核查结果, 汇总, 预警清单, 历史数据. Never a user's sheet. */
  writeSheets(sheets: OutSheet[]): Promise<void>;
  /** The configuration stored in the workbook (JSON text), or null. */
  loadStoredConfig(): Promise<string | null>;
  /** Store the configuration in the workbook so it travels with it. */
  storeConfig(json: string): Promise<void>;
}

/** Names of the sheets the tool writes: never treated as report sheets, never written by the user. */
export const TOOL_SHEETS = {
  findings: '核查结果',
  summary: '汇总',
  onePage: '一页纸',
  warnings: '预警清单',
  history: '历史数据',
  config: 'ZoneReport配置',
} as const;
export const REGISTER_SHEET = '开发区名录';
