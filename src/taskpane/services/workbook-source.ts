/**
 * Where the workbooks come from: the open Excel workbook (Office.js port) or the files the user
 * opened in standalone mode, or added to a summary. A file is read in the pane's reader thread
 * (reader-thread.ts), whatever its format — .xlsx, .xls, .xlsb, .ods, Excel 2003 XML, HTML tables,
 * CSV — with a time limit. The reader thread's client and the port code are loaded lazily on the
 * first file, and SheetJS only inside the worker: none of them is in the pane's initial bundle.
 * Either way the engine gets the same CheckInput list.
 */
import type { WorkbookPort } from '../../domain/port';
import { PortError } from '../../domain/port';
import type { CheckInput } from '../../domain/check';
import type { Bilingual } from '../../domain/types';
import type { ExcelFeature } from './types';
import type { LivePort } from '../../excel/watch-session';
import type { XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { readBytes } from './read-file';

/** What the pane needs of the Office.js port beyond WorkbookPort (src/excel). */
export interface OfficePort extends WorkbookPort, LivePort {
  /** after highlight/clear: earlier highlights whose formats Excel could not read, left in place */
  readonly lastHighlightNotice?: Bilingual | null;
  selectCell(sheet: string, address: string): Promise<void>;
  /** the active worksheet's name; a bilingual PortError when a chart sheet is active */
  activeSheetName(signal?: AbortSignal): Promise<string>;
  insertWorkbook(base64: string): Promise<boolean>;
  /** whether this Excel has a feature (absent: yes) */
  can?(feature: ExcelFeature): boolean;
  /** what this Excel lacks, said once at start (absent or null: nothing) */
  limits?(): Bilingual | null;
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

/** Open picked files, whatever their format (port code loaded on first use). Unreadable files are kept with their error. */
export async function openWorkbookFiles(files: File[]): Promise<OpenedWorkbook[]> {
  const { XlsxWorkbookPort } = await import('../../xlsx/xlsx-port');
  const { readWorkbookFile } = await import('./reader-thread');
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
