/** One guarded round trip: cancellation is checked before each sync, never in the middle of one. */
import type { XlContext } from './api';
import { cancelledError } from './errors';

export async function syncChecked(ctx: XlContext, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw cancelledError();
  await ctx.sync();
}
