/**
 * Live mode's eyes on the workbook: edits gathered per sheet, debounced, and handed on as the
 * changed sheets' grids, read in one round trip (watch-read.ts); sheets added, deleted, renamed or
 * moved handed on as a structure change (the caller reads the whole workbook again).
 *
 * The event handlers never sync (a sync inside an onChanged handler can hang Excel on the web):
 * they only note the worksheet id; the read happens later, in a batch of its own. Excel raises one
 * event per edit or paste (the address is the whole pasted area; `details` only for one cell), and
 * a clerk typing raises many: they are gathered until `debounceMs` pass without another. Only one
 * read-and-recheck runs at a time: edits arriving meanwhile wait and are handled together after it.
 *
 * ExcelApi 1.9 has one change event for the whole workbook (`worksheets.onChanged`). From 1.7 the
 * same is built from each sheet's `worksheet.onChanged`, registered on every sheet in one batch,
 * and on each sheet added later (registered in a batch of its own after the event).
 * `worksheets.onAdded` and `onDeleted` (1.7) and `onNameChanged` and `onMoved` (1.17) are structure
 * changes. Before 1.17 a rename is noticed at the next edit of that sheet (its name is then one the
 * caller does not hold), and a moved sheet at the next structure change or full check.
 * The tool's own edits are ignored: by `triggerSource === 'ThisLocalAddin'` where ExcelApi 1.14 is
 * supported, otherwise while the port's "writing" flag is up (and for one debounce period after,
 * because events arrive after the sync that caused them).
 */
import type { SheetGrid } from '../domain/types';
import type { ExcelRunner, SetSupport, XlAddedArgs, XlChangedArgs, XlEventResult } from './api';
import { featureName, FEATURE_SET, supportsFeature } from './capabilities';
import { unsupportedError } from './errors';
import { readSheetsById } from './watch-read';

export const DEBOUNCE_MS = 800;
/** A failed read is tried again this many times (one debounce apart) before waiting for the next edit. */
export const RETRIES = 3;

export interface WriteGate {
  /** true while the port writes, and for a moment after */
  isWriting(): boolean;
}

/** What live mode is told: sheets read again after edits, or that the workbook's sheets changed. */
export type LiveChange = { kind: 'sheets'; sheets: SheetGrid[] } | { kind: 'structure' };

export async function watchSheetEdits(
  run: ExcelRunner,
  supports: SetSupport,
  gate: WriteGate,
  onChange: (change: LiveChange) => Promise<void>,
  debounceMs = DEBOUNCE_MS,
): Promise<() => Promise<void>> {
  if (!supportsFeature(supports, 'live')) throw unsupportedError(featureName('live'), `ExcelApi ${FEATURE_SET.live}`);
  const hasTrigger = supports('ExcelApi', '1.14');
  const pending = new Set<string>();
  let structure = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let failures = 0;
  let stopped = false;
  const registrations: XlEventResult[] = [];

  const schedule = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  const flush = async () => {
    timer = undefined;
    // one at a time: what arrives meanwhile is picked up when this one ends
    if (busy || stopped || (pending.size === 0 && !structure)) return;
    busy = true;
    const ids = [...pending];
    const whole = structure;
    pending.clear();
    structure = false;
    try {
      if (whole) await onChange({ kind: 'structure' });
      else {
        const read = await run((ctx) => readSheetsById(ctx, ids, supports));
        if (stopped) return;
        if (read === 'gone') await onChange({ kind: 'structure' });
        else if (read.length > 0) await onChange({ kind: 'sheets', sheets: read });
      }
      failures = 0;
    } catch {
      // e.g. the clerk is still in cell-edit mode: the workbook is read whole next time (whatever
      // was missed is then included), a few times one debounce apart, then at the next edit
      structure = true;
      failures += 1;
    } finally {
      busy = false;
      if (!stopped && timer === undefined && (pending.size > 0 || (structure && failures <= RETRIES))) schedule();
    }
  };

  const ownEdit = (args: XlChangedArgs) => (hasTrigger ? args.triggerSource === 'ThisLocalAddin' : gate.isWriting());
  const onChanged = async (args: XlChangedArgs): Promise<void> => {
    if (stopped || ownEdit(args)) return;
    pending.add(args.worksheetId);
    schedule();
  };
  const onStructure = async (): Promise<void> => {
    if (stopped) return;
    structure = true;
    failures = 0;
    schedule();
  };

  if (supports('ExcelApi', '1.9')) {
    registrations.push(
      ...(await run(async (ctx) => {
        const coll = ctx.workbook.worksheets;
        const results = [coll.onChanged.add(onChanged), coll.onAdded.add(onStructure), coll.onDeleted.add(onStructure)];
        if (supports('ExcelApi', '1.17')) results.push(coll.onNameChanged.add(onStructure), coll.onMoved.add(onStructure));
        await ctx.sync();
        return results;
      })),
    );
  } else {
    // A sheet added later gets its own handler, registered outside the event (no sync inside it).
    const watchAdded = (args: XlAddedArgs): Promise<void> => {
      void onStructure();
      setTimeout(() => {
        if (stopped) return;
        run(async (ctx) => {
          const result = ctx.workbook.worksheets.getItem(args.worksheetId).onChanged.add(onChanged);
          await ctx.sync();
          return result;
        })
          .then((r) => (stopped ? void removeAll([r]) : void registrations.push(r)))
          .catch(() => undefined); // the sheet may be gone again: nothing to watch
      }, 0);
      return Promise.resolve();
    };
    registrations.push(
      ...(await run(async (ctx) => {
        const coll = ctx.workbook.worksheets;
        coll.load('items/id');
        await ctx.sync();
        const results = coll.items.map((ws) => ws.onChanged.add(onChanged));
        results.push(coll.onAdded.add(watchAdded), coll.onDeleted.add(onStructure));
        await ctx.sync();
        return results;
      })),
    );
  }

  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
    await removeAll(registrations.splice(0));
  };
}

/** Removes registrations; each must go through the context that registered it. */
async function removeAll(registrations: XlEventResult[]): Promise<void> {
  const contexts = new Set<XlEventResult['context']>();
  for (const r of registrations) {
    r.remove();
    contexts.add(r.context);
  }
  for (const c of contexts) {
    try {
      await c.sync();
    } catch {
      // a handler of a deleted sheet cannot be removed again: it went with its sheet
    }
  }
}
