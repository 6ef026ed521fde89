/**
 * The parts of an .xlsx package as bytes, and the package written back. Reading uses the bounded
 * inspector pieces (central directory + an inflate with an output cap, inflate.ts), so a hostile zip
 * cannot blow up memory here either; writing uses JSZip (a dependency of exceljs). Parts keep their
 * order; an unchanged part's bytes are exactly the original's.
 *
 * Part names are case-insensitive in OPC (ECMA-376 Part 2 §9.1.1.1): a relationship may name
 * `xl/worksheets/sheet1.xml` for the entry `xl/worksheets/Sheet1.xml`, and Excel reads it. Every
 * lookup here finds a part whatever the case (the inspector has refused two names that differ only
 * by case), and an edited part keeps its entry's own name. A part may be UTF-16 (OPC allows it): its
 * text is decoded by its byte-order mark, and an edited part is written back as UTF-8, its XML
 * declaration saying so.
 */
import { readCentral } from '../guard/zip-central';
import { jsInflate, type RawInflate } from '../guard/inflate';

/** Part names in package order, and their bytes. */
export interface Package {
  names: string[];
  parts: Map<string, Uint8Array>;
}

/** No single part of a report workbook comes near this; it caps what one inflate may produce. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
const MAX_PARTS = 10_000;

export class PackageError extends Error {}

/** Reads every part; throws PackageError on a package that is not a readable zip. */
export function readPackage(bytes: Uint8Array, inflate: RawInflate = jsInflate): Package {
  const central = readCentral(bytes, MAX_PARTS);
  if (!central.ok) throw new PackageError(central.code);
  const names: string[] = [];
  const parts = new Map<string, Uint8Array>();
  for (const e of central.entries) {
    if (e.name.endsWith('/')) continue; // directory entries carry no part
    const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) data = raw.slice();
    else {
      const r = inflate(raw, Math.min(MAX_PART_BYTES, Math.max(e.size, 0) + 1));
      if (r.status !== 'end') throw new PackageError(`part could not be inflated (${r.status})`);
      data = r.data;
    }
    if (!parts.has(e.name)) names.push(e.name);
    parts.set(e.name, data);
  }
  return { names, parts };
}

/**
 * The package as zip bytes, parts in `names` order. JSZip is loaded only here: reading a package
 * (the reader thread) never needs it, so it stays out of the pane's reader chunk.
 */
export async function writePackage(pkg: Package): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const name of pkg.names) {
    const data = pkg.parts.get(name);
    if (data) zip.file(name, data, { binary: true, createFolders: false });
  }
  // the original's order ([Content_Types].xml first in any Office file), new parts at the end
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const enc = new TextEncoder();
// ignoreBOM: a part that starts with a byte-order mark keeps it when edited and written back
const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const dec16le = new TextDecoder('utf-16le');
const dec16be = new TextDecoder('utf-16be');

/** The entry name of the part `name` (exact, else the one entry equal to it ignoring case), or undefined. */
export function partName(pkg: Package, name: string): string | undefined {
  if (pkg.parts.has(name)) return name;
  const key = name.toLowerCase();
  return pkg.names.find((n) => n.toLowerCase() === key);
}

/** A part's bytes, found whatever the case of its name. */
export function partBytes(pkg: Package, name: string): Uint8Array | undefined {
  const n = partName(pkg, name);
  return n === undefined ? undefined : pkg.parts.get(n);
}

/** The encoding a part's byte-order mark (or first character, '<') announces. */
export function partEncoding(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] === 0x3c && b[1] === 0x00) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0x00 && b[1] === 0x3c) return 'utf-16be';
  return 'utf-8';
}

/** The text of UTF-16 XML, its declaration made to say UTF-8 (what the text becomes when written). */
export function utf16Text(b: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const t = (encoding === 'utf-16le' ? dec16le : dec16be).decode(b);
  return t.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

export function text(pkg: Package, name: string): string | undefined {
  const b = partBytes(pkg, name);
  if (!b) return undefined;
  const e = partEncoding(b);
  return e === 'utf-8' ? dec.decode(b) : utf16Text(b, e);
}

/** Sets a part's text (under its entry's own name when it exists), adding the part at the end when new. */
export function setText(pkg: Package, name: string, xml: string): void {
  const n = partName(pkg, name) ?? name;
  if (!pkg.parts.has(n)) pkg.names.push(n);
  pkg.parts.set(n, enc.encode(xml));
}

export function removePart(pkg: Package, name: string): void {
  const n = partName(pkg, name);
  if (n === undefined) return;
  pkg.parts.delete(n);
  pkg.names = pkg.names.filter((x) => x !== n);
}
