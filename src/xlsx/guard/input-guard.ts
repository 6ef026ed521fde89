/**
 * Checks a file's bytes BEFORE the reader sees them: empty, not a zip, an OLE2 compound file
 * (an encrypted .xlsx or a legacy .xls), the .xlsb/.xls extensions, an oversized file. Returns the
 * InputError to report, or null when the bytes may be read. Then the pre-parse
 * inspector (zip-inspect.ts) reads the zip's central directory and scans the XML, bounded, for what
 * would make exceljs hang, blow memory or pollute Object.prototype (zip bombs, huge row numbers,
 * DTDs, reserved names…): the reader never sees such a file. guardInputForRead also hands over the
 * XML parts it inflated and checked, so the reader (src/xlsx/ooxml/) parses them without inflating
 * the package a second time.
 */
import type { InputError } from '../../domain/types';
import { inputError } from './input-errors';
import type { RawInflate } from './inflate';
import type { Package } from '../package/zip-parts';
import { inspectXlsx } from './zip-inspect';

/** Files larger than this are refused before parsing (a monthly report is a few hundred KB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function extension(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** What the guard hands over for bytes it lets through: the inflated, inspected XML parts. */
export interface GuardPass {
  xml: Package;
}

/** The reason these bytes cannot be read as an .xlsx workbook, or null. */
export function guardInput(bytes: Uint8Array, name: string, inflate?: RawInflate): InputError | null {
  const early = guardBytes(bytes, name);
  if (early) return early;
  const r = inspectXlsx(bytes, undefined, { inflate });
  return r.ok ? null : { code: r.code, message: r.message };
}

/** The InputError for these bytes, or what the reader needs to know to read them (GuardPass). */
export function guardInputForRead(bytes: Uint8Array, name: string, inflate?: RawInflate): InputError | GuardPass {
  const early = guardBytes(bytes, name);
  if (early) return early;
  const r = inspectXlsx(bytes, undefined, { inflate, keepXml: true });
  if (!r.ok) return { code: r.code, message: r.message };
  return { xml: r.info.xml ?? { names: [], parts: new Map() } };
}

/** The checks before the inspector: size, extension, magic bytes. */
function guardBytes(bytes: Uint8Array, name: string): InputError | null {
  if (bytes.length === 0) return inputError('E_EMPTY');
  if (bytes.length > MAX_INPUT_BYTES) return inputError('E_TOO_LARGE');
  const ext = extension(name);
  if (ext === 'xlsb') return inputError('E_XLSB');
  if (startsWith(bytes, OLE2_MAGIC)) {
    // An OLE2 container is either a legacy .xls or an encrypted (password-to-open) .xlsx.
    return inputError(ext === 'xls' ? 'E_XLS' : 'E_ENCRYPTED_OR_XLS');
  }
  if (ext === 'xls') return inputError('E_XLS');
  if (startsWith(bytes, ZIP_EMPTY_MAGIC)) return inputError('E_CORRUPT');
  if (!startsWith(bytes, ZIP_MAGIC)) return inputError('E_NOT_ZIP');
  return null;
}
