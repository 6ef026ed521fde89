/**
 * Highlights in the user's report sheets, non-destructively, with conditional formats the tool owns.
 *
 * Why conditional formats, not fills: a conditional format is drawn over the cell's own fill and font
 * without changing them, so removing it restores each cell exactly — its fill (solid, pattern or
 * gradient), font, borders and number format, and the user's own conditional formats, none of which
 * the tool ever touches.
 *
 * How the tool's rules are known again: by their signature, the custom formula HIGHLIGHT_FORMULA
 * (highlight-find.ts), wherever they apply now; never by Excel's ids, which are positions. The
 * record in column B of the veryHidden tool sheet (tool-store.ts) says which sheets carry them
 * (by Excel's worksheet id, which survives renames) and which areas (for the .xlsx port, which
 * clears them in a file); it is written in the same batch as the rules, before them, so a batch
 * that fails half-way leaves no rule on a sheet the record does not name.
 *
 * Below ExcelApi 1.9 there is no RangeAreas: every separate area gets a rule of its own (the same
 * round trips; past MAX_SEPARATE_AREAS the tool refuses before writing anything). Workbook
 * structure protection (ExcelApi 1.7) is checked before any write: the record needs the tool sheet.
 *
 * Round trips, whatever the number of cells (the last split further only beyond the request budget):
 *   1  sheets (ids, names, protection) and workbook protection    3  types of the rules there
 *   2  the record (if the tool sheet exists)                      4  formulas of the Custom ones
 *   5  deletions, record, new rules
 * 2 syncs on a workbook never highlighted; 3 when the tool sheet exists without a record; clearing
 * is 1–4 plus deletions and record.
 */
import { STYLES, type Highlight } from '../domain/output/sheet-model';
import {
  groupHighlights,
  HIGHLIGHT_FORMULA,
  parseRecord,
  type HighlightEntry,
  type HighlightRecord,
  type Level,
} from '../domain/output/highlight-record';
export { groupHighlights, parseRecord, type HighlightEntry, type HighlightRecord };
import { packCells, splitAreas } from '../domain/a1-areas';
import { TOOL_SHEETS } from '../domain/port';
import type { SetSupport, XlContext, XlWorksheet } from './api';
import { featureName, FEATURE_SET, supportsFeature } from './capabilities';
import { protectedSheetError, structureProtectedError, tooManyAreasError, unsupportedError } from './errors';
import { findToolRules, type FoundRules, type SheetToClean } from './highlight-find';
import { jsonBytes, REQUEST_BUDGET_BYTES } from './limits';
import { syncChecked } from './sync';
import { findToolSheet, queueStoreRead, queueStoreWrite, storedText } from './tool-store';

/** Below ExcelApi 1.9 one rule per separate area: more than this many in one go is refused. */
export const MAX_SEPARATE_AREAS = 10_000;

/** Estimated request bytes of adding one rule (range, add, formula, fill, font), besides its address. */
const RULE_COST = 400;

interface State {
  items: XlWorksheet[];
  byName: Map<string, XlWorksheet>;
  byId: Map<string, XlWorksheet>;
  record: HighlightRecord;
  structureProtected: boolean;
  hasStore: boolean;
}

/** Syncs 1–2: the worksheets (ids, names, protection), workbook protection, the stored record. */
async function loadState(ctx: XlContext, supports: SetSupport, signal?: AbortSignal): Promise<State> {
  const coll = ctx.workbook.worksheets;
  coll.load('items/id,items/name,items/protection/protected');
  const wbProtection = ctx.workbook.protection.load('protected');
  await syncChecked(ctx, signal);
  const items = coll.items;
  const byName = new Map(items.map((ws) => [ws.name, ws]));
  const byId = new Map(items.map((ws) => [ws.id, ws]));
  const store = findToolSheet(items);
  let record: HighlightRecord = { version: 1, entries: [] };
  if (store) {
    const range = queueStoreRead(store, supports);
    await syncChecked(ctx, signal);
    record = parseRecord(storedText(range, 'B'));
  }
  return { items, byName, byId, record, structureProtected: wbProtection.protected, hasStore: store !== undefined };
}

