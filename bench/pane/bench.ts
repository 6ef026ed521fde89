/**
 * Benchmark 5, the task pane: production bundle sizes (bundle.ts) and browser timings (browser.ts)
 * over a fresh production build and the workbooks `zone-report sample` writes (10 zones, the
 * register and the history, as the e2e test opens them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensurePaneBuilt, ROOT } from '../../test/e2e/harness';
import { ensureCliFresh } from '../lib/builds';
import { loadAverage } from '../lib/machine';
import { bundleSizes, type BundleResult } from './bundle';
import { paneTiming, type PaneTiming } from './browser';

export interface PaneResult {
  buildMs: number;
  bundle: BundleResult;
  timing: PaneTiming;
  load: string;
}

function sampleFiles(dir: string): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  const gen = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'zone-report.js'), 'sample', '--out', dir], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`zone-report sample failed: ${gen.stderr}`);
  const month = fs.readdirSync(dir).find((d) => /^\d{4}-\d{2}$/.test(d)) ?? '';
  const zones = fs.readdirSync(path.join(dir, month)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, month, f));
  return [path.join(dir, '开发区名录.xlsx'), path.join(dir, '历史数据.xlsx'), ...zones];
}

export async function paneBench(reps: number): Promise<PaneResult> {
  const t0 = Date.now();
  ensurePaneBuilt(); // builds dist/ only when missing or older than src/
  const buildMs = Date.now() - t0;
  ensureCliFresh();
  const dir = path.join(os.tmpdir(), 'zr-bench-pane-samples');
  const files = sampleFiles(dir);
  const bundle = bundleSizes(path.join(ROOT, 'dist'));
  const load = loadAverage();
  const timing = await paneTiming(files, reps);
  fs.rmSync(dir, { recursive: true, force: true });
  return { buildMs, bundle, timing, load };
}
