/**
 * The record of highlights the tool added to a workbook, shared by both workbook ports: each port
 * highlights findings with tool-owned conditional formats and stores this record (JSON) in column B
 * of the veryHidden configuration sheet, so "清除标注" removes exactly what was added — even in a
 * copy annotated by the other port. Also how highlights are grouped: per sheet and level, a cell
 * with several findings taking the worst level.
 *
 * The tool's rules carry a signature no user rule has: their custom formula is HIGHLIGHT_FORMULA,
 * always TRUE, with the tool's name inside. A rule is found again by it wherever it now applies
 * (rows inserted, sheet renamed, other rules added, which renumbers Excel's positional ids); the
 * record says on which sheets (Excel's worksheet id where known, else the name) and which areas.
 * Records written before the signature (rule `=TRUE`) are still cleared by rule and exact areas.
 */
import { TOOL_SHEETS } from '../port';
import type { Highlight } from './sheet-model';

export type Level = Highlight['level'];

/** The custom formula of every highlight rule the tool adds: always TRUE, and unmistakably the tool's. */
export const HIGHLIGHT_FORMULA = '=ISTEXT("ZoneReport:highlight")';

/** Whether a rule's formula (as Excel or a file reports it: with or without '=', any case, spaces) is the tool's signature. */
export function isHighlightFormula(formula: string): boolean {
  return /^=?\s*ISTEXT\s*\(\s*"ZoneReport:highlight"\s*\)\s*$/i.test(formula.trim());
}

/** One conditional format the tool added. */
export interface HighlightEntry {
  /** the sheet's name when the entry was written */
  sheet: string;
  /** Excel's worksheet id (survives renames), written by the Office.js port */
  sheetId?: string;
  /** areas, comma-separated, as passed to getRanges */
  address: string;
  /**
   * 'sig' for a rule with HIGHLIGHT_FORMULA written by the Office.js port; `xlsx:<sheetId>:<priority>`
   * for one the .xlsx port wrote; anything else an Excel id of a rule `=TRUE` from before the signature
   */
  id: string;
  level: Level;
}

export interface HighlightRecord {
  version: 1;
  entries: HighlightEntry[];
}

/** Parses the stored record; anything unreadable counts as no record (nothing to remove). */
export function parseRecord(text: string | null): HighlightRecord {
  if (!text) return { version: 1, entries: [] };
  try {
    const x: unknown = JSON.parse(text);
    if (typeof x !== 'object' || x === null || !('entries' in x) || !Array.isArray(x.entries)) {
      return { version: 1, entries: [] };
    }
    const entries = x.entries
      .filter(
        (e: unknown): e is HighlightEntry =>
          typeof e === 'object' &&
          e !== null &&
          'sheet' in e &&
          typeof e.sheet === 'string' &&
          'address' in e &&
          typeof e.address === 'string' &&
          'id' in e &&
          typeof e.id === 'string',
      )
      // a sheet id that is not text (a damaged record) is dropped: the name still finds the sheet
      .map((e: HighlightEntry) => (e.sheetId === undefined || typeof e.sheetId === 'string' ? e : { ...e, sheetId: undefined }));
    return { version: 1, entries };
  } catch {
    return { version: 1, entries: [] };
  }
}

/** Groups highlights per sheet and level (a cell with several findings takes the worst level). */
export function groupHighlights(items: Highlight[]): Map<string, Map<Level, string[]>> {
  const rank: Record<Level, number> = { error: 3, warning: 2, info: 1 };
  const worst = new Map<string, { sheet: string; cell: string; level: Level }>();
  for (const h of items) {
    if (h.sheet === TOOL_SHEETS.config) continue;
    const key = `${h.sheet}\u0000${h.cell.replace(/\$/g, '').toUpperCase()}`;
    const prev = worst.get(key);
    if (!prev || rank[h.level] > rank[prev.level]) worst.set(key, { sheet: h.sheet, cell: h.cell, level: h.level });
  }
  const out = new Map<string, Map<Level, string[]>>();
  for (const { sheet, cell, level } of worst.values()) {
    let bySheet = out.get(sheet);
    if (!bySheet) out.set(sheet, (bySheet = new Map()));
    const cells = bySheet.get(level) ?? [];
    cells.push(cell);
    bySheet.set(level, cells);
  }
  return out;
}

/** The store sheet's text is cut into chunks of at most this many characters (a cell holds 32,767). */
export const CHUNK_CHARS = 30_000;

/** Text cut into chunks, never splitting a surrogate pair. */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
