/**
 * Reads a zip's central directory (and checks each entry's local header) without inflating
 * anything. Pure byte arithmetic over a Uint8Array, so it runs in the browser too. Every offset the
 * file declares is bounds-checked before use; a failure is reported as an inspector code.
 */
import type { InputErrorCode } from './codes';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  /** declared inflated size: verified while inflating, never trusted alone */
  size: number;
  /** offset of the entry's compressed data */
  dataStart: number;
}

export type CentralResult =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; code: InputErrorCode };

const SIG_EOCD = 0x06054b50;
const SIG_Z64_LOCATOR = 0x07064b50;
const SIG_Z64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
/** A 64-bit field as a number; values beyond 2^53 become Infinity, which every limit refuses. */
const u64 = (b: Uint8Array, o: number): number => {
  const hi = u32(b, o + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + u32(b, o);
};

const utf8 = new TextDecoder('utf-8', { fatal: false });
function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** The offset of the end-of-central-directory record, searching back over a possible comment. */
function findEocd(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let o = b.length - 22; o >= lowest; o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && u32(b, o) === SIG_EOCD) return o;
  }
  return -1;
}

interface Directory {
  count: number;
  size: number;
  offset: number;
}

function readDirectory(b: Uint8Array, eocd: number): Directory | InputErrorCode {
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) return 'E_CORRUPT'; // split archives
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_Z64_LOCATOR) return 'E_CORRUPT';
    const z = u64(b, loc + 8);
    if (!(z + 56 <= loc) || u32(b, z) !== SIG_Z64_EOCD) return 'E_CORRUPT';
    count = u64(b, z + 32);
    size = u64(b, z + 40);
    offset = u64(b, z + 48);
  }
  return { count, size, offset };
}

/** Zip64 extra field (id 1): replaces the 32-bit fields that were saturated, in this order. */
function applyZip64(b: Uint8Array, start: number, end: number, f: { size: number; csize: number; local: number }): boolean {
  let o = start;
  while (o + 4 <= end) {
    const id = u16(b, o);
    const len = u16(b, o + 2);
    if (o + 4 + len > end) return false;
    if (id === 1) {
      let p = o + 4;
      const take = (): number => {
        if (p + 8 > o + 4 + len) return NaN;
        const v = u64(b, p);
        p += 8;
        return v;
      };
      if (f.size === 0xffffffff) f.size = take();
      if (f.csize === 0xffffffff) f.csize = take();
      if (f.local === 0xffffffff) f.local = take();
      return !Number.isNaN(f.size + f.csize + f.local);
    }
    o += 4 + len;
  }
  return f.size !== 0xffffffff && f.csize !== 0xffffffff && f.local !== 0xffffffff;
}

/** Reads and checks the central directory; `maxEntries` is enforced before any entry is read. */
export function readCentral(b: Uint8Array, maxEntries: number): CentralResult {
  const eocd = b.length >= 22 ? findEocd(b) : -1;
  if (eocd < 0) return { ok: false, code: 'E_TRUNCATED' };
  const dir = readDirectory(b, eocd);
  if (typeof dir === 'string') return { ok: false, code: dir };
  if (dir.count === 0) return { ok: false, code: 'E_EMPTY_ZIP' };
  // a central entry takes at least 46 bytes: a count the directory cannot hold is damage, not size
  if (dir.count * 46 > dir.size) return { ok: false, code: 'E_CORRUPT' };
  if (dir.count > maxEntries) return { ok: false, code: 'E_TOO_MANY_PARTS' };
  if (!(dir.offset + dir.size <= eocd)) return { ok: false, code: 'E_TRUNCATED' };

  const entries: ZipEntry[] = [];
  let o = dir.offset;
  const cdEnd = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (o + 46 > cdEnd || u32(b, o) !== SIG_CENTRAL) return { ok: false, code: 'E_CORRUPT' };
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    const f = { csize: u32(b, o + 20), size: u32(b, o + 24), local: u32(b, o + 42) };
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    const nameStart = o + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > cdEnd) return { ok: false, code: 'E_CORRUPT' };
    // bit 0: traditional or strong encryption; bit 6: strong encryption
    if (flags & 0x41) return { ok: false, code: 'E_ENCRYPTED' };
    if (method !== 0 && method !== 8) return { ok: false, code: 'E_CORRUPT' };
    if (!applyZip64(b, extraStart, extraStart + extraLen, f)) return { ok: false, code: 'E_CORRUPT' };
    const name = flags & 0x800 ? utf8.decode(b.subarray(nameStart, extraStart)) : latin1(b, nameStart, extraStart);

    const lo = f.local;
    if (!(lo + 30 <= b.length) || u32(b, lo) !== SIG_LOCAL) {
      return { ok: false, code: lo + 30 > b.length ? 'E_TRUNCATED' : 'E_CORRUPT' };
    }
    const dataStart = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
    if (!(dataStart + f.csize <= dir.offset)) return { ok: false, code: 'E_TRUNCATED' };
    if (method === 0 && f.csize !== f.size) return { ok: false, code: 'E_CORRUPT' };
    entries.push({ name, method, compressedSize: f.csize, size: f.size, dataStart });
    o = next;
  }
  // Entries sharing compressed bytes are the "overlapping files" zip bomb: refuse.
  const byStart = entries.filter((e) => e.compressedSize > 0).sort((a, c) => a.dataStart - c.dataStart);
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1];
    if (byStart[i].dataStart < prev.dataStart + prev.compressedSize) return { ok: false, code: 'E_ZIP_BOMB' };
  }
  return { ok: true, entries };
}
