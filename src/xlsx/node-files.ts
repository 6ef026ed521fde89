/**
 * Node-only file access for the command line: read and write bytes, find workbook files in folders,
 * hash a file's bytes. Kept apart from the port so that src/xlsx stays usable in the browser
 * (the standalone pane imports xlsx-port.ts, never this file).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inputError } from './guard/codes';
import { extensionOf } from './open/formats';
import { SNIFFED_EXTENSIONS, sniffWorkbook, WORKBOOK_EXTENSIONS } from './open/detect';
import type { InputError } from '../domain/types';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: InputError };

function errnoCode(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code: unknown = Reflect.get(e, 'code');
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** A file's bytes, or the InputError saying why it cannot be read (never the OS message). */
export async function readBytes(file: string): Promise<ReadResult> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, error: inputError('E_UNREADABLE') };
    const buf = await fs.readFile(file);
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (e) {
    const code = errnoCode(e);
    return { ok: false, error: inputError(code === 'ENOENT' || code === 'ENOTDIR' ? 'E_NOT_FOUND' : 'E_UNREADABLE') };
  }
}

/** Write bytes, creating the folder if needed. */
export async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Office's lock files (~$name.xlsx) are not workbooks. */
export function isLockFile(name: string): boolean {
  return path.basename(name).startsWith('~$');
}

/** The first `n` bytes of a file (fewer when it is shorter), or null when it cannot be read. */
async function head(file: string, n: number): Promise<Uint8Array | null> {
  try {
    const h = await fs.open(file, 'r');
    try {
      const buf = new Uint8Array(n);
      const { bytesRead } = await h.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await h.close();
    }
  } catch {
    return null;
  }
}

/** Whether a file found in a folder is a workbook to check: by extension, or by its first bytes for .xml/.htm/.txt. */
async function isWorkbookFile(file: string): Promise<boolean> {
  const ext = extensionOf(file);
  if (WORKBOOK_EXTENSIONS.has(ext)) return true;
  if (!SNIFFED_EXTENSIONS.has(ext)) return false;
  const h = await head(file, 65536);
  return h !== null && sniffWorkbook(h);
}

/**
 * Every workbook file under `dir` (recursively), sorted: the spreadsheet extensions (.xlsx, .xls,
 * .xlsb, .ods, .csv, WPS's .et…: open/detect.ts) always, .xml/.htm/.html/.txt when their first bytes
 * are a spreadsheet's; Office lock files and any folder in `excludeDirs` (absolute paths, e.g. the
 * --out folder) skipped. A file named on the command line is always tried, whatever its name.
 */
export async function findWorkbooks(dir: string, excludeDirs: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const excluded = new Set(excludeDirs.map((d) => path.resolve(d)));
  async function walk(d: string): Promise<void> {
    if (excluded.has(path.resolve(d))) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && !isLockFile(e.name) && (await isWorkbookFile(full))) out.push(full);
    }
  }
  await walk(dir);
  return out;
}
