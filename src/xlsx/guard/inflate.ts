/**
 * Whole-part raw DEFLATE decoding behind one small signature, so a caller can hand the inspector and
 * the package reader a faster platform decoder (the command line gives Node's zlib: node-inflate.ts)
 * while the browser keeps the bounded JavaScript decoder (zip-inspect-inflate.ts). Either way the
 * output is capped: a part never inflates past `maxOut` bytes, whatever its header declares.
 */
import { inflateRaw } from './inflate-raw';

export type InflateOutcome =
  /** the stream ended after `data.length` ≤ maxOut bytes */
  | { status: 'end'; data: Uint8Array }
  /** the output passed maxOut: decoding stopped there */
  | { status: 'limit' }
  /** not valid DEFLATE data, or it ended before its final block */
  | { status: 'corrupt' };

/** Inflates `src` (raw DEFLATE, no zlib header) to at most `maxOut` bytes. Never throws. */
export type RawInflate = (src: Uint8Array, maxOut: number) => InflateOutcome;

/** The bounded JavaScript decoder, gathering its chunks into one buffer. */
export const jsInflate: RawInflate = (src, maxOut) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const end = inflateRaw(src, 0, src.length, maxOut, (chunk, s, e) => {
    chunks.push(chunk.slice(s, e));
    total += e - s;
    return true;
  });
  if (end.status === 'limit') return { status: 'limit' };
  if (end.status !== 'end') return { status: 'corrupt' };
  if (chunks.length === 1) return { status: 'end', data: chunks[0] };
  const data = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  return { status: 'end', data };
};
