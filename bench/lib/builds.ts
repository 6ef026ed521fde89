/**
 * Builds the benchmarks measure, made when missing or older than their sources: the command line
 * (lib/, `npm run build:cli`) and the production pane (dist/, through the e2e harness). The harness's
 * ensureCliBuilt only checks that lib/ exists; a benchmark of a stale lib/ would measure old code.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export function newestMtime(dir: string, skip: RegExp = /\.test\.tsx?$/): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, skip));
    else if (!skip.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Rebuild lib/ when older than src/. Returns the compiler's complaints, if any: tsc still emits on
 * type errors, and a type error in a colleague's unfinished file must not stop the benchmarks (the
 * results name it instead). Throws only when nothing usable was emitted.
 */
export function ensureCliFresh(): string | null {
  const main = path.join(ROOT, 'lib', 'cli', 'main.js');
  const mtime = () => (fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0);
  const sources = ['domain', 'xlsx', 'cli'].reduce((m, d) => Math.max(m, newestMtime(path.join(ROOT, 'src', d))), 0);
  if (mtime() >= sources) return null;
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
  if (mtime() < sources) throw new Error(`npm run build:cli emitted nothing: ${r.stdout}${r.stderr}`);
  return r.status === 0 ? null : `build:cli reported type errors (lib/ emitted anyway): ${r.stdout.trim().split('\n').slice(0, 3).join(' | ')}`;
}
