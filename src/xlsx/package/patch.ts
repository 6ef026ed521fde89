/**
 * The annotated copy as a patch on the original package: every part is copied byte for byte except
 * the few the annotation must change. Highlights are tool-owned conditional formats (as the Office.js
 * port makes them, src/excel/highlight.ts) recorded in column B of the veryHidden store sheet, notes
 * are added only where a cell has none, the tool's sheets are new worksheet parts. Clearing removes
 * exactly what the record and the tool's note author name, so a highlight followed by a clear gives
 * back the user's parts unchanged.
 */
import { packCells } from '../../domain/a1-areas';
import { groupHighlights, parseRecord, type HighlightEntry } from '../../domain/output/highlight-record';
import { chunkText } from '../../domain/output/highlight-record';
import type { Highlight, OutSheet } from '../../domain/output/sheet-model';
import { TOOL_SHEETS } from '../../domain/port';
import { addNotes, removeToolNotes } from './notes';
import { sheetsOf } from './opc';
import { addCfBlocks, maxPriority, removeRecordedCf } from './sheet-cf';
import { readStore } from './store';
import { addCellStyles, addLevelDxfs, hasDxfs, removeTrailingDxfs, type Level } from './styles-patch';
import { sheetSpecs, storeSheetXml, toolSheetXml } from './tool-sheet-xml';
import { putSheet, removeLastSheet } from './workbook-sheets';
import { readPackage, setText, text, writePackage, type Package } from './zip-parts';
import type { RawInflate } from '../guard/inflate';

export interface PatchPlan {
  /** the tool's highlights in the copy, replacing those recorded; undefined leaves them as they are ([] clears) */
  highlights?: Highlight[];
  /** the tool's sheets to write (a sheet of the same name is replaced) */
  sheets?: OutSheet[];
  /** the configuration to store (column A); undefined keeps what is stored */
  config?: string;
}

const TOOL_NAMES: ReadonlySet<string> = new Set(Object.values(TOOL_SHEETS));
const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

/** Removes the recorded formats and the tool's notes (and the <dxfs> the tool created, if it did). */
function clearRecorded(pkg: Package, entries: HighlightEntry[], dxfsCreated: boolean): void {
  const dxfIds = new Set<number>();
  for (const s of sheetsOf(pkg)) {
    if (TOOL_NAMES.has(s.name) || !s.part) continue;
    const addresses = entries.filter((e) => e.sheet === s.name).map((e) => e.address);
    const xml = text(pkg, s.part);
    if (xml !== undefined && addresses.length > 0) {
      const r = removeRecordedCf(xml, addresses);
      if (r.xml !== xml) setText(pkg, s.part, r.xml);
      r.dxfIds.forEach((d) => dxfIds.add(d));
    }
    removeToolNotes(pkg, s);
  }
  removeTrailingDxfs(pkg, dxfIds, dxfsCreated);
}

/** One note per cell: every finding's text, once. */
function notesByCell(items: Highlight[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const h of items) {
    let bySheet = out.get(h.sheet);
    if (!bySheet) out.set(h.sheet, (bySheet = new Map()));
    const cell = h.cell.replace(/\$/g, '').toUpperCase();
    const prev = bySheet.get(cell);
    bySheet.set(cell, prev === undefined ? h.note : prev.includes(h.note) ? prev : `${prev}\n${h.note}`);
  }
  return out;
}

function addHighlights(pkg: Package, items: Highlight[]): { entries: HighlightEntry[]; dxfsCreated: boolean } {
  const sheets = sheetsOf(pkg);
  const groups = groupHighlights(items.filter((h) => !TOOL_NAMES.has(h.sheet)));
  const used = LEVELS.filter((l) => [...groups.values()].some((g) => g.has(l)));
  const entries: HighlightEntry[] = [];
  if (used.length === 0) return { entries, dxfsCreated: false };
  const dxfsCreated = !hasDxfs(pkg);
  const dxf = addLevelDxfs(pkg, used);
  const notes = notesByCell(items);
  sheets.forEach((s, index) => {
    const levels = groups.get(s.name);
    const xml = s.part ? text(pkg, s.part) : undefined;
    if (!levels || xml === undefined) return;
    let priority = maxPriority(xml);
    const blocks = [];
    for (const level of LEVELS) {
      for (const address of packCells(levels.get(level) ?? [])) {
        priority++;
        blocks.push({ address, dxfId: dxf.get(level) ?? 0, priority });
        // the id names the rule in this file; Excel gives formats new ids when it opens the file
        entries.push({ sheet: s.name, address, id: `xlsx:${s.sheetId}:${priority}`, level });
      }
    }
    setText(pkg, s.part, addCfBlocks(xml, blocks));
    const cellNotes = notes.get(s.name);
    if (cellNotes) addNotes(pkg, s, index, [...cellNotes].map(([cell, t]) => ({ cell, text: t })));
  });
  return { entries, dxfsCreated };
}

/**
 * Whether the record says the tool created styles.xml's <dxfs>: an extra field of this port's
 * record (the Office.js port ignores it, and writes its own record without it).
 */
function recordedDxfsCreated(text: string | null): boolean {
  try {
    const x: unknown = text ? JSON.parse(text) : null;
    return typeof x === 'object' && x !== null && 'dxfsCreated' in x && x.dxfsCreated === true;
  } catch {
    return false;
  }
}

/** Writes the store sheet, or removes it when it would hold nothing (and it is the last sheet). */
function writeStore(pkg: Package, a: string | null, b: string | null): void {
  if (a === null && b === null) {
    if (!sheetsOf(pkg).some((s) => s.name === TOOL_SHEETS.config)) return;
    if (removeLastSheet(pkg, TOOL_SHEETS.config)) return;
  }
  putSheet(pkg, TOOL_SHEETS.config, storeSheetXml(a === null ? [] : chunkText(a), b === null ? [] : chunkText(b)), 'veryHidden');
}

/** Applies `plan` to the package `bytes`; with nothing to do, returns the bytes themselves. */
export async function patchPackage(bytes: Uint8Array, plan: PatchPlan, inflate?: RawInflate): Promise<Uint8Array> {
  const sheetsToWrite = plan.sheets ?? [];
  if (plan.highlights === undefined && sheetsToWrite.length === 0 && plan.config === undefined) return bytes;
  const pkg = readPackage(bytes, inflate);
  const stored = readStore(pkg);
  const record = parseRecord(stored.b);
  let entries = record.entries;
  let dxfsCreated = recordedDxfsCreated(stored.b);
  let storeChanged = plan.config !== undefined;
  if (plan.highlights !== undefined) {
    clearRecorded(pkg, entries, dxfsCreated);
    const added = addHighlights(pkg, plan.highlights);
    storeChanged ||= entries.length > 0 || added.entries.length > 0;
    entries = added.entries;
    dxfsCreated = added.dxfsCreated;
  }
  for (const sheet of sheetsToWrite) {
    const ids = addCellStyles(pkg, sheetSpecs(sheet));
    putSheet(pkg, sheet.name, toolSheetXml(sheet, ids), 'visible');
  }
  const recordText = entries.length > 0 ? JSON.stringify(dxfsCreated ? { version: 1, entries, dxfsCreated } : { version: 1, entries }) : null;
  if (storeChanged) writeStore(pkg, plan.config ?? stored.a, recordText);
  return writePackage(pkg);
}
