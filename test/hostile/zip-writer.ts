/**
 * A minimal zip writer for building test workbooks in memory (node:zlib for DEFLATE). It can also
 * write the lies hostile files tell: a declared size that is wrong, a pre-compressed payload, an
 * entry stored uncompressed. Test code only.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data?: string | Uint8Array;
  /** already-deflated bytes (the data is then not compressed again) */
  deflated?: Uint8Array;
  /** inflated size to declare, when the test wants the header to lie */
  declaredSize?: number;
  stored?: boolean;
  /** general-purpose flags to add (e.g. 1 = encrypted) */
  flags?: number;
}

function bytesOf(d: string | Uint8Array | undefined): Uint8Array {
  if (d === undefined) return new Uint8Array(0);
  return typeof d === 'string' ? Buffer.from(d, 'utf8') : d;
}

/** Builds the zip bytes for these parts, in order. */
export function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = bytesOf(p.data);
    const method = p.stored ? 0 : 8;
    const body = p.deflated ?? (p.stored ? raw : deflateRawSync(raw));
    const size = p.declaredSize ?? raw.length;
    const crc = p.deflated ? 0 : crc32(raw);
    const name = Buffer.from(p.name, 'utf8');
    const flags = 0x800 | (p.flags ?? 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(body));
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, end]));
}

/**
 * Raw DEFLATE for `mb` megabytes of one repeated byte, built from 1 MB pieces each closed by a sync
 * flush, so hundreds of MB cost a few hundred KB and no big buffer.
 */
export function deflatedRepeat(mb: number, byte = 0x20): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024, byte), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const last = deflateRawSync(Buffer.alloc(0));
  const out = Buffer.alloc(piece.length * mb + last.length);
  for (let i = 0; i < mb; i++) piece.copy(out, i * piece.length);
  last.copy(out, piece.length * mb);
  return new Uint8Array(out);
}
