/**
 * Issue 15's five targets at the top of bench/results.md: each figure of this run against its
 * target, with the section that explains it. The sections hold the detail (how measured, profiles).
 */
import type { RunResults } from './report';
import { fmtKB, fmtMs, fmtX } from './lib/stats';
import { MEMORY_TARGET_KB } from './scale/bench';

const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? '**met**' : '**missed**');

export function targetsSection(r: RunResults): string {
  const rows: string[][] = [];
  const f1000 = r.formulas.find((f) => f.zones === 1000);
  rows.push([
    '`summarise` vs the HyperFormula formula sheet, 1,000 zones (CPU)',
    '≥ 10× faster, 0 mismatches',
    f1000 ? `${fmtX(f1000.ratio)} (${fmtMs(f1000.engineCpu)} vs ${fmtMs(f1000.hfCpu)} ms), ${f1000.comparison.mismatches.length} mismatches` : '—',
    verdict(f1000 ? f1000.ratio >= 10 && f1000.comparison.mismatches.length === 0 : null),
    '3',
  ]);
  const big = r.scale.find((s) => s.zones === 5000 && s.memory !== undefined);
  const kb = big?.memory ? (big.memory.peakRss - big.memory.inputRss) / big.zones / 1024 : null;
  rows.push([
    'check + summary, 5,000 zones: peak memory above the inputs (one run)',
    `≤ ${MEMORY_TARGET_KB} KB per zone`,
    kb === null ? '—' : `${kb.toFixed(1)} KB per zone`,
    verdict(kb === null ? null : kb <= MEMORY_TARGET_KB),
    '1',
  ]);
  const l = r.live;
  rows.push([
    'live mode: an edited cell → findings updated, 100-sheet workbook (fake Excel)',
    'engine ≤ 20 ms, ≤ 2 syncs',
    l ? `${l.syncs.max} sync; engine CPU median ${fmtMs(l.engine.median)} ms, p95 ${fmtMs(l.engine.p95)} ms` : '—',
    l ? (l.syncs.max <= 2 && l.engine.median <= 20 ? (l.engine.p95 <= 20 ? '**met**' : '**met** on the median, p95 missed') : '**missed**') : 'not measured',
    '8',
  ]);
  const runs = r.pane.longTasks?.runs ?? [];
  const wall = runs.length ? Math.max(...runs.map((x) => x.longestTaskMs)) : null;
  const cpu = runs.length ? Math.max(...runs.map((x) => x.trace?.longestCpuMs ?? 0)) : null;
  rows.push([
    'standalone check of 100 zone workbooks in the browser: longest main-thread task',
    '≤ 50 ms',
    wall === null ? '—' : `${wall > 0 ? `${fmtMs(wall)} ms wall (longtask API)` : 'no task above 50 ms (longtask API)'}; ${fmtMs(cpu ?? 0)} ms CPU (trace)`,
    wall === null ? 'not measured' : wall <= 50 ? '**met**' : (cpu ?? Infinity) <= 50 ? '**missed** on wall time, met on the page\'s CPU' : '**missed**',
    '5',
  ]);
  const gz = r.pane.bundle.initialGzip;
  const cold = r.pane.timing.coldInteractiveMs;
  rows.push([
    'pane initial JS (gzipped) / cold start to interactive',
    '≤ 220 KB / ≤ 0.8 s',
    `${fmtKB(gz)} / ${fmtMs(cold)} ms`,
    `${gz <= 220 * 1024 ? '**met**' : '**missed**'} / ${cold <= 800 ? '**met**' : '**missed**'}`,
    '5',
  ]);
  const head = ['figure', 'target', 'this run', '', 'section'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((x) => `| ${x.join(' | ')} |`)];
  return `## Issue 15's targets in this run

${lines.join('\n')}

Each section below says how its figure was measured, by how much a missed target is missed and why
(with the profile that explains the remaining cost).`;
}
