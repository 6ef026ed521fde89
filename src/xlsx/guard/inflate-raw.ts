/**
 * A small, bounded, streaming raw-DEFLATE decoder (RFC 1951) in plain TypeScript, so the inspector
 * runs the same in Node and in the browser with no dependency. It never holds more than a 64 KB
 * window: output goes to a sink in chunks, and decoding stops as soon as the output passes `maxOut`
 * or the sink asks to stop. It decides nothing about the data; it only reports how decoding ended.
 */

export type InflateEnd =
  /** the final block ended; `out` bytes were produced */
  | { status: 'end'; out: number }
  /** output passed maxOut: decoding stopped there */
  | { status: 'limit'; out: number }
  /** the sink returned false */
  | { status: 'stopped'; out: number }
  /** the input ended before the final block did */
  | { status: 'truncated'; out: number }
  /** not valid DEFLATE data */
  | { status: 'corrupt'; out: number };

/** Receives output in order; return false to stop decoding. The chunk is reused afterwards. */
export type InflateSink = (chunk: Uint8Array, start: number, end: number) => boolean;

const WIN = 32768;
const BUF = 4 * WIN;
const MAX_MATCH = 258;

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code as a direct lookup table indexed by the next `bits` input bits. */
interface Table {
  bits: number;
  /** (symbol << 4) | length, or 0 for a bit pattern no code uses */
  entries: Int32Array;
}

/** Builds the lookup table for code lengths; null when the lengths are over-subscribed. */
function buildTable(lengths: ArrayLike<number>, n: number): Table | null {
  const count = new Array<number>(16).fill(0);
  for (let i = 0; i < n; i++) count[lengths[i]]++;
  count[0] = 0;
  let left = 1;
  let max = 0;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - count[len];
    if (left < 0) return null;
    if (count[len] > 0) max = len;
  }
  const entries = new Int32Array(1 << max);
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    next[len] = code;
    code = (code + count[len]) << 1;
  }
  for (let sym = 0; sym < n; sym++) {
    const len = lengths[sym];
    if (len === 0) continue;
    let c = next[len]++;
    // DEFLATE sends codes most-significant bit first; the bit reader is LSB first: reverse.
    let rev = 0;
    for (let i = 0; i < len; i++) {
      rev = (rev << 1) | (c & 1);
      c >>>= 1;
    }
    for (let i = rev; i < entries.length; i += 1 << len) entries[i] = (sym << 4) | len;
  }
  return { bits: max, entries };
}