/** The recorded entries per existing sheet (found by id, which survives renames, else by name). */
function recordedSheets(state: State): SheetToClean[] {
  const bySheet = new Map<XlWorksheet, HighlightEntry[]>();
  for (const e of state.record.entries) {
    const ws = (e.sheetId !== undefined ? state.byId.get(e.sheetId) : undefined) ?? state.byName.get(e.sheet);
    // a sheet deleted since: nothing left to clear; the tool sheet never carries highlights
    if (!ws || ws.name === TOOL_SHEETS.config) continue;
    const list = bySheet.get(ws) ?? [];
    list.push(e);
    bySheet.set(ws, list);
  }
  return [...bySheet].map(([ws, entries]) => ({ ws, name: ws.name, entries }));
}

/** What a highlight or clear left undone, for the pane to show (null: nothing). */
export interface HighlightNotice {
  /** sheets whose earlier highlights were (possibly) left in place */
  sheets: string[];
  zh: string;
  en: string;
}

export function leftNotice(unread: string[], unverified: string[] = []): HighlightNotice | null {
  if (unread.length === 0 && unverified.length === 0) return null;
  const zh: string[] = [];
  const en: string[] = [];
  if (unread.length > 0) {
    zh.push(
      `工作表“${unread.join('、')}”的条件格式 Excel 无法读回(例如同一单元格上有两条“单元格值”规则,或用“复制规则”复制出的规则),该表上先前的标注未能清除,记录仍保留。可在“开始 → 条件格式 → 管理规则”中删除重复的规则后再清除。`,
    );
    en.push(
      `Excel cannot read back the conditional formats of sheet "${unread.join('", "')}" (for example two "cell value" rules on one cell, or a rule copied with Duplicate Rule), so the earlier highlights there were left in place and stay recorded. Remove the duplicate rules (Home → Conditional Formatting → Manage Rules) and clear again.`,
    );
  }
  if (unverified.length > 0) {
    zh.push(`工作表“${unverified.join('、')}”上旧版本添加的多区域标注无法在此版本的 Excel 中确认,未清除(记录已保留,可在 Microsoft 365 或 Excel 2021 中清除)。`);
    en.push(
      `Multi-area highlights an older version added on sheet "${unverified.join('", "')}" cannot be verified in this version of Excel, so they were left in place (still recorded; Microsoft 365 or Excel 2021 can clear them).`,
    );
  }
  zh.push('其他工作表已处理。');
  en.push('Other sheets were done.');
  return { sheets: [...new Set([...unread, ...unverified])], zh: zh.join(''), en: en.join(' ') };
}

function color(hex: string | undefined): string | null {
  return hex ? `#${hex}` : null;
}

interface PlannedRule {
  ws: XlWorksheet;
  entry: HighlightEntry;
}

/** The rules to add: one per packed address (RangeAreas, ExcelApi 1.9) or per separate area. */
function planRules(items: Highlight[], state: State, rangeAreas: boolean): PlannedRule[] {
  const out: PlannedRule[] = [];
  for (const [sheet, levels] of groupHighlights(items)) {
    const ws = state.byName.get(sheet);
    // sheets absent from the workbook (deleted since the check) are skipped: nothing to colour
    if (!ws || ws.name === TOOL_SHEETS.config) continue;
    for (const level of ['info', 'warning', 'error'] as const) {
      const cells = levels.get(level);
      if (!cells) continue;
      const packed = packCells(cells);
      const addresses = rangeAreas ? packed : packed.flatMap(splitAreas);
      for (const address of addresses) out.push({ ws, entry: { sheet: ws.name, sheetId: ws.id, address, level, id: 'sig' } });
    }
  }
  return out;
}

/** Queues one rule: the tool's signature formula and the level's fill and font. */
function queueRule(ws: XlWorksheet, address: string, level: Level, rangeAreas: boolean): void {
  const target = rangeAreas ? ws.getRanges(address) : ws.getRange(address);
  const cf = target.conditionalFormats.add('Custom');
  cf.custom.rule.formula = HIGHLIGHT_FORMULA;
  const fill = color(STYLES[level].fill);
  const font = color(STYLES[level].font);
  if (fill) cf.custom.format.fill.color = fill;
  if (font) cf.custom.format.font.color = font;
}

