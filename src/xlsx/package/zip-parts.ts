/**
 * The parts of an .xlsx package as bytes, and the package written back. Reading uses the bounded
 * inspector pieces (central directory + an inflate with an output cap, inflate.ts), so a hostile zip
 * cannot blow up memory here either; writing uses JSZip (a dependency of exceljs). Parts keep their
 * order; an unchanged part's bytes are exactly the original's.
 */
import JSZip from 'jszip';
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

/** The package as zip bytes, parts in `names` order. */
export async function writePackage(pkg: Package): Promise<Uint8Array> {
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

export function text(pkg: Package, name: string): string | undefined {
  const b = pkg.parts.get(name);
  return b ? dec.decode(b) : undefined;
}

/** Sets a part's text, adding the part at the end when new. */
export function setText(pkg: Package, name: string, xml: string): void {
  if (!pkg.parts.has(name)) pkg.names.push(name);
  pkg.parts.set(name, enc.encode(xml));
}

export function removePart(pkg: Package, name: string): void {
  pkg.parts.delete(name);
  pkg.names = pkg.names.filter((n) => n !== name);
}
