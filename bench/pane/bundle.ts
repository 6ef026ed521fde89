/**
 * The production pane's JavaScript: the files taskpane.html loads directly (the initial JS; office.js
 * is Microsoft's CDN script and not ours, listed apart) and the chunks the initial JS can load later
 * (found by their content hash in the initial JS, so stale files left in dist/ are not counted),
 * each raw and gzipped with node:zlib (level 9, as a static server or CDN serves them), and the
 * initial JS broken down by npm package from its source map.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { slicesByPackage } from './sourcemap';

export interface JsFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleResult {
  initial: JsFile[];
  lazy: JsFile[];
  external: string[];
  initialGzip: number;
  lazyGzip: number;
  /** package → share of the initial JS (raw bytes) and its code gzipped on its own */
  composition: { pkg: string; share: number; gzip: number }[];
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).byteLength;

function jsFile(dist: string, file: string): JsFile {
  const b = fs.readFileSync(path.join(dist, file));
  return { file, bytes: b.byteLength, gzip: gz(b) };
}

export function bundleSizes(dist: string): BundleResult {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  const external = srcs.filter((s) => /^https?:/.test(s));
  const initial = srcs.filter((s) => !/^https?:/.test(s)).map((s) => jsFile(dist, s));
  const initialCode = initial.map((f) => fs.readFileSync(path.join(dist, f.file), 'utf8')).join('\n');
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => /\.chunk\.js$/.test(f))
    .filter((f) => {
      const hash = /\.([0-9a-f]{8})\.chunk\.js$/.exec(f)?.[1];
      return hash !== undefined && initialCode.includes(hash);
    })
    .map((f) => jsFile(dist, f));

  const groups = new Map<string, string[]>();
  for (const f of initial) {
    const mapFile = path.join(dist, `${f.file}.map`);
    if (!fs.existsSync(mapFile)) continue;
    const code = fs.readFileSync(path.join(dist, f.file), 'utf8');
    for (const [k, v] of slicesByPackage(code, JSON.parse(fs.readFileSync(mapFile, 'utf8')))) groups.set(k, [...(groups.get(k) ?? []), ...v]);
  }
  const total = [...groups.values()].reduce((s, v) => s + v.reduce((a, b) => a + b.length, 0), 0);
  const composition = [...groups]
    .map(([pkg, parts]) => {
      const text = parts.join('');
      return { pkg, share: text.length / total, gzip: gz(text) };
    })
    .sort((a, b) => b.share - a.share);
  return {
    initial,
    lazy,
    external,
    initialGzip: initial.reduce((s, f) => s + f.gzip, 0),
    lazyGzip: lazy.reduce((s, f) => s + f.gzip, 0),
    composition,
  };
}
