/**
 * Live mode: `worksheets.onChanged`, debounced per sheet, reporting the sheet's name. The handler
 * never syncs (a sync inside an onChanged handler can hang Excel on the web): it only notes the
 * worksheet id; names are resolved later, in a batch of its own, outside the handler.
 * The tool's own writes are ignored: by `triggerSource === 'ThisLocalAddin'` where ExcelApi 1.14
 * is supported, otherwise while the port's "writing" flag is up (and for one debounce period after,
 * because events arrive after the sync that caused them).
 */
import { TOOL_SHEETS } from '../domain/port';
import type { ExcelRunner, SetSupport, XlChangedArgs, XlEventResult } from './api';

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
  const hasTrigger = supports('ExcelApi', '1.14');
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

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

  const handler = async (args: XlChangedArgs): Promise<void> => {
    if (stopped) return;
    if (hasTrigger ? args.triggerSource === 'ThisLocalAddin' : gate.isWriting()) return;
    pending.add(args.worksheetId);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void resolveAndReport(), debounceMs);
  };

  const registration: XlEventResult = await run(async (ctx) => {
    const result = ctx.workbook.worksheets.onChanged.add(handler);
    await ctx.sync();
    return result;
  });

  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
    // Removal must go through the context that registered the handler.
    registration.remove();
    await registration.context.sync();
  };
}