/** Requirements common to highlighting and clearing: ExcelApi 1.7 (structure protection is checked first). */
function requireHighlightApi(supports: SetSupport): void {
  if (!supportsFeature(supports, 'highlight')) throw unsupportedError(featureName('highlight'), `ExcelApi ${FEATURE_SET.highlight}`);
}

/** Replaces the tool's highlights with `items`. */
export async function applyHighlights(
  ctx: XlContext,
  items: Highlight[],
  supports: SetSupport,
  signal?: AbortSignal,
): Promise<HighlightRecord & { notice: HighlightNotice | null }> {
  requireHighlightApi(supports);
  const rangeAreas = supports('ExcelApi', '1.9');
  const state = await loadState(ctx, supports, signal);
  const planned = planRules(items, state, rangeAreas);
  // Refuse before writing anything: a batch is not a transaction.
  if (!rangeAreas && planned.length > MAX_SEPARATE_AREAS) throw tooManyAreasError(planned.length, MAX_SEPARATE_AREAS);
  const locked = [...new Set(planned.filter((p) => p.ws.protection.protected).map((p) => p.ws.name))];
  if (locked.length > 0) throw protectedSheetError(locked);
  const toClean = recordedSheets(state);
  const lockedOld = toClean.filter((s) => s.ws.protection.protected).map((s) => s.name);
  if (lockedOld.length > 0) throw protectedSheetError(lockedOld);
  if (!state.hasStore && state.structureProtected && planned.length > 0) throw structureProtectedError([TOOL_SHEETS.config]);

  const found: FoundRules | null = toClean.length > 0 ? await findToolRules(ctx, toClean, supports, signal) : null;
  const record: HighlightRecord = { version: 1, entries: [...planned.map((p) => p.entry), ...(found?.kept ?? [])] };

  // The last sync(s), in this order: deletions (before any add, since adding renumbers), the record,
  // the new rules. Failing at any point leaves every tool rule on a recorded sheet: before the record
  // is written the old one still names the old sheets; after it, the new one names the new rules'.
  found?.queueDeletes();
  queueStoreWrite(ctx, findToolSheet(state.items), 'B', record.entries.length > 0 ? JSON.stringify(record) : null);
  // Conditional formats change no values: nothing to recalculate; the screen redraws once (1.9).
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  if (rangeAreas) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  let bytes = jsonBytes(record) + 200 * (found?.count ?? 0);
  for (const p of planned) {
    const cost = jsonBytes(p.entry.address) + RULE_COST;
    if (bytes + cost > REQUEST_BUDGET_BYTES && bytes > 0) {
      await syncChecked(ctx, signal);
      bytes = 0;
    }
    bytes += cost;
    queueRule(p.ws, p.entry.address, p.entry.level, rangeAreas);
  }
  await syncChecked(ctx, signal);
  return { ...record, notice: found ? leftNotice(found.unreadSheets, found.unverifiedSheets) : null };
}

/**
 * Removes every highlight the tool recorded; the user's cells and formats are untouched. Entries that
 * could not be looked for (a sheet whose formats cannot be read) stay recorded and are reported.
 */
export async function clearAllHighlights(ctx: XlContext, supports: SetSupport, signal?: AbortSignal): Promise<HighlightNotice | null> {
  requireHighlightApi(supports);
  const state = await loadState(ctx, supports, signal);
  if (state.record.entries.length === 0) return null;
  const toClean = recordedSheets(state);
  const locked = toClean.filter((s) => s.ws.protection.protected).map((s) => s.name);
  if (locked.length > 0) throw protectedSheetError(locked);
  const found = toClean.length > 0 ? await findToolRules(ctx, toClean, supports, signal) : null;
  // deletions first, then the record: a batch failing half-way keeps the old record, which names every sheet
  found?.queueDeletes();
  queueStoreWrite(ctx, findToolSheet(state.items), 'B', found && found.kept.length > 0 ? JSON.stringify({ version: 1, entries: found.kept }) : null);
  await syncChecked(ctx, signal);
  return found ? leftNotice(found.unreadSheets, found.unverifiedSheets) : null;
}