const FIXED_LIT = (() => {
  const l = new Array<number>(288);
  for (let i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
  return buildTable(l, 288);
})();
const FIXED_DIST = buildTable(new Array<number>(30).fill(5), 30);

class Corrupt extends Error {}

/** Decodes raw DEFLATE from input[start, end) into the sink, stopping past maxOut bytes. */
export function inflateRaw(
  input: Uint8Array,
  start: number,
  end: number,
  maxOut: number,
  sink: InflateSink,
): InflateEnd {
  let inPos = start;
  let bitBuf = 0;
  let bitCnt = 0;
  // Bytes of zero padding fed past the end of input; consuming any of them means truncation.
  let padded = 0;
  const out = new Uint8Array(BUF);
  let pos = 0;
  let flushedTo = 0;
  let total = 0; // bytes flushed to the sink so far
  let stopped = false;

  const need = (n: number): void => {
    while (bitCnt < n) {
      let b = 0;
      if (inPos < end) b = input[inPos++];
      else padded++;
      bitBuf |= b << bitCnt;
      bitCnt += 8;
    }
  };
  const bits = (n: number): number => {
    if (n === 0) return 0;
    need(n);
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };
  const overran = (): boolean => padded * 8 > bitCnt;
  const decode = (t: Table): number => {
    if (t.bits === 0) throw new Corrupt();
    need(t.bits);
    const e = t.entries[bitBuf & ((1 << t.bits) - 1)];
    if (e === 0) throw new Corrupt();
    const len = e & 15;
    bitBuf >>>= len;
    bitCnt -= len;
    return e >>> 4;
  };
  const produced = (): number => total + (pos - flushedTo);
  /** Hands finished bytes to the sink and slides the window when the buffer is nearly full. */
  const flush = (slide: boolean): void => {
    if (pos > flushedTo && !stopped) {
      if (!sink(out, flushedTo, pos)) stopped = true;
    }
    total += pos - flushedTo;
    flushedTo = pos;
    if (slide && pos > WIN) {
      out.copyWithin(0, pos - WIN, pos);
      pos = WIN;
      flushedTo = WIN;
    }
  };
  const room = (): void => {
    if (pos + MAX_MATCH > BUF) flush(true);
  };

  const codes = (lit: Table, dist: Table): void => {
    for (;;) {
      if (stopped || produced() > maxOut || overran()) return;
      room();
      const sym = decode(lit);
      if (sym < 256) {
        out[pos++] = sym;
      } else if (sym === 256) {
        return;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new Corrupt();
        const len = LEN_BASE[li] + bits(LEN_EXTRA[li]);
        const di = decode(dist);
        if (di >= 30) throw new Corrupt();
        const d = DIST_BASE[di] + bits(DIST_EXTRA[di]);
        if (d > produced()) throw new Corrupt();
        // byte by byte: a match may overlap the bytes it is producing
        for (let i = 0; i < len; i++) {
          out[pos] = out[pos - d];
          pos++;
        }
      }
    }
  };

  const dynamicTables = (): [Table, Table] => {
    const hlit = bits(5) + 257;
    const hdist = bits(5) + 1;
    const hclen = bits(4) + 4;
    if (hlit > 286 || hdist > 30) throw new Corrupt();
    const clen = new Array<number>(19).fill(0);
    for (let i = 0; i < hclen; i++) clen[CLEN_ORDER[i]] = bits(3);
    const clTable = buildTable(clen, 19);
    if (!clTable) throw new Corrupt();
    const lengths = new Array<number>(hlit + hdist).fill(0);
    let i = 0;
    while (i < hlit + hdist) {
      if (overran()) throw new Corrupt();
      const sym = decode(clTable);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let rep: number;
      let val = 0;
      if (sym === 16) {
        if (i === 0) throw new Corrupt();
        val = lengths[i - 1];
        rep = 3 + bits(2);
      } else if (sym === 17) rep = 3 + bits(3);
      else rep = 11 + bits(7);
      if (i + rep > hlit + hdist) throw new Corrupt();
      while (rep-- > 0) lengths[i++] = val;
    }
    if (lengths[256] === 0) throw new Corrupt();
    const lit = buildTable(lengths.slice(0, hlit), hlit);
    const dist = buildTable(lengths.slice(hlit), hdist);
    if (!lit || !dist) throw new Corrupt();
    return [lit, dist];
  };

  try {
    let final = 0;
    do {
      if (overran()) return { status: 'truncated', out: produced() };
      final = bits(1);
      const type = bits(2);
      if (type === 0) {
        // stored block: skip to a byte boundary, then LEN and its complement
        bits(bitCnt & 7);
        const len = bits(16);
        const nlen = bits(16);
        if ((len ^ 0xffff) !== nlen) throw new Corrupt();
        for (let i = 0; i < len; i++) {
          if ((i & 0xfff) === 0 && (stopped || produced() > maxOut || overran())) break;
          room();
          out[pos++] = bits(8);
        }
      } else if (type === 1) {
        if (!FIXED_LIT || !FIXED_DIST) throw new Corrupt();
        codes(FIXED_LIT, FIXED_DIST);
      } else if (type === 2) {
        const [lit, dist] = dynamicTables();
        codes(lit, dist);
      } else {
        throw new Corrupt();
      }
      if (overran()) return { status: 'truncated', out: produced() };
      if (produced() > maxOut) {
        flush(false);
        return { status: 'limit', out: total };
      }
      if (stopped) return { status: 'stopped', out: produced() };
    } while (!final);
    flush(false);
    if (stopped) return { status: 'stopped', out: total };
    return { status: 'end', out: total };
  } catch (e) {
    if (e instanceof Corrupt) {
      return overran() ? { status: 'truncated', out: produced() } : { status: 'corrupt', out: produced() };
    }
    throw e;
  }
}
