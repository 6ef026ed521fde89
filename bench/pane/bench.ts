/**
 * Benchmark 5, the task pane: production bundle sizes (bundle.ts) and browser timings (browser.ts)
 * over a fresh production build and the workbooks `zone-report sample` writes (10 zones, the
 * register and the history, as the e2e test opens them); then the main thread's longest task while
 * the pane opens and checks a hundred zones' workbooks (longtask.ts, `sample --zones 100`).
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
import { longTaskBench, type LongTaskResult } from './longtask';

export interface PaneResult {
  buildMs: number;
  bundle: BundleResult;
  timing: PaneTiming;
  load: string;
  /** the standalone check of LONGTASK_ZONES zone workbooks, watched for long tasks */
  longTasks?: LongTaskResult;
  longTaskLoad?: string;
}

/** How many zone workbooks the long-task run opens (plus the register and the history). */
export const LONGTASK_ZONES = 100;

function sampleFiles(dir: string, zoneCount = 10): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  const gen = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'zone-report.js'), 'sample', '--out', dir, '--zones', String(zoneCount)], { encoding: 'utf8' });
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
  const many = path.join(os.tmpdir(), 'zr-bench-pane-longtask');
  const manyFiles = sampleFiles(many, LONGTASK_ZONES);
  const longTaskLoad = loadAverage();
  const longTasks = await longTaskBench(manyFiles, Math.max(2, Math.ceil(reps / 2)));
  fs.rmSync(many, { recursive: true, force: true });
  return { buildMs, bundle, timing, load, longTasks, longTaskLoad };
}
