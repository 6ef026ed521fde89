/**
 * The pre-parse inspector of OLE2 compound files ([MS-CFB]): what a legacy .xls (and an encrypted
 * .xlsx, and a Word .doc) is. Before SheetJS sees such a file, its structure is walked with bounds
 * on everything the file declares: the header's sector sizes, the FAT sector count against the
 * file's real size, the DIFAT and every sector chain followed with loop detection, the directory
 * tree visited once per entry. Then the streams it holds say what the file is: `Workbook` (BIFF8) or
 * `Book` (BIFF5) a workbook, whose records biff.ts scans; `EncryptedPackage` a password-protected
 * OOXML workbook; `WordDocument` / `PowerPoint Document` not a spreadsheet. Pure byte arithmetic
 * over a Uint8Array: it runs in the browser too, and never throws (a defect is reported as damage).
 */
import type { InputErrorCode } from './codes';

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
/** Sector ids above this are special values (FREESECT, ENDOFCHAIN, FATSECT, DIFSECT). */
const MAXREGSECT = 0xfffffffa;
const DIR_ENTRY = 128;

export function isOle2(b: Uint8Array): boolean {
  return b.length >= 8 && MAGIC.every((x, i) => b[i] === x);
}

export type Ole2Kind = 'workbook' | 'encrypted' | 'other-document' | 'unknown';

export type Ole2Result =
  | { ok: true; kind: Ole2Kind; /** the Workbook (BIFF8) or Book (BIFF5) stream, for 'workbook' */ workbook?: Uint8Array }
  | { ok: false; code: InputErrorCode };

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

class Damaged {
  constructor(readonly code: InputErrorCode) {}
}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** A compound file, its structure checked as far as it is used. */
class Compound {
  readonly sectorSize: number;
  readonly sectors: number;
  private readonly fat: Uint32Array;
  private readonly miniCutoff: number;

  constructor(private readonly b: Uint8Array) {
    if (b.length < 512) throw new Damaged('E_TRUNCATED');
    if (u16(b, 28) !== 0xfffe) throw new Damaged('E_CORRUPT');
    const shift = u16(b, 30);
    const major = u16(b, 26);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw new Damaged('E_CORRUPT');
    if (u16(b, 32) !== 6) throw new Damaged('E_CORRUPT');
    this.sectorSize = 1 << shift;
    // sectors that exist in the file (the last one may be cut short by a writer: counted if started)
    this.sectors = Math.ceil((b.length - this.sectorSize) / this.sectorSize);
    if (this.sectors <= 0) throw new Damaged('E_TRUNCATED');
    this.miniCutoff = u32(b, 56);
    if (this.miniCutoff !== 4096) throw new Damaged('E_CORRUPT');
    this.fat = this.readFat();
  }

  /** Offset of sector `n` (bounds-checked against the file). */
  private at(n: number): number {
    if (n >= this.sectors) throw new Damaged('E_TRUNCATED');
    return (n + 1) * this.sectorSize;
  }

  private word(n: number, i: number): number {
    const o = this.at(n) + i * 4;
    if (o + 4 > this.b.length) throw new Damaged('E_TRUNCATED');
    return u32(this.b, o);
  }

