/**
 * Live mode: edits reported per sheet, debounced, by the sheet's name. The handler never syncs (a
 * sync inside an onChanged handler can hang Excel on the web): it only notes the worksheet id; names
 * are resolved later, in a batch of its own, outside the handler.
 *
 * ExcelApi 1.9 has one event for the whole workbook (`worksheets.onChanged`). From 1.7 the same is
 * built from each sheet's `worksheet.onChanged`, registered on every sheet in one batch, and on
 * each sheet added later (`worksheets.onAdded`, registered in a batch of its own after the event).
 * The tool's own writes are ignored: by `triggerSource === 'ThisLocalAddin'` where ExcelApi 1.14
 * is supported, otherwise while the port's "writing" flag is up (and for one debounce period after,
 * because events arrive after the sync that caused them).
 */
import { TOOL_SHEETS } from '../domain/port';
import type { ExcelRunner, SetSupport, XlAddedArgs, XlChangedArgs, XlEventResult } from './api';
import { featureName, FEATURE_SET, supportsFeature } from './capabilities';
import { unsupportedError } from './errors';

export const DEBOUNCE_MS = 800;

export interface WriteGate {
  /** true while the port writes, and for a moment after */
  isWriting(): boolean;
}

export async function watchSheetChanges(
  run: ExcelRunner,
  supports: SetSupport,
  gate: WriteGate,
  onSheetChanged: (sheet: string) => void,
  debounceMs = DEBOUNCE_MS,
): Promise<() => Promise<void>> {
  if (!supportsFeature(supports, 'live')) throw unsupportedError(featureName('live'), `ExcelApi ${FEATURE_SET.live}`);
  const hasTrigger = supports('ExcelApi', '1.14');
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const registrations: XlEventResult[] = [];

  const resolveAndReport = async () => {
    timer = undefined;
    const ids = [...pending];
    pending.clear();
    if (stopped || ids.length === 0) return;
    try {
      const names = await run(async (ctx) => {
        const coll = ctx.workbook.worksheets;
        coll.load('items/id,items/name');
        await ctx.sync();
        return new Map(coll.items.map((ws) => [ws.id, ws.name]));
      });
      for (const id of ids) {
        const name = names.get(id);
        const isTool = name !== undefined && (Object.values(TOOL_SHEETS) as string[]).includes(name);
        if (name !== undefined && !isTool && !stopped) onSheetChanged(name);
      }
    } catch {
      // a failed lookup only skips this re-check; the next edit triggers another
    }
  };

  const onChanged = async (args: XlChangedArgs): Promise<void> => {
    if (stopped) return;
    if (hasTrigger ? args.triggerSource === 'ThisLocalAddin' : gate.isWriting()) return;
    pending.add(args.worksheetId);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void resolveAndReport(), debounceMs);
  };

  if (supports('ExcelApi', '1.9')) {
    registrations.push(
      await run(async (ctx) => {
        const result = ctx.workbook.worksheets.onChanged.add(onChanged);
        await ctx.sync();
        return result;
      }),
    );
  } else {
    // A sheet added later gets its own handler, registered outside the event (no sync inside it).
    const watchAdded = (args: XlAddedArgs): Promise<void> => {
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
        results.push(coll.onAdded.add(watchAdded));
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
  for (const c of contexts) await c.sync();
}
