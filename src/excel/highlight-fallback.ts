/**
 * Clearing highlights that the .xlsx port (command line, standalone pane) recorded.
 *
 * Why a fallback: both ports record what they added in the same layout (highlight.ts), but the .xlsx
 * port's ids (`xlsx:<sheetId>:<priority>`) name a rule inside a file; Excel gives every format a new
 * runtime id when it opens the file, so those ids can never match. Such a format is found instead by
 * what it is: a conditional format of type Custom whose rule is `=TRUE` (compared case-insensitively,
 * with or without '=') applying to exactly the recorded areas. Anything else — a user's custom rule
 * with another formula, or covering other cells — is never deleted: the failure mode stays "a
 * highlight stays", never "a user's format is removed".
 *
 * Why two stages: reading conditional formats back has thrown in Excel when a range carries two
 * cell-value rules. So stage A loads only the ids and *types* of the formats on the recorded areas;
 * stage B loads the rule formula (and the areas) only of the Custom ones. Each stage is one sync for
 * all entries (split further only beyond the request budget), so the round trips do not grow with
 * the number of cells. When a stage's sync fails, it is repeated once per sheet to find the sheets
 * whose formats cannot be read; those are left exactly as they are, their entries stay in the record
 * (a later clear tries again), and the caller reports them — no PortError.
 *
 * Requirement sets (node_modules/@types/office-js): worksheet.getRanges, conditionalFormat.getRanges
 * ExcelApi 1.9; conditionalFormats items, conditionalFormat.id/type/custom.rule.formula/delete 1.6.
 */
import { PortError } from '../domain/port';
import { MAX_ADDRESS_CHARS, MAX_AREAS_PER_CALL, splitAreas } from '../domain/a1-areas';
import type { XlConditionalFormat, XlConditionalFormatCollection, XlContext, XlRangeAreas, XlWorksheet } from './api';
import { officeErrorCode } from './errors';
import type { HighlightEntry } from './highlight';
import { jsonBytes, REQUEST_BUDGET_BYTES } from './limits';
import { syncChecked } from './sync';

/** True for ids the .xlsx port writes: they can never be an id Excel hands out at run time. */
export function isFileId(id: string): boolean {
  return id.startsWith('xlsx:');
}

/** The tool's rule: `=TRUE` / `TRUE` / `=true`, spaces around ignored. */
export function isToolFormula(formula: string): boolean {
  return formula.trim().replace(/^=/, '').trim().toUpperCase() === 'TRUE';
}

/** "'S'!$D$4:$D$9,S!F12" and "F12,D4:D9" → "D4:D9,F12": the same areas compare equal. */
export function canonicalAreas(address: string): string {
  return splitAreas(address)
    .map((a) => a.replace(/\$/g, '').toUpperCase())
    .sort()
    .join(',');
}

/** Whether getRanges accepts the address (records written by either port always do; a damaged one may not). */
function withinGetRangesLimits(address: string): boolean {
  return address.length <= MAX_ADDRESS_CHARS && splitAreas(address).length <= MAX_AREAS_PER_CALL;
}

export interface FallbackResult {
  /** entries left in place (sheet unreadable, or an address getRanges would refuse): keep them recorded */
  kept: HighlightEntry[];
  /** sheets whose conditional formats could not be read, left as they are */
  unreadSheets: string[];
  /** formats queued for deletion (sent with the caller's next sync) */
  deleted: number;
}

/** A batch of work on one sheet, sized to fit a request. */
interface Unit<T> {
  sheet: string;
  items: T[];
  cost: number;
}

/** Errors that no retry per sheet can help with: cancellation, cell-edit mode. */
function isFatal(e: unknown): boolean {
  return e instanceof PortError || officeErrorCode(e) === 'InvalidOperationInCellEditMode';
}

/** Cuts each sheet's items into units of at most the request budget. */
function unitsOf<T>(bySheet: Map<string, T[]>, cost: (t: T) => number): Unit<T>[] {
  const out: Unit<T>[] = [];
  for (const [sheet, items] of bySheet) {
    let cur: Unit<T> = { sheet, items: [], cost: 0 };
    for (const t of items) {
      const c = cost(t);
      if (cur.items.length > 0 && cur.cost + c > REQUEST_BUDGET_BYTES) {
        out.push(cur);
        cur = { sheet, items: [], cost: 0 };
      }
      cur.items.push(t);
      cur.cost += c;
    }
    if (cur.items.length > 0) out.push(cur);
  }
  return out;
}

/**
 * Queues `queue(unit)` for as many units as fit one request and syncs — one sync in the usual case.
 * If that sync fails, its units are queued again one sheet at a time, so only the sheets whose own
 * reads fail are given up. Loads only (no writes) are queued here, so repeating is harmless.
 */
