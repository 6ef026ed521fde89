/**
 * Highlights in the user's report sheets, non-destructively, with conditional formats the tool owns.
 *
 * Why conditional formats, not fills: a conditional format is drawn over the cell's own fill and font
 * without changing them, so removing it restores each cell exactly — its fill (solid, pattern or
 * gradient), font, borders and number format, and the user's own conditional formats, none of which
 * the tool ever touches. Saving and restoring fills instead would need a per-cell read of every
 * format property (a large payload) and could still miss gradients and theme tints.
 *
 * Why a record: reading conditional formats back (their rules) has thrown in Excel when a range
 * carries two cell-value rules. So the tool records what it created — sheet, areas, CF id, level — in
 * column B of its veryHidden sheet (tool-store.ts), and on clearing it reads back only the *ids* of
 * the formats on the recorded areas and the areas those formats apply to (never their rules), and
 * deletes a format only when both match what it created. The record lives in the workbook,
 * so clearing works after the workbook was closed and reopened.
 *
 * Records written by the .xlsx port (command line, standalone pane) carry file ids (`xlsx:…`) that
 * never match an Excel id: their formats are found by rule instead — Custom, `=TRUE`, exactly the
 * recorded areas — in two round trips taking the place of 3–4: the types of the formats, then the
 * formula and areas of the Custom ones only (highlight-fallback.ts; a record mixing both kinds, which
 * neither port writes, costs two more). If such a read fails, it is repeated once per sheet; a sheet
 * whose formats cannot be read is left as it is, its entries stay recorded, and a HighlightNotice
 * (OfficeWorkbookPort.lastHighlightNotice) reports it instead of an error.
 *
 * Round trips, whatever the number of cells (each split further only beyond the request budget):
 *   1  worksheet names and protection        4  where the formats with recorded ids apply (if any)
 *   2  the record (if the tool sheet exists) 5  delete old + add new formats, load their ids
 *   3  ids of the formats on recorded areas   6  write the record
 * (3 syncs on a workbook without earlier highlights; clearing is 1–4 plus the record.)
 * Cells of one level are grouped into RangeAreas (`worksheet.getRanges("D4:D9,F12,…")`), addresses
 * split at ≤ 2,000 characters / ≤ 400 areas, one conditional format per address string.
 */
import { STYLES, type Highlight } from '../domain/output/sheet-model';
import { groupHighlights, parseRecord, type HighlightEntry, type HighlightRecord, type Level } from '../domain/output/highlight-record';
export { groupHighlights, parseRecord, type HighlightEntry, type HighlightRecord };
import { areaBounds, packCells, splitAreas } from '../domain/a1-areas';
import type { XlConditionalFormat, XlConditionalFormatCollection, XlContext, XlRangeAreas, XlWorksheet } from './api';
import { protectedSheetError } from './errors';
import { jsonBytes, REQUEST_BUDGET_BYTES } from './limits';
import { syncChecked } from './sync';
import { isFileId, queueDeleteByRule, type FallbackResult } from './highlight-fallback';
import { findToolSheet, queueStoreRead, queueStoreWrite, storedText } from './tool-store';

interface State {
  items: XlWorksheet[];
  byName: Map<string, XlWorksheet>;
  record: HighlightRecord;
}

/** Syncs 1–2: the worksheets (names, protection) and the stored record. */
async function loadState(ctx: XlContext, signal?: AbortSignal): Promise<State> {
  const coll = ctx.workbook.worksheets;
  coll.load('items/name,items/protection/protected');
  await syncChecked(ctx, signal);
  const items = coll.items;
  const byName = new Map(items.map((ws) => [ws.name, ws]));
  const store = findToolSheet(items);
  let record: HighlightRecord = { version: 1, entries: [] };
  if (store) {
    const range = queueStoreRead(store);
    await syncChecked(ctx, signal);
    record = parseRecord(storedText(range, 'B'));
  }
  return { items, byName, record };
}

/** Sizes of the areas of an address ("B2:B3,C3" → ["2x1", "1x1"]), sorted: a shape that survives rows being inserted above. */
export function areaShape(address: string): string[] {
  return splitAreas(address)
    .map((a) => {
      const b = areaBounds(a);
      return b ? `${b.bottom - b.top + 1}x${b.right - b.left + 1}` : '?';
    })
    .sort();
}

/**
 * Syncs 3–4: which recorded formats still exist, and queues their deletion (sent with the next sync).
 * Sync 3 reads only the *ids* of the formats on each recorded address; sync 4 reads where each format
 * with a recorded id applies (its areas, never its rules). A format is deleted only when both its id
 * and the shape of its areas match the record: Excel documents a format's id only loosely, and a
 * user's own format must never be removed by an id that happens to coincide.
 */
