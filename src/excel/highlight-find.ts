/**
 * Finding the tool's highlight rules again on the sheets the record names, and queueing their
 * deletion — never a rule that is not provably the tool's.
 *
 * Why not by id: `ConditionalFormat.id` is the rule's position in the collection it was read from
 * (its priority), so any rule the clerk adds or deletes renumbers the rest; and a rule's areas grow
 * when rows are inserted inside them. So a sheet's rules are read as they are now and the tool's are
 * recognised by their signature: the custom formula HIGHLIGHT_FORMULA. Rules recorded before the
 * signature existed (rule `=TRUE`; older records of either port) are recognised by that formula
 * together with exactly the recorded areas, each recorded entry at most once.
 *
 * Round trips, whatever the number of sheets and rules: stage A reads the ids and types of every
 * rule of each sheet (one collection per sheet, `worksheet.getRange().conditionalFormats`); stage B
 * reads the formula of the Custom ones (reading `custom` of another type throws), and where older
 * `=TRUE` entries are recorded, their areas (ExcelApi 1.9 `getRanges`; below it
 * `getRangeOrNullObject`, which cannot tell the areas of a rule applied to several).
 *
 * Rules Excel cannot read back (two cell-value rules on a cell, duplicated rules: office-js #6827,
 * #6835, #5222) make a read fail. A failed sync is repeated one sheet at a time; a sheet whose own
 * read fails is tried once more on just the bounding range of its recorded areas (the problem rules
 * are often elsewhere on the sheet); a sheet that still cannot be read is left as it is, its entries
 * stay recorded, and the caller reports it. Loads only are queued here, so repeating is harmless.
 *
 * Deleting: positions shift as rules are deleted or added, so each sheet's deletions are queued
 * from the highest position down, and before any rule is added in the same batch.
 */
