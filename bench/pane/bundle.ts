/**
 * The production pane's JavaScript: the initial JS — everything the page must download and run
 * before the pane is interactive: the scripts taskpane.html loads (the ES5 start script) and the
 * files the start script loads in turn, listed in its data-entry attribute (webpack's entry chunk
 * with its synchronous dependencies); office.js is Microsoft's CDN script and not ours, listed
 * apart — and the chunks the initial JS can load later, directly or through another such chunk
 * (found by their content hash in the code that loads them, so stale files left in dist/ are not counted),
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

/** The initial JS's files (the page's own scripts, then what the start script loads) and the CDN scripts. */
export function initialFiles(dist: string): { initialNames: string[]; external: string[] } {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  // what the start script loads (start.js: data-entry="taskpane.xxxxxxxx.js …")
  // (the minified page may leave the attribute unquoted when it names one file)
  const entries = [...html.matchAll(/\bdata-entry=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)].flatMap((m) => (m[1] ?? m[2] ?? m[3]).split(/\s+/)).filter((f) => f !== '');
  const external = srcs.filter((s) => /^https?:/.test(s));
  const initialNames = [...new Set([...srcs.filter((s) => !/^https?:/.test(s)), ...entries])];
  return { initialNames, external };
}

export function bundleSizes(dist: string): BundleResult {
  const { initialNames, external } = initialFiles(dist);
  const initial = initialNames.map((s) => jsFile(dist, s));
  // the chunks reachable from the initial JS (a chunk or worker may load further chunks)
  const chunks = fs.readdirSync(dist).filter((f) => /\.[0-9a-f]{8}\.chunk\.js$/.test(f));
  const found = new Set<string>();
  let frontier = initialNames;
  while (frontier.length > 0) {
    const code = frontier.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
    frontier = chunks.filter((f) => !found.has(f) && code.includes(/\.([0-9a-f]{8})\.chunk\.js$/.exec(f)?.[1] ?? '\u0000'));
    frontier.forEach((f) => found.add(f));
  }
  const lazy = [...found].sort().map((f) => jsFile(dist, f));

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
