/**
 * Guarded round trips. Cancellation is checked before each sync, and a sync in flight is given up
 * when the user cancels or when Excel has not answered within the watchdog time: Excel on the web
 * has been seen never to settle a `context.sync()` (office-js #6678), which would otherwise leave
 * the pane spinning with a Cancel button that does nothing. A sync given up on may still complete
 * inside Excel; its late result is ignored.
 */
import type { XlContext } from './api';
import { cancelledError, noResponseError } from './errors';

/** How long one sync may take before the watchdog gives up (a large read on the web takes seconds, not minutes). */
export const SYNC_TIMEOUT_MS = 60_000;

export interface SyncGuard {
  signal?: AbortSignal;
  timeoutMs: number;
  /** told when the guard gives up, so the caller can stop waiting for the whole batch too */
  onGiveUp?: (e: unknown) => void;
}

/** One sync raced against the watchdog and the abort signal. */
export async function guardedSync(ctx: XlContext, guard: SyncGuard): Promise<void> {
  const { signal, timeoutMs } = guard;
  if (signal?.aborted) throw cancelledError();
  const answer = ctx.sync();
  // if the watchdog wins, the sync may still fail later: that rejection is expected and handled here
  answer.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    const fail = (e: unknown) => {
      guard.onGiveUp?.(e);
      reject(e);
    };
    timer = setTimeout(() => fail(noResponseError(Math.round(timeoutMs / 1000))), timeoutMs);
    onAbort = () => fail(cancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([answer, giveUp]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** A context whose every sync is guarded (the workbook proxies are the original context's). */
export function guardedContext(ctx: XlContext, guard: SyncGuard): XlContext {
  return { workbook: ctx.workbook, sync: () => guardedSync(ctx, guard) };
}

/** One sync, checked for cancellation first (the guard, if the context has one, does the rest). */
export async function syncChecked(ctx: XlContext, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw cancelledError();
  await ctx.sync();
}