async function queueDeleteRecorded(ctx: XlContext, state: State, signal?: AbortSignal): Promise<FallbackResult> {
  const all = state.record.entries.filter((e) => state.byName.has(e.sheet));
  const none: FallbackResult = { kept: [], unreadSheets: [], deleted: 0 };
  if (all.length === 0) return none;
  const protectedSheets = [...new Set(all.filter((e) => state.byName.get(e.sheet)?.protection.protected).map((e) => e.sheet))];
  if (protectedSheets.length > 0) throw protectedSheetError(protectedSheets);
  // Formats recorded by the .xlsx port carry ids of a file, not of Excel: found by their rule instead
  // (highlight-fallback.ts). A record is written whole by one port, so usually only one path runs.
  const foreign = all.filter((e) => isFileId(e.id));
  const byRule = foreign.length > 0 ? await queueDeleteByRule(ctx, state.byName, foreign, signal) : none;
  const live = all.filter((e) => !isFileId(e.id));
  if (live.length === 0) return byRule;
  // one collection per distinct (sheet, address)
  const collections = new Map<string, { entries: HighlightEntry[]; coll: XlConditionalFormatCollection }>();
  for (const e of live) {
    const key = `${e.sheet}\u0000${e.address}`;
    let c = collections.get(key);
    if (!c) {
      const ws = state.byName.get(e.sheet);
      if (!ws) continue;
      c = { entries: [], coll: ws.getRanges(e.address).conditionalFormats.load('items/id') };
      collections.set(key, c);
    }
    c.entries.push(e);
  }
  await syncChecked(ctx, signal);
  const candidates: { entry: HighlightEntry; cf: XlConditionalFormat; areas: XlRangeAreas }[] = [];
  for (const { entries, coll } of collections.values()) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const cf of coll.items) {
      const entry = byId.get(cf.id);
      if (entry) candidates.push({ entry, cf, areas: cf.getRanges().load('address') });
    }
  }
  if (candidates.length === 0) return byRule;
  await syncChecked(ctx, signal);
  const deleted = new Set<XlConditionalFormat>();
  for (const { entry, cf, areas } of candidates) {
    if (deleted.has(cf)) continue;
    if (areaShape(areas.address).join() !== areaShape(entry.address).join()) continue;
    cf.delete();
    deleted.add(cf);
  }
  return { ...byRule, deleted: byRule.deleted + deleted.size };
}

/** What a highlight or clear left undone, for the pane to show (null: nothing). */
export interface HighlightNotice {
  /** sheets whose earlier highlights were left in place because their formats could not be read */
  sheets: string[];
  zh: string;
  en: string;
}

export function unreadNotice(sheets: string[]): HighlightNotice | null {
  if (sheets.length === 0) return null;
  return {
    sheets,
    zh: `工作表“${sheets.join('、')}”的条件格式无法读取,其中由命令行或独立窗格添加的标注未清除(记录已保留,可稍后重试)。其他工作表已处理。`,
    en: `The conditional formats of sheet "${sheets.join('", "')}" could not be read, so the highlights the command line or the standalone pane added there were left in place (still recorded; try again later). Other sheets were done.`,
  };
}

/** Sync 5: the record, written to column B of the tool sheet. */
async function writeRecord(ctx: XlContext, state: State, record: HighlightRecord, signal?: AbortSignal): Promise<void> {
  const store = findToolSheet(state.items);
  queueStoreWrite(ctx, store, 'B', record.entries.length > 0 ? JSON.stringify(record) : null);
  await syncChecked(ctx, signal);
}

function color(hex: string | undefined): string | null {
  return hex ? `#${hex}` : null;
}

/** Replaces the tool's highlights with `items`. */
export async function applyHighlights(
  ctx: XlContext,
  items: Highlight[],
  signal?: AbortSignal,
): Promise<HighlightRecord & { notice: HighlightNotice | null }> {
  const state = await loadState(ctx, signal);
  const groups = groupHighlights(items);
  // Refuse before writing anything: a batch is not a transaction, so a protected sheet met halfway
  // would leave formats applied that the record does not know about.
  const targets = [...groups.keys()].filter((s) => state.byName.has(s));
  const locked = targets.filter((s) => state.byName.get(s)?.protection.protected);
  if (locked.length > 0) throw protectedSheetError(locked);

  const old = await queueDeleteRecorded(ctx, state, signal);
  // Conditional formats change no values, so nothing needs recalculating; and the screen redraws
  // once, after the batch.
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();

  const added: { sheet: string; address: string; level: Level; cf: XlConditionalFormat }[] = [];
  let bytes = 0;
  const entries: HighlightEntry[] = [];
  const flush = async () => {
    await syncChecked(ctx, signal);
    for (const a of added) entries.push({ sheet: a.sheet, address: a.address, level: a.level, id: a.cf.id });
    added.length = 0;
    bytes = 0;
  };
  // sheets absent from the workbook (deleted since the check) are skipped: nothing to colour
  for (const sheet of targets) {
    const ws = state.byName.get(sheet);
    const levels = groups.get(sheet);
    if (!ws || !levels) continue;
    for (const level of ['info', 'warning', 'error'] as const) {
      const cells = levels.get(level);
      if (!cells) continue;
      for (const address of packCells(cells)) {
        // a second sync only when the queued operations would exceed the request budget
        const cost = jsonBytes(address) + 400;
        if (bytes + cost > REQUEST_BUDGET_BYTES && added.length > 0) await flush();
        bytes += cost;
        const cf = ws.getRanges(address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=TRUE';
        const fill = color(STYLES[level].fill);
        const font = color(STYLES[level].font);
        if (fill) cf.custom.format.fill.color = fill;
        if (font) cf.custom.format.font.color = font;
        cf.load('id');
        added.push({ sheet, address, level, cf });
      }
    }
  }
  await flush();
  // what could not be removed stays recorded, so a later clear can still find it
  const record: HighlightRecord = { version: 1, entries: [...entries, ...old.kept] };
  await writeRecord(ctx, state, record, signal);
  return { ...record, notice: unreadNotice(old.unreadSheets) };
}

/**
 * Removes every highlight the tool recorded; the user's cells and formats are untouched. Entries that
 * could not be looked for (a sheet whose formats cannot be read) stay recorded and are reported.
 */
export async function clearAllHighlights(ctx: XlContext, signal?: AbortSignal): Promise<HighlightNotice | null> {
  const state = await loadState(ctx, signal);
  if (state.record.entries.length === 0) return null;
  const old = await queueDeleteRecorded(ctx, state, signal);
  await writeRecord(ctx, state, { version: 1, entries: old.kept }, signal);
  return unreadNotice(old.unreadSheets);
}
