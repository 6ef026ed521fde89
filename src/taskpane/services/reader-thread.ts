/**
 * The pane's reader thread: each file is read in a Web Worker (read-worker.ts, its own chunk),
 * whatever its format, with a time limit: a file that takes longer is stopped and refused
 * (E_TIMEOUT), the thread replaced, and the pane stays responsive; a thread that dies while reading
 * has run out of memory on the file (E_TOO_LARGE). Where the browser has no Worker, or the worker
 * cannot start (a chunk the browser could not load), files are read on the page itself, with every
 * guard but the time limit. Loaded lazily by workbook-source.ts on the first file opened.
 */
import { inputError } from '../../xlsx/guard/codes';
import { Serial } from '../../xlsx/open/hand-over';
import type { ReadResult } from '../../xlsx/open/read-workbook';
import { joinSlice, type RowSlice } from './grid-slices';
import { WorkerSlot } from './worker-slot';

/** How long the pane lets one file be read. A monthly report reads in tens of milliseconds. */
export const READ_TIME_LIMIT_MS = 10_000;

/** the result first (its sheets without rows, and how many row slices follow), then the slices */
type Answer = { ready: true } | { id: number; result: ReadResult; slices?: number } | { id: number; slice: RowSlice };

function refused(code: 'E_TIMEOUT' | 'E_TOO_LARGE'): ReadResult {
  return { ok: false, error: inputError(code), format: null };
}

/** The reader thread: started on first use, replaced after a file it had to give up on. */
class ReaderThread {
  private readonly slot = new WorkerSlot(async () => (await import('./start-read-worker')).startReadWorker());
  private next = 1;
  private readonly serial = new Serial();

  read(bytes: Uint8Array, name: string): Promise<ReadResult> {
    return this.serial.run(() => this.readNow(bytes, name));
  }

  private async readNow(bytes: Uint8Array, name: string): Promise<ReadResult> {
    const w = await this.slot.get();
    if (!w) {
      const { readWorkbookBytes } = await import('../../xlsx/open/read-workbook');
      return readWorkbookBytes(bytes, name);
    }
    const id = this.next++;
    const outcome = await new Promise<ReadResult | 'timeout' | 'lost'>((resolve) => {
      const finish = (r: ReadResult | 'timeout' | 'lost'): void => {
        clearTimeout(timer);
        w.onmessage = null;
        w.onerror = null;
        if (typeof r === 'string') this.slot.drop();
        resolve(r);
      };
      const timer = setTimeout(() => finish('timeout'), READ_TIME_LIMIT_MS);
      let head: ReadResult | null = null;
      let waiting = 0;
      w.onmessage = (e: MessageEvent<Answer>) => {
        const a = e.data;
        if (!('id' in a) || a.id !== id) return;
        if ('result' in a) {
          head = a.result;
          waiting = a.slices ?? 0;
        } else if (head?.ok) {
          joinSlice(head.sheets, a.slice);
          waiting--;
        }
        if (head && waiting === 0) finish(head);
      };
      // a worker that dies while reading has almost always run out of memory on the file
      w.onerror = () => finish('lost');
      w.postMessage({ id, bytes, name });
    });
    if (outcome === 'timeout') return refused('E_TIMEOUT');
    if (outcome === 'lost') return refused('E_TOO_LARGE');
    return outcome;
  }
}

let reader: ReaderThread | null = null;

/** Reads one file's bytes in the reader thread (or on the page where there is none). */
export function readWorkbookFile(bytes: Uint8Array, name: string): Promise<ReadResult> {
  reader ??= new ReaderThread();
  return reader.read(bytes, name);
}
