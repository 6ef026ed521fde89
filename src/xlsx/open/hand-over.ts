/**
 * What both reader threads (the command line's worker thread, the pane's Web Worker) share: handing
 * a result back without copying its large parts, and running one read at a time in order.
 */
import type { ReadResult } from './read-workbook';

/**
 * Makes each XML part of an .xlsx result an ArrayBuffer of its own (a zlib result or a stored part
 * may be a view into a larger buffer) and lists them, to be transferred instead of copied.
 */
export function transferableParts(r: ReadResult): ArrayBuffer[] {
  if (!r.ok || !r.pkg) return [];
  const out: ArrayBuffer[] = [];
  for (const [name, data] of r.pkg.parts) {
    const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer ? data : data.slice();
    r.pkg.parts.set(name, own);
    out.push(own.buffer as ArrayBuffer);
  }
  return out;
}

/** Runs tasks one at a time, in the order given (a reader thread reads one file at a time). */
export class Serial {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task);
    this.last = next.catch(() => undefined);
    return next;
  }
}
