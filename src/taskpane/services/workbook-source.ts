/**
 * Where the workbooks come from: the open Excel workbook (Office.js port) or the files the user
 * opened in standalone mode, or added to a summary. A file is read in the pane's reader thread (a Web
 * Worker: read-worker.ts), whatever its format — .xlsx, .xls, .xlsb, .ods, Excel 2003 XML, HTML
 * tables, CSV — with a time limit: a file that takes longer is stopped and refused, the pane stays
 * responsive. Where the browser has no Worker, or the worker cannot start, the file is read on the
 * page itself (same guards, no time limit). The port code is loaded lazily (xlsx-port.ts), and
 * SheetJS only inside the worker: neither is in the pane's initial bundle. Either way the engine gets
 * the same CheckInput list.
 */
import type { WorkbookPort } from '../../domain/port';
import { PortError } from '../../domain/port';
import type { CheckInput } from '../../domain/check';
import type { Bilingual } from '../../domain/types';
import { Serial } from '../../xlsx/open/hand-over';
import type { ReadResult } from '../../xlsx/open/read-workbook';
import type { XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { readBytes } from './read-file';

/** How long the pane lets one file be read. A monthly report reads in tens of milliseconds. */
export const READ_TIME_LIMIT_MS = 10_000;

/** What the pane needs of the Office.js port beyond WorkbookPort (src/excel). */
export interface OfficePort extends WorkbookPort {
  /** after highlight/clear: earlier highlights whose formats Excel could not read, left in place */
  readonly lastHighlightNotice?: Bilingual | null;
  selectCell(sheet: string, address: string): Promise<void>;
  watchChanges(cb: (sheet: string) => void): Promise<() => void> | (() => void);
  insertWorkbook(base64: string): Promise<boolean>;
}

/** A workbook file opened in the pane: its bytes, its port (null when unreadable) or the error. */
export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  port: XlsxWorkbookPort | null;
  error: PortError | null;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle exists in secure contexts (https, and http://127.0.0.1); without it the digest is
  // only a label in the report, so an empty one is acceptable.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return '';
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const digest = await subtle.digest('SHA-256', copy.buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Answer = { ready: true } | { id: number; result: ReadResult };

/** A refusal of the closed list (its messages are loaded with the port code, not in the initial bundle). */
async function refused(code: 'E_TIMEOUT' | 'E_TOO_LARGE'): Promise<ReadResult> {
  const { inputError } = await import('../../xlsx/guard/codes');
  return { ok: false, error: inputError(code), format: null };
}

/** The reader thread: started on first use, replaced after a file it had to give up on. */
class ReaderThread {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  /** the worker could not start here (no Worker, a blocked chunk): read on the page */
  private unavailable = typeof Worker !== 'function';
  private next = 1;
  private readonly serial = new Serial();

  read(bytes: Uint8Array, name: string): Promise<ReadResult> {
    return this.serial.run(() => this.readNow(bytes, name));
  }

  private async start(): Promise<boolean> {
    const { startReadWorker } = await import('./start-read-worker');
    const w = startReadWorker();
    this.worker = w;
    return new Promise<boolean>((resolve) => {
      w.onmessage = (e: MessageEvent<Answer>) => {
        if ('ready' in e.data) resolve(true);
      };
      w.onerror = () => resolve(false);
    });
  }

  private drop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private async readNow(bytes: Uint8Array, name: string): Promise<ReadResult> {
    if (!this.unavailable) {
      this.ready ??= this.start().catch(() => false);
      if (!(await this.ready)) {
        this.unavailable = true;
        this.drop();
      }
    }
    const w = this.worker;
    if (this.unavailable || !w) {
      const { readWorkbookBytes } = await import('../../xlsx/open/read-workbook');
      return readWorkbookBytes(bytes, name);
    }
    const id = this.next++;
    const outcome = await new Promise<ReadResult | 'timeout' | 'lost'>((resolve) => {
      const finish = (r: ReadResult | 'timeout' | 'lost'): void => {
        clearTimeout(timer);
        w.onmessage = null;
        w.onerror = null;
        if (typeof r === 'string') this.drop();
        resolve(r);
      };
      const timer = setTimeout(() => finish('timeout'), READ_TIME_LIMIT_MS);
      w.onmessage = (e: MessageEvent<Answer>) => {
        if ('id' in e.data && e.data.id === id) finish(e.data.result);
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

/** Open picked files, whatever their format (port code loaded on first use). Unreadable files are kept with their error. */
export async function openWorkbookFiles(files: File[]): Promise<OpenedWorkbook[]> {
  const { XlsxWorkbookPort } = await import('../../xlsx/xlsx-port');
  const out: OpenedWorkbook[] = [];
  for (const file of files) {
    const bytes = await readBytes(file);
    const sha256 = await sha256Hex(bytes);
    try {
      const read = await readWorkbookFile(bytes, file.name);
      out.push({ name: file.name, bytes, sha256, port: XlsxWorkbookPort.fromRead(bytes, file.name, read), error: null });
    } catch (e) {
      const error = e instanceof PortError ? e : new PortError('E_CORRUPT', '工作簿无法读取。', 'The workbook could not be read.');
      out.push({ name: file.name, bytes, sha256, port: null, error });
    }
  }
  return out;
}

/** The engine's input for an opened file (a grid and the note its format earns, or the input error). */
export async function inputOf(w: OpenedWorkbook, signal?: AbortSignal): Promise<CheckInput> {
  if (!w.port || w.error) {
    const err = w.error ?? new PortError('E_CORRUPT', '工作簿无法读取。', 'The workbook could not be read.');
    return { file: w.name, sha256: w.sha256, grid: null, inputError: { code: err.code, message: { zh: err.zh, en: err.en } } };
  }
  const grid = await w.port.readWorkbook({ signal });
  const input: CheckInput = { file: w.name, sha256: w.sha256, grid, inputError: null };
  if (w.port.note) input.notes = [w.port.note];
  return input;
}

/** The engine's input for the open Excel workbook (all sheets, or only some). */
export async function inputOfOffice(port: WorkbookPort, name: string, sheets: string[] | undefined, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<CheckInput> {
  const grid = await port.readWorkbook({ sheets, signal, onProgress });
  return { file: name, sha256: '', grid, inputError: null };
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const e = new Error('aborted');
    e.name = 'AbortError';
    throw e;
  }
}