async function loadIsolated<T, R>(
  ctx: XlContext,
  units: Unit<T>[],
  queue: (unit: Unit<T>) => R,
  failed: Set<string>,
  signal?: AbortSignal,
): Promise<{ unit: Unit<T>; loaded: R }[]> {
  const done: { unit: Unit<T>; loaded: R }[] = [];
  const batches: Unit<T>[][] = [];
  let bytes = 0;
  for (const u of units) {
    if (batches.length === 0 || bytes + u.cost > REQUEST_BUDGET_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(u);
    bytes += u.cost;
  }
  for (const batch of batches) {
    const live = batch.filter((u) => !failed.has(u.sheet));
    if (live.length === 0) continue;
    const loaded = live.map((unit) => ({ unit, loaded: queue(unit) }));
    try {
      await syncChecked(ctx, signal);
      done.push(...loaded);
      continue;
    } catch (e) {
      if (isFatal(e)) throw e;
    }
    // the batch failed: find the sheets that make it fail
    for (const sheet of new Set(live.map((u) => u.sheet))) {
      const mine = live.filter((u) => u.sheet === sheet).map((unit) => ({ unit, loaded: queue(unit) }));
      try {
        await syncChecked(ctx, signal);
        done.push(...mine);
      } catch (e) {
        if (isFatal(e)) throw e;
        failed.add(sheet);
      }
    }
  }
  return done.filter((d) => !failed.has(d.unit.sheet));
}

interface Probe {
  entry: HighlightEntry;
  coll: XlConditionalFormatCollection;
}

interface Candidate {
  entry: HighlightEntry;
  cf: XlConditionalFormat;
  areas: XlRangeAreas;
}

/** Rough request + response bytes of reading one candidate's formula and areas (≤ 2,000-char address). */
const CANDIDATE_COST = 2_400;

/**
 * Finds the tool's formats of `entries` (all with file ids, on existing, unprotected sheets) and
 * queues their deletion: stage A (types), stage B (formulas and areas of the Custom ones).
 */
export async function queueDeleteByRule(
  ctx: XlContext,
  byName: Map<string, XlWorksheet>,
  entries: HighlightEntry[],
  signal?: AbortSignal,
): Promise<FallbackResult> {
  const kept: HighlightEntry[] = [];
  const bySheet = new Map<string, HighlightEntry[]>();
  for (const e of entries) {
    // an address getRanges would refuse would fail the whole batch: leave that one highlight instead
    if (!byName.has(e.sheet) || !withinGetRangesLimits(e.address)) {
      kept.push(e);
      continue;
    }
    const list = bySheet.get(e.sheet) ?? [];
    list.push(e);
    bySheet.set(e.sheet, list);
  }
  const failed = new Set<string>();

  // Stage A: ids and types of the formats on each recorded address (never their rules).
  const unitsA = unitsOf(bySheet, (e) => jsonBytes(e.address) + 200);
  const probed = await loadIsolated(
    ctx,
    unitsA,
    (unit): Probe[] =>
      unit.items.map((entry) => {
        const ws = byName.get(entry.sheet);
        if (!ws) throw new Error(`sheet ${entry.sheet} vanished between two lines`);
        return { entry, coll: ws.getRanges(entry.address).conditionalFormats.load('items/id,items/type') };
      }),
    failed,
    signal,
  );

  // Stage B: formula and areas of the Custom formats only (reading `custom` of another type throws).
  const customBySheet = new Map<string, { entry: HighlightEntry; cf: XlConditionalFormat }[]>();
  for (const { unit, loaded } of probed) {
    for (const { entry, coll } of loaded) {
      for (const cf of coll.items) {
        if (cf.type.toLowerCase() !== 'custom') continue;
        const list = customBySheet.get(unit.sheet) ?? [];
        list.push({ entry, cf });
        customBySheet.set(unit.sheet, list);
      }
    }
  }
  const checked = await loadIsolated(
    ctx,
    unitsOf(customBySheet, () => CANDIDATE_COST),
    (unit): Candidate[] =>
      unit.items.map(({ entry, cf }) => ({ entry, cf: cf.load('custom/rule/formula'), areas: cf.getRanges().load('address') })),
    failed,
    signal,
  );

  // Each recorded entry deletes at most one format, and no format is deleted twice.
  let deleted = 0;
  const gone = new Set<string>();
  const matched = new Set<HighlightEntry>();
  for (const { unit, loaded } of checked) {
    for (const { entry, cf, areas } of loaded) {
      const key = `${unit.sheet}\u0000${cf.id}`;
      if (matched.has(entry) || gone.has(key)) continue;
      if (!isToolFormula(cf.custom.rule.formula)) continue;
      if (canonicalAreas(areas.address) !== canonicalAreas(entry.address)) continue;
      cf.delete();
      gone.add(key);
      matched.add(entry);
      deleted += 1;
    }
  }
  for (const e of entries) if (failed.has(e.sheet)) kept.push(e);
  return { kept, unreadSheets: [...failed], deleted };
}
