/**
 * Node-only file access for the command line: read and write bytes, find .xlsx files in folders,
 * hash a file's bytes. Kept apart from the port so that src/xlsx stays usable in the browser
 * (the standalone pane imports xlsx-port.ts, never this file).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inputError } from './guard/input-errors';
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

/**
 * Every .xlsx under `dir` (recursively), sorted, skipping Office lock files and any folder in
 * `excludeDirs` (absolute paths, e.g. the --out folder).
 */
export async function findXlsx(dir: string, excludeDirs: string[] = []): Promise<string[]> {
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
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !isLockFile(e.name)) out.push(full);
    }
  }
  await walk(dir);
  return out;
}