import { areaBounds, rangeAddress, splitAreas } from '../domain/a1-areas';
import { isHighlightFormula, type HighlightEntry } from '../domain/output/highlight-record';
import type { RangePos } from '../domain/a1';
import type { SetSupport, XlConditionalFormat, XlConditionalFormatCollection, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { isFatalForRetry as isFatal } from './errors';
import { syncChecked } from './sync';

/** True for ids the .xlsx port writes: they can never be an id Excel hands out at run time. */
export function isFileId(id: string): boolean {
  return id.startsWith('xlsx:');
}

/** The rule of records from before the signature: `=TRUE` / `TRUE` / `=true`, spaces ignored. */
export function isLegacyFormula(formula: string): boolean {
  return formula.trim().replace(/^=/, '').trim().toUpperCase() === 'TRUE';
}

/** "'S'!$D$4:$D$9,S!F12" and "F12,D4:D9" → "D4:D9,F12": the same areas compare equal. */
export function canonicalAreas(address: string): string {
  return splitAreas(address)
    .map((a) => a.replace(/\$/g, '').toUpperCase())
    .sort()
    .join(',');
}

/** One sheet to clean: its worksheet and the entries the record has for it. */
export interface SheetToClean {
  ws: XlWorksheet;
  /** the sheet's current name */
  name: string;
  entries: HighlightEntry[];
}

export interface FoundRules {
  /** entries to keep recorded: their sheet could not be read, or their rule could not be verified */
  kept: HighlightEntry[];
  /** sheets whose conditional formats Excel could not read back, left as they are */
  unreadSheets: string[];
  /** sheets where an older `=TRUE` rule on several areas could not be verified (ExcelApi < 1.9) */
  unverifiedSheets: string[];
  /** how many rules will be deleted */
  count: number;
  /** queues the deletions (call before queueing any add in the same batch) */
  queueDeletes(): void;
}

/** Entries from before the signature: found by `=TRUE` and their exact areas. */
function isLegacy(e: HighlightEntry): boolean {
  return e.id !== 'sig';
}

/** The bounding range of a sheet's recorded areas ("B4:F20"), or null when none parses. */
function boundingRange(entries: HighlightEntry[]): string | null {
  let b: RangePos | null = null;
  for (const e of entries) {
    for (const a of splitAreas(e.address)) {
      const x = areaBounds(a);
      if (!x) continue;
      b = b ? { top: Math.min(b.top, x.top), left: Math.min(b.left, x.left), bottom: Math.max(b.bottom, x.bottom), right: Math.max(b.right, x.right) } : x;
    }
  }
  return b ? rangeAddress(b) : null;
}

/**
 * Queues `queue(item)` for every item and syncs once; if that fails, once per item, so only the
 * items whose own reads fail are given up (returned in `failed`).
 */
async function loadIsolated<T, R>(ctx: XlContext, items: T[], queue: (item: T) => R, signal?: AbortSignal): Promise<{ done: { item: T; loaded: R }[]; failed: T[] }> {
  if (items.length === 0) return { done: [], failed: [] };
  const all = items.map((item) => ({ item, loaded: queue(item) }));
  try {
    await syncChecked(ctx, signal);
    return { done: all, failed: [] };
  } catch (e) {
    if (isFatal(e) || items.length === 1) {
      if (isFatal(e)) throw e;
      return { done: [], failed: items };
    }
  }
  const done: { item: T; loaded: R }[] = [];
  const failed: T[] = [];
  for (const item of items) {
    const loaded = queue(item);
    try {
      await syncChecked(ctx, signal);
      done.push({ item, loaded });
    } catch (e) {
      if (isFatal(e)) throw e;
      failed.push(item);
    }
  }
  return { done, failed };
}

interface Probe {
  sheet: SheetToClean;
  coll: XlConditionalFormatCollection;
}

interface Candidate {
  cf: XlConditionalFormat;
  /** its position in the probe's collection */
  position: number;
  /** where older entries are recorded: the rule's areas (RangeAreas, or a Range / null object) */
  areas: XlRangeAreas | XlRange | null;
}

/** Stage A for some sheets: ids and types of their rules (whole sheet, or a bounding range). */
async function probe(ctx: XlContext, sheets: SheetToClean[], where: (s: SheetToClean) => string | undefined, signal?: AbortSignal) {
  return loadIsolated(
    ctx,
    sheets,
    (sheet): Probe => ({ sheet, coll: sheet.ws.getRange(where(sheet)).conditionalFormats.load('items/type') }),
    signal,
  );
}

/**
 * Finds the tool's rules on `sheets` (existing, unprotected) and returns what to delete and what
 * to keep recorded. Nothing is written: call `queueDeletes()` when the batch is ready for it.
 */
export async function findToolRules(ctx: XlContext, sheets: SheetToClean[], supports: SetSupport, signal?: AbortSignal): Promise<FoundRules> {
  const unread = new Set<SheetToClean>();
  // Stage A: the whole sheet first; a sheet that fails is tried on its recorded areas' bounding range.
  const first = await probe(ctx, sheets, () => undefined, signal);
  const retry = first.failed.filter((s) => boundingRange(s.entries) !== null);
  for (const s of first.failed) if (!retry.includes(s)) unread.add(s);
  const second = await probe(ctx, retry, (s) => boundingRange(s.entries) ?? undefined, signal);
  for (const s of second.failed) unread.add(s);
  const probes = [...first.done, ...second.done].map((d) => d.loaded);

  // Stage B: formulas of the Custom rules (and areas where older entries are recorded).
  const rangesApi = supports('ExcelApi', '1.9');
  const hasCustom = (p: Probe) => p.coll.items.some((cf) => cf.type.toLowerCase() === 'custom');
  const checked = await loadIsolated(
    ctx,
    probes.filter(hasCustom),
    (p): Candidate[] => {
      const withLegacy = p.sheet.entries.some(isLegacy);
      return p.coll.items.flatMap((cf, position): Candidate[] => {
        if (cf.type.toLowerCase() !== 'custom') return [];
        cf.load('custom/rule/formula');
        let areas: XlRangeAreas | XlRange | null = null;
        if (withLegacy) areas = rangesApi ? cf.getRanges().load('address') : cf.getRangeOrNullObject().load('address');
        return [{ cf, position, areas }];
      });
    },
    signal,
  );
  for (const p of checked.failed) unread.add(p.sheet);

  const kept: HighlightEntry[] = [];
  const unverified = new Set<string>();
  const deletions: { sheet: SheetToClean; cfs: { cf: XlConditionalFormat; position: number }[] }[] = [];
  const nothingToRead = probes.filter((p) => !hasCustom(p)).map((item) => ({ item, loaded: [] as Candidate[] }));
  for (const { item: p, loaded } of [...checked.done, ...nothingToRead]) {
    const legacy = p.sheet.entries.filter(isLegacy);
    const legacyLeft = new Map(legacy.map((e) => [e, canonicalAreas(e.address)]));
    const doomed: { cf: XlConditionalFormat; position: number }[] = [];
    let unknownAreas = false;
    for (const c of loaded) {
      const formula = c.cf.custom.rule.formula;
      if (isHighlightFormula(formula)) {
        doomed.push(c);
        continue;
      }
      if (!isLegacyFormula(formula) || legacyLeft.size === 0 || !c.areas) continue;
      if (c.areas.isNullObject) {
        // a rule `=TRUE` on several areas, and no API here to say which: it might be the tool's
        unknownAreas = true;
        continue;
      }
      const areas = canonicalAreas(c.areas.address);
      const entry = [...legacyLeft].find(([, a]) => a === areas)?.[0];
      if (!entry) continue;
      legacyLeft.delete(entry);
      doomed.push(c);
    }
    if (unknownAreas) {
      // what could not be verified stays recorded, so a clear in a newer Excel can finish the job
      const multi = [...legacyLeft.keys()].filter((e) => splitAreas(e.address).length > 1);
      if (multi.length > 0) {
        kept.push(...multi);
        unverified.add(p.sheet.name);
      }
    }
    deletions.push({ sheet: p.sheet, cfs: doomed });
  }
  for (const s of unread) kept.push(...s.entries);
  return {
    kept,
    unreadSheets: [...unread].map((s) => s.name),
    unverifiedSheets: [...unverified],
    count: deletions.reduce((n, d) => n + d.cfs.length, 0),
    queueDeletes: () => {
      // highest position first: deleting a rule renumbers the ones after it, not those before
      for (const d of deletions) for (const c of [...d.cfs].sort((x, y) => y.position - x.position)) c.cf.delete();
    },
  };
}
