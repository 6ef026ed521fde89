#!/usr/bin/env node
/**
 * Draws the add-in's icons (a small bar chart on a rounded blue tile) as RGBA PNG files in assets/,
 * at 16, 32, 64, 80 and 128 px. Pure Node (node:zlib for the deflate, our own CRC-32): no image
 * dependency. Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, '..', 'assets');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel of the glyph at (x, y) for an s×s icon. */
function pixel(x, y, s) {
  const tile = [0x1f, 0x4e, 0x78, 255];
  const bar = [0xff, 0xff, 0xff, 255];
  const accent = [0xff, 0xc0, 0x00, 255];
  const clear = [0, 0, 0, 0];
  // rounded corners: radius s/6
  const r = s / 6;
  const cx = Math.min(Math.max(x + 0.5, r), s - r);
  const cy = Math.min(Math.max(y + 0.5, r), s - r);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return clear;
  // three bars rising left to right, on a baseline
  const u = (x + 0.5) / s;
  const v = (y + 0.5) / s;
  const base = 0.82;
  if (v > base && v < base + 0.06 && u > 0.14 && u < 0.86) return bar;
  const bars = [
    [0.18, 0.34, 0.55],
    [0.42, 0.58, 0.38],
    [0.66, 0.82, 0.18],
  ];
  for (let i = 0; i < bars.length; i++) {
    const [l, rgt, top] = bars[i];
    if (u >= l && u < rgt && v >= top && v <= base) return i === 2 ? accent : bar;
  }
  return tile;
}

function png(s) {
  const raw = Buffer.alloc((s * 4 + 1) * s);
  for (let y = 0; y < s; y++) {
    const row = y * (s * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < s; x++) Buffer.from(pixel(x, y, s)).copy(raw, row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const s of SIZES) {
  const file = path.join(OUT, `icon-${s}.png`);
  fs.writeFileSync(file, png(s));
  console.log(`${path.relative(process.cwd(), file)} (${s}×${s})`);
}