  /** The FAT, from the header's 109 DIFAT entries and the DIFAT chain, each sector read once. */
  private readFat(): Uint32Array {
    const fatSectors = u32(this.b, 44);
    // a FAT sector maps sectorSize/4 sectors: more FAT sectors than the file has sectors is a lie
    if (fatSectors === 0 || fatSectors > this.sectors) throw new Damaged('E_CORRUPT');
    const ids: number[] = [];
    for (let i = 0; i < 109 && ids.length < fatSectors; i++) ids.push(u32(this.b, 76 + i * 4));
    let difat = u32(this.b, 68);
    const difatCount = u32(this.b, 72);
    if (difatCount > this.sectors) throw new Damaged('E_CORRUPT');
    const seen = new Set<number>();
    const per = this.sectorSize / 4 - 1;
    while (ids.length < fatSectors) {
      if (difat > MAXREGSECT || seen.has(difat) || seen.size >= difatCount) throw new Damaged('E_CORRUPT');
      seen.add(difat);
      for (let i = 0; i < per && ids.length < fatSectors; i++) ids.push(this.word(difat, i));
      difat = this.word(difat, per);
    }
    const perFat = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * perFat);
    const used = new Set<number>();
    ids.forEach((id, k) => {
      if (id > MAXREGSECT || used.has(id)) throw new Damaged('E_CORRUPT');
      used.add(id);
      const o = this.at(id);
      const end = Math.min(this.b.length, o + this.sectorSize);
      for (let i = 0; o + i * 4 + 4 <= end; i++) fat[k * perFat + i] = u32(this.b, o + i * 4);
    });
    return fat;
  }

  /** The sectors of the chain starting at `start`, followed once (a loop or a stray id is damage). */
  chain(start: number, table: Uint32Array = this.fat, limit = this.sectors): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== ENDOFCHAIN) {
      if (s > MAXREGSECT || s >= table.length || seen.has(s)) throw new Damaged('E_CORRUPT');
      // a sector the FAT maps but the file does not hold: the file was cut short
      if (s >= limit) throw new Damaged(table === this.fat ? 'E_TRUNCATED' : 'E_CORRUPT');
      seen.add(s);
      out.push(s);
      s = table[s];
      if (s === FREESECT) throw new Damaged('E_CORRUPT');
    }
    return out;
  }

  /** The bytes of a chain of regular sectors, cut to `size`. */
  read(start: number, size: number): Uint8Array {
    const sectors = this.chain(start);
    if (size > sectors.length * this.sectorSize) throw new Damaged('E_TRUNCATED');
    const out = new Uint8Array(size);
    let o = 0;
    for (const s of sectors) {
      if (o >= size) break;
      const from = this.at(s);
      const n = Math.min(this.sectorSize, size - o, this.b.length - from);
      if (n < Math.min(this.sectorSize, size - o)) throw new Damaged('E_TRUNCATED');
      out.set(this.b.subarray(from, from + n), o);
      o += n;
    }
    return out;
  }

  /** The directory entries, each reached once from the root (a loop in the tree is damage). */
  directory(): Entry[] {
    const dirStart = u32(this.b, 48);
    const sectors = this.chain(dirStart);
    const raw = new Uint8Array(sectors.length * this.sectorSize);
    sectors.forEach((s, i) => {
      const o = this.at(s);
      if (o + this.sectorSize > this.b.length) throw new Damaged('E_TRUNCATED');
      raw.set(this.b.subarray(o, o + this.sectorSize), i * this.sectorSize);
    });
    const count = raw.length / DIR_ENTRY;
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const o = i * DIR_ENTRY;
      const nameLen = Math.min(64, u16(raw, o + 64));
      let name = '';
      for (let k = 0; k + 1 < nameLen - 1; k += 2) name += String.fromCharCode(u16(raw, o + k));
      // a stream's size: the high 32 bits are 0 in any file this tool accepts (50 MB at most)
      const high = u32(raw, o + 124);
      entries.push({ name, type: raw[o + 66], left: u32(raw, o + 68), right: u32(raw, o + 72), child: u32(raw, o + 76), start: u32(raw, o + 116), size: high === 0 ? u32(raw, o + 120) : Infinity });
    }
    if (entries.length === 0 || entries[0].type !== 5) throw new Damaged('E_CORRUPT');
    // walk the tree from the root's child: every link in range, every entry reached at most once
    const reached = new Set<number>([0]);
    const stack = [entries[0].child];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      if (i === NOSTREAM) continue;
      if (i >= entries.length || reached.has(i)) throw new Damaged('E_CORRUPT');
      reached.add(i);
      const e = entries[i];
      stack.push(e.left, e.right);
      if (e.type === 1) stack.push(e.child);
    }
    return [...reached].sort((a, c) => a - c).map((i) => entries[i]);
  }

  /** A stream's bytes: from the mini stream when it is below the cutoff, else from regular sectors. */
  stream(e: Entry, root: Entry): Uint8Array {
    if (!Number.isFinite(e.size) || e.size > this.b.length) throw new Damaged('E_CORRUPT');
    if (e.size >= this.miniCutoff) return this.read(e.start, e.size);
    const miniFatStart = u32(this.b, 60);
    const miniFatSectors = u32(this.b, 64);
    if (miniFatSectors > this.sectors) throw new Damaged('E_CORRUPT');
    const miniFatBytes = this.read(miniFatStart, Math.min(this.chain(miniFatStart).length, miniFatSectors) * this.sectorSize);
    const miniFat = new Uint32Array(miniFatBytes.length / 4);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = u32(miniFatBytes, i * 4);
    const ministream = this.read(root.start, root.size);
    const sectors = this.chain(e.start, miniFat, Math.floor(ministream.length / 64));
    if (e.size > sectors.length * 64) throw new Damaged('E_TRUNCATED');
    const out = new Uint8Array(e.size);
    let o = 0;
    for (const s of sectors) {
      if (o >= e.size) break;
      const n = Math.min(64, e.size - o);
      out.set(ministream.subarray(s * 64, s * 64 + n), o);
      o += n;
    }
    return out;
  }
}

/** Inspects an OLE2 compound file; never throws. */
export function inspectOle2(bytes: Uint8Array): Ole2Result {
  try {
    const cf = new Compound(bytes);
    const entries = cf.directory();
    const root = entries[0];
    const named = (n: string): Entry | undefined => entries.find((e) => e.type === 2 && e.name.toLowerCase() === n.toLowerCase());
    if (named('EncryptedPackage') || named('EncryptionInfo')) return { ok: true, kind: 'encrypted' };
    const book = named('Workbook') ?? named('Book');
    if (book) return { ok: true, kind: 'workbook', workbook: cf.stream(book, root) };
    if (named('WordDocument') || named('PowerPoint Document')) return { ok: true, kind: 'other-document' };
    return { ok: true, kind: 'unknown' };
  } catch (e) {
    return { ok: false, code: e instanceof Damaged ? e.code : 'E_CORRUPT' };
  }
}
