/**
 * bench/results.md from the figures of one run: the machine, then per benchmark a table, the target
 * with met / missed (and by how much, and what limits it), and how it was measured.
 */
import type { FormatsResult } from './formats/bench';
import type { LiveResult } from './live/bench';
import { liveSection } from './live/section';
import type { FormulaResult } from './formulas/bench';
import type { Machine } from './lib/machine';
import { fmtKB, fmtMB, fmtMs, fmtX, type Timed } from './lib/stats';
import type { OverheadResult } from './overhead/bench';
import type { PaneResult } from './pane/bench';
import type { TripRow } from './roundtrips/bench';
import { MAX_SEPARATE_AREAS } from '../src/excel/highlight';
import { MEMORY_TARGET_KB, NEAR_LINEAR_K, type ScaleRow } from './scale/bench';
import type { TablesResult } from './tables/bench';
import { targetsSection } from './targets';

export interface RunResults {
  quick: boolean;
  started: Date;
  seconds: number;
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  buildNote: string | null;
  scale: ScaleRow[];
  /** absent in results written before the benchmark existed */
  tables?: TablesResult;
  overhead: OverheadResult;
  formulas: FormulaResult[];
  trips: TripRow[];
  pane: PaneResult;
  /** absent in runs from before benchmark 6 */
  formats?: FormatsResult;
  /** live mode in Excel (benchmark 8); absent in runs from before it */
  live?: LiveResult;
}

const table = (head: string[], rows: (string | number)[][]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const verdict = (met: boolean): string => (met ? '**met**' : '**missed**');
const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

function scaleSection(rows: ScaleRow[]): string {
  const steps = rows.filter((r) => r.k !== null && r.zones >= 1000);
  const worst = steps.reduce((m, r) => Math.max(m, r.k ?? 0), 0);
  const met = steps.length > 0 && worst <= NEAR_LINEAR_K;
  const big = rows[rows.length - 1];
  return `## 1. Scale: check + summary + warnings

Generated months (2026-09, a quarter end, 23 indicators per zone, one report sheet per zone as a grid,
register and 历史数据 given, no file I/O), each size in its own child process; times are medians of
the runs after one warm-up run; peak RSS is \`process.resourceUsage().maxRSS\` of that process
(inputs included; "inputs" is the RSS once the month was generated). k is the exponent of
time ∝ zonesᵏ from the previous size (1 = linear), taken on CPU time (user + system of the child):
the sizes run minutes apart on a shared machine whose load changes, which moves wall time a lot and
CPU time little.

${table(
  ['zones', 'runs', 'check (wall / CPU)', 'summary + warnings + sheets (wall / CPU)', 'total (wall / CPU)', 'k on CPU (per 10× zones)', 'peak RSS', 'inputs RSS', 'peak − inputs per zone', 'findings', 'rated', 'warned', 'load avg 1/5/15'],
  rows.map((r) => [
    n(r.zones),
    r.reps,
    `${fmtMs(r.checkMs)} / ${fmtMs(r.checkCpu)} ms`,
    `${fmtMs(r.summaryMs)} / ${fmtMs(r.summaryCpu)} ms`,
    `${fmtMs(r.totalMs)} / ${fmtMs(r.totalCpu)} ms`,
    r.k === null ? '—' : `${r.k.toFixed(2)} (${r.per10x?.toFixed(1)}×)`,
    fmtMB(r.peakRss),
    fmtMB(r.inputRss),
    fmtKB((r.peakRss - r.inputRss) / r.zones),
    n(r.findings),
    n(r.rated),
    n(r.warned),
    r.load,
  ]),
)}

**Target: near-linear growth** (k ≤ ${NEAR_LINEAR_K} from 1,000 zones up): ${verdict(met)} — worst k ${worst.toFixed(2)}
(${n(big.zones)} zones: ${(big.totalMs / 1000).toFixed(1)} s, ${fmtMB(big.peakRss)} peak).
${(rows[1]?.k ?? 1) < 1 ? `From 10 to 100 zones k is below 1: fixed costs (catalogue, configuration, first-use compilation
of regular expressions) dominate a 10-zone month.` : ''}

What was not linear, found with \`--cpu-prof\` on the 1,000- and 5,000-zone children, and fixed in
this run's commits (tests of each module pass):
- \`resolveZone\` (src/domain/recognise/zone.ts) filtered the whole register and re-normalised every
  zone name and alias (NFKC, regular expressions) for every report sheet: O(zones²). Now a
  per-register index (WeakMap) built once. 1,000 zones: check 7.5 s → 2.1 s.
- \`competitionRank\` (src/domain/summary/rank.ts) compared every pair in a group: O(g²) per city
  and province group and per indicator; with 5,000 zones a province holds 1,000+ zones (4.6 s of
  the summary). Now one sort of the distinct shown figures, O(g log g), same places and ties.
- \`rankChanges\` (src/domain/summary/summarise.ts) joined a group's member list once per zone
  (O(zones × group size) per key indicator, 3 s at 5,000 zones) and copied lists to append. Now
  judged once per group.

Constant factors cut since (each with property tests against the former code, results identical):
\`decimalDigits\` (src/domain/rounding.ts, the largest single entry then) reads a figure from
\`String(x)\` when that has at most 15 significant digits (it equals the 15-digit form) and rounds and
sums in exact doubles, keeping the BigInt path for the rest; text normalisation returns plain ASCII
and CJK ideographs as they are and memoises the rest (8,192 entries); the 历史数据 reader takes a
\`YYYY-MM\` period as it is. \`checkWorkbooks\` on the 102 workbooks of benchmark 2 went from about
154 to 71 ms CPU; what remains there is spread: sheet recognition ~38% (\`readRecord\`, header
matching), rules ~26%, exact number reading ~10%, the history index ~10%. The garbage collector is
the one part that grows faster than the zones: the live heap grows with them and each major
collection walks all of it; peak RSS moves with when the collector runs (faster code allocates
faster between collections), so it is a bound, not a constant.

${memorySection(rows)}`;
}

/** Section 1's memory: one run per size in a fresh process, against issue 15's target at 5,000 zones. */
function memorySection(rows: ScaleRow[]): string {
  const measured = rows.filter((r): r is ScaleRow & { memory: NonNullable<ScaleRow['memory']> } => r.memory !== undefined);
  if (measured.length === 0) return '### Memory\n\nNot measured in this run (results from before the one-run memory child).';
  const perZone = (r: (typeof measured)[number]) => (r.memory.peakRss - r.memory.inputRss) / r.zones / 1024;
  const big = measured.find((r) => r.zones === 5000);
  const kb = big ? perZone(big) : null;
  const timedKb = big ? (big.peakRss - big.inputRss) / big.zones / 1024 : null;
  const verdictLine =
    kb === null || timedKb === null
      ? `not judged in this run (no 5,000-zone size: \`--quick\`).`
      : kb <= MEMORY_TARGET_KB
        ? `${verdict(true)} — ${kb.toFixed(1)} KB per zone (one run; ${timedKb.toFixed(1)} KB in the timed child).`
        : `${verdict(false)} — ${kb.toFixed(1)} KB per zone, ${(kb - MEMORY_TARGET_KB).toFixed(1)} KB (${(kb / MEMORY_TARGET_KB).toFixed(2)}×) over, in one run;
${timedKb.toFixed(1)} KB per zone in the timed child (warm-up and ${big?.reps} runs in one process, the former method: 355.6 KB
before this work). Why, below.`;
  return `### Memory: peak above the inputs (issue 15)

One check + summary + warnings + output sheets per size, in a fresh process of its own
(bench/scale/memory-child.ts; memory needs no warm-up), as \`zone-report summary\` runs it once:
peak RSS of that process against its RSS once the month exists (after a full collection). "Kept" is
the live heap the results hold (check result and summary, after a full collection); "garbage" the
heap used right after the run less that. The timed child's figure (the table above) is given again
for comparison: its warm-up and runs leave their garbage to each other.

${table(
  ['zones', 'peak RSS', 'inputs RSS', 'peak − inputs per zone (one run)', 'results kept per zone', 'garbage at the end per zone', 'peak − inputs per zone (timed child)'],
  measured.map((r) => [
    n(r.zones),
    fmtMB(r.memory.peakRss),
    fmtMB(r.memory.inputRss),
    fmtKB((r.memory.peakRss - r.memory.inputRss) / r.zones),
    fmtKB((r.memory.resultHeap - r.memory.inputHeap) / r.zones),
    fmtKB((r.memory.endHeap - r.memory.resultHeap) / r.zones),
    fmtKB((r.peakRss - r.inputRss) / r.zones),
  ]),
)}

**Target: ≤ ${MEMORY_TARGET_KB} KB per zone above the inputs at 5,000 zones** (one run): ${verdictLine}

Before this work, measured the same way on the same machine (commit 04bd8ce): one run ~130 KB per
zone at 1,000 zones and 116.3 KB at 5,000 (results kept 36.1 and 34.0 KB per zone); timed child
280.9 and 355.6 KB (bench-baseline, quiet machine; 2,018 MB peak at 5,000 zones).

Where the memory goes, found with \`--trace-gc\` on the 5,000-zone children and sampling heap
profiles of one 1,000-zone run (\`HeapProfiler.startSampling\` keeping the samples of objects a full
collection freed and dropping those a scavenge freed: what reaches the old generation):
- **The peak is where V8 lets the old generation grow to, not what a run needs.** After a full
  collection V8 lets the old generation grow to about 4× what survived it before collecting again
  (its growing factor at the maximum on a machine with this much memory). One 5,000-zone run: the
  inputs' 180 MB survive the collection before it, the next one comes at ~740 MB; the run promotes
  less than that, so its peak is the inputs plus all it promotes (results and garbage alike). In
  the timed child the survivors of a collection include an earlier run's results, and the limit
  grows 4× with them: the peak follows what a run keeps, ×4 (2.0 GB at 5,000 zones before this
  work), more than what it needs. Measured, not applied (process flags
  of the command line are not the engine's): \`--heap-growing-percent=50\` 65 KB per zone in one
  5,000-zone run (76 without; about the same CPU); before the cuts below, \`--optimize-for-size\`
  ~100 KB in the timed child at 1,000 zones but 2.3× the CPU, a 64 MB semi-space no gain.
- **Cut in this work** (results byte-identical: test/equivalence/outputs.test.ts against digests
  from the former code, property tests of each module): number formats read once per format
  instead of once per cell (\`isDateFormat\`, percent, unit, scaling, shown decimals: 150 of the
  594 MB the check allocated at 1,000 zones; now 405 MB); A1 addresses made once and shared; the
  history index nested by zone and period with no composite key per archived row and no row copied
  per record checked (18 KB per zone kept through the check); a record's addresses, formula and
  invalid columns and shown decimals interned (results kept 31.2 → 22.8 KB per zone);
  \`buildFigures\` (src/domain/summary/figures.ts) completing the figures it is given instead of
  copying each with a spread (the copies of every zone's figures for the month and three 历史数据
  periods were the largest thing one run promoted: 25 of 93 KB per zone). What reaches the old
  generation in one 1,000-zone run: 126 → 74 KB per zone.
- **The summary's speed work (benchmark 3) cut memory too**: the exact decimal work on safe integers
  instead of \`String(x)\` and BigInt, no object spreads, past months built only for the indicators
  read, city and province groups pushed instead of copied once per zone. Merged with the cuts above,
  one 5,000-zone run went from 75.9 to about 56 KB per zone (two runs: 55.6 and 57.0). The account
  below was profiled before that merge; its \`String(x)\` strings and past-month figures are now
  smaller.
- **What remains** (one 1,000-zone run, per zone, of the 74 KB promoted): results kept ~23 KB —
  the check's ~11 (a ParsedRecord ~170 B and an IndicatorRecord ~130 B per record, each figure a
  boxed double, its Growth), the summary's ~6; the summary's working structures ~35 KB, all alive
  until it ends: figures and their Maps per zone and period ~8, \`zonesAt\` (历史数据 periods read
  back) ~6, warnings ~4, rankings ~4, consolidation ~3, output sheets ~3; strings of \`String(x)\`
  in exact rounding and growth (src/domain/rounding.ts, growth.ts) ~8 KB, promoted because V8's
  number-to-string cache holds them; the check's own ~4 KB (header scans, the history index). The
  young generation grows to its 3 × 16 MB semi-spaces (~10 KB per zone at 5,000 zones). The inputs
  (the month's grids, ~36 KB per zone of heap) stay: the benchmark holds them, as the command line
  holds the workbooks it read. Meeting ${MEMORY_TARGET_KB} KB needs the summary's per-zone figures held as columns
  (or built per period and dropped), the records kept as columns, or a smaller heap growing factor
  in the command line.`;
}

function overheadSection(o: OverheadResult): string {
  const st = o.steps;
  const ownRead = st.guardMs + st.readerMs;
  const named = ownRead + st.checkMs + st.formatMs;
  const parts: [string, number][] = [
    ['input guard: `inspectZip` (src/xlsx/guard/zip-inspect.ts: central directory, every part inflated once with zlib, its XML scanned for bounds, DTDs, bad text, reserved names)', st.guardMs],
    ['reader: `readWorksheets` (src/xlsx/ooxml/: the guard\'s XML parts → grids)', st.readerMs],
    ['`checkWorkbooks`', st.checkMs],
    ['printed report (`formatReport`)', st.formatMs],
    ['rest: the whole run minus the steps timed apart (sha256, copies, garbage collection landing differently when the steps run together)', Math.max(0, o.inProcess.engineCpu - named)],
  ];
  const met = o.inProcess.ratio <= 1.3;
  const top = parts.slice(0, 4).sort((x, y) => y[1] - x[1]);
  return `## 2. Overhead over reading: \`zone-report check\` of ${o.n} zone workbooks

The folder holds ${o.files} workbooks (${o.n} zone reports, 开发区名录, 历史数据; ${o.megabytes.toFixed(1)} MB), written once
by the sample generator through the .xlsx port. **In process** (the primary figure): both sides over
the same bytes held in memory, alternated, ${o.reps} runs each after a warm-up; reading = \`new
ExcelJS.Workbook().xlsx.load(bytes)\` per file; engine = what \`check\` does (src/cli/load-inputs.ts):
input guard, the project's reader, \`checkWorkbooks\`, the printed report. **As processes** (startup
included, ${o.child.reps} runs each): \`node bin/zone-report.js check <folder>\` (exit ${o.child.exitCode}) against
\`node bench/overhead/read-only.js <folder>\`. Load average at the start: ${o.load}.

${table(
  ['', 'reading only (exceljs)', 'zone-report check', 'ratio'],
  [
    ['in process, same bytes: CPU time', `${fmtMs(o.inProcess.readCpu)} ms`, `${fmtMs(o.inProcess.engineCpu)} ms`, `**${fmtX(o.inProcess.ratio)}**`],
    ['in process, same bytes: wall time', `${fmtMs(o.inProcess.readMs)} ms`, `${fmtMs(o.inProcess.engineMs)} ms`, fmtX(o.inProcess.wallRatio)],
    ['child processes, with startup: wall time', `${fmtMs(o.child.readMs)} ms`, `${fmtMs(o.child.engineMs)} ms`, fmtX(o.child.ratio)],
  ],
)}

The processes' ratio differs because both pay Node's startup and module loading (exceljs for the
reading side; zod and the engine for the CLI, which no longer loads exceljs to check).

Each step of the engine side timed alone over the same files (CPU medians, in process):

${table(['step', 'ms', 'share of the whole check'], parts.map(([k, v]) => [k, fmtMs(v), o.inProcess.engineCpu > 0 ? pct(v / o.inProcess.engineCpu) : '—']))}

**Target ≤ 1.3×**: ${verdict(met)} — ${fmtX(o.inProcess.ratio)}${met ? '' : `, by ${fmtX(o.inProcess.ratio / 1.3)}`}. ${
    met
      ? `The whole check costs less than exceljs's parsing alone, because the check no longer parses
with exceljs: the input guard, which must inflate and scan every part anyway (zip bombs, DTDs,
bounds), keeps the XML parts it inflated (once, with Node's zlib in the CLI), and the project's
reader (src/xlsx/ooxml/) takes the cells straight from them. Reading with the guard and the reader
costs ${fmtMs(ownRead)} ms, ${pct(ownRead / o.inProcess.readCpu)} of exceljs's ${fmtMs(o.inProcess.readCpu)} ms.`
      : `The largest costs: ${top
          .slice(0, 2)
          .map(([k, v]) => `${k} (${fmtMs(v)} ms)`)
          .join('; ')}.`
  }

Measured against the project's own reading instead (guard + reader, ${fmtMs(ownRead)} ms), the check and
the printed report add ${fmtMs(st.checkMs + st.formatMs)} ms: ${fmtX((ownRead + st.checkMs + st.formatMs) / Math.max(ownRead, 1e-9))} of reading with this reader. The check
itself is ${(st.checkMs / o.files).toFixed(2)} ms per workbook (recognition, every rule, exact decimal arithmetic), ${pct(st.checkMs / o.inProcess.readCpu)} of
what exceljs takes to parse the same files.`;
}

export function formulasSection(fs: FormulaResult[]): string {
  const total = fs.reduce((s, f) => s + f.comparison.mismatches.length + f.comparison.halfway.length, 0);
  const naiveTotal = fs.reduce((s, f) => s + f.naive.mismatches.length + f.naive.halfway.length, 0);
  const naiveUnexplained = fs.reduce((s, f) => s + f.naive.mismatches.length, 0);
  const rows = fs.map((f) => [
    n(f.zones),
    n(f.rated),
    n(f.formulas),
    f.reps,
    `${fmtMs(f.hfMs)} / ${fmtMs(f.hfCpu)} ms`,
    `${fmtMs(f.engineMs)} / ${fmtMs(f.engineCpu)} ms`,
    `${fmtX(f.ratio)} (wall ${fmtX(f.wallRatio)})`,
    n(f.comparison.compared),
    n(f.comparison.mismatches.length + f.comparison.halfway.length),
    n(f.naive.mismatches.length + f.naive.halfway.length),
    f.load,
  ]);
  const seen = fs[fs.length - 1]?.comparison.seen ?? {};
  const listed = (xs: string[]) => xs.slice(0, 12).map((x) => `  - ${x}`).join('\n');
  return `## 3. Against formulas (HyperFormula 3.5)

The consolidated sheet a bureau builds by hand: one row per rated zone, sorted by city, the figures
of its report, and per zone and indicator Excel formulas for 同比 (nested IFs with 新增 / 扭亏为盈 /
由盈转亏 / 减亏 / 增亏 / —; 税收占比 from its parts and its change in 百分点 as the template computes it),
RANK.EQ within the city block (+ COUNT), W-NEG, W-PACE (from the two shown figures) and W-TAX.
Every rounding to one decimal is written as a careful statistician writes it,
\`ROUND(ROUND(x,10),1)\`: the inner ROUND takes away the binary noise of the division before the
half-away rounding of rules.md §2. HyperFormula 3.5 has no RANK.EQ: the bench registers it as a
function plugin with Excel's semantics (bench/formulas/rank-eq.ts). Timed: \`HyperFormula.buildFromSheets\`
(parse + evaluate) + reading the values back, against \`summarise()\` on the check report of the same
month (which does more: totals, V-PEER, scores, rank changes, all warning rules); alternated after a
warm-up. Every 40th zone's 利润总额 is given each loss case so every label is exercised. The same sheet
with bare \`ROUND(x,1)\` is evaluated once more, untimed, to count what the shortcut costs.

${table(['zones', 'rated (in the sheet)', 'formulas', 'runs', 'HyperFormula (wall / CPU)', 'summarise() (wall / CPU)', 'formulas ÷ engine (CPU)', 'values compared', 'mismatches', 'mismatches with bare ROUND(x,1)', 'load avg'], rows)}

Compared: every 同比 of every indicator of every rated zone (check records and the summary's own
listing), every city rank and count of the key indicators, every W-NEG / W-PACE / W-TAX flag.
Outcomes seen (engine side, ${n(fs[fs.length - 1]?.zones ?? 0)} zones): ${Object.entries(seen).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.

**Target: identical results (0 mismatches)**: ${verdict(total === 0)}${
    total === 0
      ? '.'
      : ` by ${total} value(s):
${[
  listed(fs.flatMap((f) => f.comparison.halfway.map((m) => `${n(f.zones)} zones: ${m}`))),
  listed(fs.flatMap((f) => f.comparison.mismatches.map((m) => `${n(f.zones)} zones, unexplained: ${m}`))),
].filter((x) => x !== '').join('\n')}`
  }

With bare \`ROUND(x,1)\`, ${naiveTotal === 0 ? 'no value differs either.' : `${naiveTotal} value(s) differ${naiveUnexplained === 0 ? ', every one a half-way growth (or a rank in its city that follows from it) where the formula is wrong' : ''}:
${[
  listed(fs.flatMap((f) => f.naive.halfway.map((m) => `${n(f.zones)} zones: ${m}`))),
  listed(fs.flatMap((f) => f.naive.mismatches.map((m) => `${n(f.zones)} zones, unexplained: ${m}`))),
].filter((x) => x !== '').join('\n')}

  The exact growth is a half (e.g. 41.3 against 40 is exactly +3.25%); rules.md §2 rounds it half away
  from zero: 3.3, as the engine shows (src/domain/growth.ts works on the decimals as typed). Binary
  arithmetic gives (41.3−40)/40×100 = 3.2499999999999933, which a bare ROUND makes 3.2 (HyperFormula;
  Excel's ROUND looks at 15 significant digits and should do the same, not verified: no Excel here).
  This is the kind of silent error the engine exists to prevent.`}

**Speed**: the engine is ${fs.map((f) => `${fmtX(f.ratio)} faster at ${n(f.zones)} zones`).join(', ')} than the formulas
(HyperFormula's time is parsing and building the dependency graph of every formula cell).

${speedTarget(fs)}`;
}

/** Issue 15's target for benchmark 3 (≥ 10× at 1,000 zones, CPU) and where summarise()'s time goes. */
function speedTarget(fs: FormulaResult[]): string {
  const at = fs.find((f) => f.zones === 1000);
  const f = fs.find((x) => x.profile !== null);
  const p = f?.profile ?? null;
  const pct1 = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const largest = p && p.top.length ? ` (the largest self time, ${p.top[0].name}, is ${pct1(p.top[0].share)} of the samples)` : '';
  const verdictLine = at === undefined
    ? '**Target: `summarise()` ≥ 10× faster than the formulas at 1,000 zones (CPU)**: not measured in this run (`--quick` runs 100 zones only).'
    : at.ratio >= 10
      ? `**Target: \`summarise()\` ≥ 10× faster than the formulas at 1,000 zones (CPU)**: **met** — ${fmtX(at.ratio)} (${fmtMs(at.engineCpu)} against ${fmtMs(at.hfCpu)} ms CPU), still 0 mismatches${at.comparison.mismatches.length + at.comparison.halfway.length === 0 ? '' : ' **not** (see above)'}.`
      : `**Target: \`summarise()\` ≥ 10× faster than the formulas at 1,000 zones (CPU)**: **missed** by ${fmtX(10 / at.ratio)} — ${fmtX(at.ratio)}: summarise() took ${fmtMs(at.engineCpu)} ms CPU where 10× needs ≤ ${fmtMs(at.hfCpu / 10)} ms. The remaining cost is spread over the functions below${largest}, so the next step would be a different shape of data (per-indicator columns instead of a figure object per zone and indicator), not another fast path.`;
  const profile = p && f
    ? `Where \`summarise()\`'s time goes now, at ${n(f.zones)} zones (a CPU profile of ${p.runs} more runs, untimed; V8's sampling profiler every 0.25 ms, which slows the runs): ${fmtMs(p.msPerRun)} ms sampled per run, **${pct(p.gcShare)} of it collecting garbage**. The functions with the most self time:

${table(['function (file)', 'self ms per run', 'share'], p.top.map((l) => [l.name, fmtMs(l.ms / p.runs), pct1(l.share)]))}`
    : 'No profile in this run.';
  return `${verdictLine}

${profile}

How it got there (issue 15; the former code is kept in test/properties/former/ and a property test
proves the same summary --json bytes on varied months, plus the 0 mismatches above). The same
profile of the former code at 1,000 zones (950 ms CPU on a quiet machine, 3.72×) had: garbage
collection about 26–28% of the samples; \`shortForm\` (\`String(x)\` to read a figure's decimals) 20%;
\`buildFigures\` 13% (a figure object spread per zone and indicator); BigInt work in growth, rounding
and 合计 sums (\`toScaled\`, \`roundHalfAway\`, \`exactSum\`) about 15% more; the rank changes 26% inclusive
(this month's ranks computed twice, last month's figures built for all 23 indicators); city and
province groups copied once per zone (O(group²)). Now: the exact decimal work runs on safe integers
wherever that is exact (falling back to the former BigInt reading otherwise; src/domain/decimal-form.ts,
rounding.ts, growth.ts say why each path gives the same double), figures are read without
\`String(x)\`, ranks are found by binary search in the sorted shown figures, past months are built
only for the indicators read, and the objects of the document are built without spreads. What is
left is the document itself (an entry of 16 fields per zone and listed indicator, bilingual warning
reasons, rank places), consolidation and the two past months read back from 历史数据 (69,000 rows at
1,000 zones), each a modest share as the table shows.`;
}

function tripsSection(rows: TripRow[]): string {
  const of = (what: string, api?: string) => rows.filter((x) => x.what === what && (api === undefined || x.api === api));
  const apis = [...new Set(rows.map((r) => r.api))];
  // the target: a check (read) and a first highlight take at most 3 round trips, whatever the size, at every level
  const capped = [...of('read'), ...of('highlight')].filter((r) => !r.refused);
  const maxTrips = Math.max(...capped.map((r) => r.syncs));
  const largest = Math.max(...rows.map((r) => r.maxRequestBytes));
  const refused = rows.filter((r) => r.refused);
  const syncsAt = (what: string, api: string) => of(what, api).map((r) => (r.refused ? `refused (${r.refused})` : String(r.syncs))).join(', ');
  return `## 4. Excel round trips (recording fake of the Excel API)

\`OfficeWorkbookPort\` over \`FakeExcel\` (src/excel/testing), at the minimum level every feature works at
(ExcelApi 1.7: no RangeAreas, one conditional format per separate area, no merged areas) and above it
(1.9 RangeAreas; reads at 1.13 with merged areas). Syncs are \`context.sync()\` round trips; request
bytes are each sync's serialised operations and loaded payload. Reading: workbooks of n generated
zone report sheets (values, formulas, number formats, merges). Highlighting: n scattered cells (no
vertical runs to merge: the worst case for range addresses) on a fresh sheet; then the same again
over those highlights (found by their signature and deleted), and clearing them.

${table(
  ['operation', 'ExcelApi', 'sheets / cells', 'cells', 'syncs', 'Excel.run calls', 'largest request', 'all requests', 'getRanges calls'],
  rows.map((r) => [r.refused ? `${r.what} (refused: ${r.refused})` : r.what, r.api, n(r.size), n(r.cells), r.syncs, r.runs, fmtKB(r.maxRequestBytes), fmtKB(r.totalRequestBytes), r.getRangesCalls]),
)}

**Target: at most 3 round trips per check and per highlight, at every level**: ${verdict(maxTrips <= 3)} (${[
    ...apis.filter((a) => of('read', a).length > 0).map((a) => `read at ExcelApi ${a}: ${syncsAt('read', a)}`),
    ...apis.filter((a) => of('highlight', a).length > 0).map((a) => `highlight at ExcelApi ${a}: ${syncsAt('highlight', a)}`),
  ].join('; ')}). The read plans its value requests by size (62,500 cells per request), so a workbook far
beyond 200 report sheets adds one sync per 62,500 cells, never one per sheet.${
    refused.length > 0
      ? ` Below ExcelApi 1.9 every separate area needs a conditional format of its own: more than ${n(MAX_SEPARATE_AREAS)} separate areas in one highlight are refused (E_EXCEL_TOO_MANY_AREAS, after the sheet list, before anything is written) — ${n(MAX_SEPARATE_AREAS)} scattered cells already make ${n(MAX_SEPARATE_AREAS)} rules.`
      : ''
  }
Highlighting again over earlier highlights and clearing them take ${[...of('highlight again'), ...of('clear')].map((r) => `${r.syncs} (${r.what}, ExcelApi ${r.api})`).join(', ')}: the sheet list, the record, the rules' types, the Custom rules' formulas, then the deletions, the record and the new rules (split only beyond the request budget).
**Target: largest request under 5 MB**: ${verdict(largest < 5_000_000)} (${fmtKB(largest)}).`;
}

function paneSection(p: PaneResult): string {
  const b = p.bundle;
  const t = p.timing;
  const family = (pkg: string): string =>
    /^@fluentui\/|^@griffel\/|^tabster$|^keyborg$|^@floating-ui\/|^@swc\/helpers$|^rtl-css-js$|^stylis$|^@emotion\/hash$|^use-sync-external-store$/.test(pkg)
      ? 'Fluent UI v9 (+ Griffel, Tabster, Floating UI)'
      : /^react(-dom)?$|^scheduler$/.test(pkg)
        ? 'React 19 (react, react-dom, scheduler)'
        : pkg;
  const fam = new Map<string, { share: number; gzip: number }>();
  for (const c of b.composition) {
    const k = family(c.pkg);
    const e = fam.get(k) ?? { share: 0, gzip: 0 };
    fam.set(k, { share: e.share + c.share, gzip: e.gzip + c.gzip });
  }
  const fams = [...fam].sort((a, b2) => b2[1].share - a[1].share);
  return `## 5. Task pane (production build, headless Chromium)

${p.buildMs > 1000 ? `dist/ was stale and rebuilt (\`webpack --mode production\`, ${(p.buildMs / 1000).toFixed(0)} s, not counted below).` : 'dist/ was up to date with src/.'}
Sizes: the files taskpane.html loads directly, and the chunks the initial JS can load later; gzip is
node:zlib level 9. ${b.external.length ? `Not counted: ${b.external.join(', ')} (Microsoft's CDN, loaded by every add-in).` : ''}

${table(
  ['', 'files', 'raw', 'gzipped'],
  [
    ['initial JS', b.initial.map((f) => f.file).join(', '), fmtKB(b.initial.reduce((s, f) => s + f.bytes, 0)), `**${fmtKB(b.initialGzip)}**`],
    ...b.lazy.map((f) => ['lazy chunk', f.file, fmtKB(f.bytes), fmtKB(f.gzip)]),
    ['lazy, all', `${b.lazy.length} chunks`, fmtKB(b.lazy.reduce((s, f) => s + f.bytes, 0)), fmtKB(b.lazyGzip)],
  ],
)}

What the initial JS is made of (its source map; share of the raw bytes, and that code gzipped alone):

${table(['package', 'share', 'gzipped alone'], fams.slice(0, 8).map(([k, v]) => [k, pct(v.share), fmtKB(v.gzip)]))}

Timings over \`scripts/serve.js\` on 127.0.0.1 (office.js routed to the npm copy), load average ${p.load}:

${table(
  ['', 'median', 'runs'],
  [
    ['navigation → tab list visible and enabled, cold (fresh profile)', `${fmtMs(t.coldInteractiveMs)} ms`, '1'],
    ['navigation → tab list visible and enabled, warm', `${fmtMs(t.interactiveMs)} ms`, t.interactiveRuns.map(fmtMs).join(', ')],
    [`standalone check: ${t.files} sample workbooks into the file input → counts shown (${t.counts})`, `${fmtMs(t.checkMs)} ms`, t.checkRuns.map(fmtMs).join(', ')],
  ],
)}

${paneTargets(p, fams)}`;
}

/** The issue 15 targets of the pane, each against its figure, and what the figures are made of. */
function paneTargets(p: PaneResult, fams: [string, { share: number; gzip: number }][]): string {
  const b = p.bundle;
  const t = p.timing;
  const KB = 1024;
  const initialTarget = 220 * KB;
  const coldTarget = 800;
  const taskTarget = 50;
  const lt = p.longTasks;
  const runs = lt?.runs ?? [];
  const wall = Math.max(0, ...runs.map((r) => r.longestTaskMs));
  const cpu = Math.max(0, ...runs.map((r) => r.trace?.longestCpuMs ?? 0));
  const traceWall = Math.max(0, ...runs.map((r) => r.trace?.longestWallMs ?? 0));
  const engines = [...new Set(runs.map((r) => r.engine))].join(', ');
  const ltTable = lt
    ? `The standalone check of ${lt.files} workbooks (${lt.files - 2} zones of \`zone-report sample --zones 100\`, 开发区名录, 历史数据) in Chromium: the files into the input, the
check clicked, the counts shown and rendered; ${runs.length} runs on fresh pages (load average ${p.longTaskLoad ?? '?'}). Long tasks by the
longtask API (wall time, every task above 50 ms), the longest gap of a message-loop probe, and the trace of the renderer's main
thread (each task's wall and thread CPU time; CPU is the page's own work whatever else the machine runs). The check ran in: ${engines || '—'}.

${table(
  ['run', 'longest task (longtask API)', 'tasks > 50 ms', 'longest gap (probe)', 'trace: longest task wall / CPU', 'trace: tasks > 50 ms CPU', 'files opened in', 'check + render', 'counts'],
  runs.map((r, i) => [
    String(i + 1),
    r.longestTaskMs > 0 ? `${fmtMs(r.longestTaskMs)} ms` : 'none above 50 ms',
    r.longTasks.length > 0 ? r.longTasks.map((x) => `${x.ms} (${x.phase})`).join(', ') : '0',
    `${fmtMs(r.longestGapMs)} ms`,
    r.trace ? `${fmtMs(r.trace.longestWallMs)} / ${fmtMs(r.trace.longestCpuMs)} ms` : '—',
    r.trace ? String(r.trace.over50Cpu) : '—',
    `${fmtMs(r.openedMs)} ms`,
    `${fmtMs(r.checkMs)} ms`,
    r.counts,
  ]),
)}`
    : 'The long-task run was not made in this run.';
  const initialVerdict =
    b.initialGzip <= initialTarget
      ? `${verdict(true)} — ${fmtKB(b.initialGzip)}`
      : `${verdict(false)} by ${fmtKB(b.initialGzip - initialTarget)} (${fmtKB(b.initialGzip)})`;
  const coldVerdict =
    t.coldInteractiveMs <= coldTarget
      ? `${verdict(true)} — ${fmtMs(t.coldInteractiveMs)} ms cold, ${fmtMs(t.interactiveMs)} ms warm (median)`
      : `${verdict(false)} by ${fmtMs(t.coldInteractiveMs - coldTarget)} ms (${fmtMs(t.coldInteractiveMs)} ms cold, ${fmtMs(t.interactiveMs)} ms warm, load average ${p.load})`;
  const taskVerdict = !lt
    ? 'not measured in this run'
    : wall <= taskTarget
      ? `${verdict(true)} — no task above 50 ms (longtask API); the trace's longest ${fmtMs(traceWall)} ms wall, ${fmtMs(cpu)} ms CPU`
      : cpu <= taskTarget
        ? `${verdict(false)} on wall time by ${fmtMs(wall - taskTarget)} ms (${fmtMs(wall)} ms, load average ${p.longTaskLoad ?? '?'}), met on the page's own CPU time (${fmtMs(cpu)} ms): the tasks were stretched by waiting for a core`
        : `${verdict(false)} by ${fmtMs(wall - taskTarget)} ms (${fmtMs(wall)} ms wall, ${fmtMs(cpu)} ms CPU)`;
  const top = fams.slice(0, 4).map(([k, v]) => `${k} ${pct(v.share)} (${fmtKB(v.gzip)} gzipped alone)`).join(', ');
  return `${ltTable}

**Targets (issue 15)**:
- **pane initial JS (gzipped) ≤ 220 KB**: ${initialVerdict}. The initial JS is everything the page runs before the pane is
  interactive: the ES5 start script and the bundle it loads (webpack's entry chunk; its synchronous dependencies are in it).
  What is left: ${top}. zod and the configuration parse are out of it (the default configuration is plain data,
  src/taskpane/default-config.ts, checked against the engine's; zod loads on the page when a stored or imported configuration
  is read; the engine thread never loads it: its rules take \`indicatorByCode\` from src/domain/config/lookup.ts),
  and so is the engine: the check and the summary run in the engine thread's chunk, the sheets, highlights and bulletin in a
  chunk loaded with the first such action. React 19 and Fluent UI v9 (its TabList, Button, MessageBar, Tooltip and what they
  pull in: Griffel, Tabster, Floating UI) are the pane's first paint itself.
- **cold start to interactive ≤ 0.8 s** (navigation → tab list laid out and enabled, fresh profile): ${coldVerdict}.
  Why, from a trace of a cold and a warm load (load average about 2): evaluating the entry chunk (645 KB raw, 79% of it
  React and Fluent UI) is one task of 448 ms wall / 310 ms CPU cold against 241 / 229 ms warm (no code cache yet, files
  from disk), and the first render 168 / 65 ms against 67 / 54 ms; the cold figure is one load and moves with the
  machine (1.09–1.45 s in three runs the same day). Getting under 0.8 s cold needs less code before the first paint:
  the tab panels other than the first rendered from lazy chunks, or a lighter first screen than Fluent's TabList.
- **standalone check of ${lt ? lt.files - 2 : 100} zone workbooks: longest main-thread task ≤ 50 ms**: ${taskVerdict}. Reading runs in the reader
  thread and the check and summary in the engine thread (Web Workers); workbooks cross between them and the page in row
  slices of about 4,000 cells (one message each, a turn for the page about every frame), and results are rendered as
  React transitions. Without Worker the same engine code runs on the page, giving a turn about every frame (as before).
  What the tasks above 50 ms are (a trace of one run with each task's children, load average about 2): the file input's
  change event for the 102 files (69 ms wall, 29 ms CPU: the rest is waiting for one of the 2 cores, which the reader
  thread, the browser and this process share); one task receiving a Mojo message with no script in it above 5 ms (63 ms
  wall, 61 ms CPU, as the read workbooks arrive); and Chromium's error page for the office.js telemetry frame the
  Content-Security-Policy refuses (82 ms wall with a 32 ms major GC; it exists only because office.js runs outside
  Office here). The check itself (engine thread) puts no task above 50 ms on the page.`;
}

function tablesSection(t: TablesResult | undefined): string {
  if (!t) return '## 6. Tables of many zones\n\nNot measured in this run.';
  const per = (x: Timed) => `${(x.cpu / t.zones).toFixed(3)} ms`;
  const ratio = (a: Timed, b: Timed) => (b.cpu / a.cpu).toFixed(2);
  const same = t.recognise.table.cpu / t.recognise.sheets.cpu;
  return `## 6. Tables of many zones

The same month of ${n(t.zones)} zones read two ways: one report sheet per zone (the template, 23
indicators), and one table of all ${n(t.zones)} zones (zones down; all 23 indicators across, each as
1-9月累计 | 同比(%) | 位次; a 全市 row; values in 亿元: src/domain/sample/city-table.ts). Timed
alternately in one process, ${t.reps} runs after a warm-up each; CPU time, per zone. The table gave
${n(t.tableReports)} zone reports with ${n(t.tableRecords)} records (the sheets: ${n(t.sheetRecords)}).
Its check runs fewer rules (published growth, no 上年同期 column): recognition is the like-for-like
figure. Load average ${t.load}.

${table(
  ['', `${n(t.zones)} sheets (CPU)`, `1 table of ${n(t.zones)} rows (CPU)`, 'per zone: sheets', 'per zone: table', 'table / sheets'],
  [
    ['recognition', `${fmtMs(t.recognise.sheets.cpu)} ms`, `${fmtMs(t.recognise.table.cpu)} ms`, per(t.recognise.sheets), per(t.recognise.table), ratio(t.recognise.sheets, t.recognise.table)],
    ['whole check', `${fmtMs(t.check.sheets.cpu)} ms`, `${fmtMs(t.check.table.cpu)} ms`, per(t.check.sheets), per(t.check.table), ratio(t.check.sheets, t.check.table)],
  ],
)}

**Target: a ${n(t.zones)}-row table is read in the same time per zone as per-zone sheets**: ${verdict(same <= 1.25)} —
recognition ${same.toFixed(2)}× the sheets' time per zone.`;
}

export function writeResults(r: RunResults): string {
  const m = r.machine;
  return `# ZoneReport benchmarks

Written by \`npm run bench\` (bench/main.ts)${r.quick ? ' **in --quick mode: smoke figures, not to be quoted**' : ''} on ${r.started.toISOString()}, in ${(r.seconds / 60).toFixed(1)} minutes.

| machine | |
|---|---|
| CPU | ${m.cpu} |
| cores | ${m.cores} |
| memory | ${m.memory} |
| Node | ${m.node} |
| OS | ${m.platform} |
| load average (1/5/15 min) at start | ${r.loadBefore} |
| load average at end | ${r.loadAfter} |

The machine is shared with other developers: load averages are printed with each benchmark, and
comparisons are ratios of runs alternated in the same process, so a busy phase hits both sides.
Times are medians of repeated runs after a warm-up. No benchmark is a test and no test asserts a
time.${r.buildNote ? `\n\nNote: ${r.buildNote}.` : ''}

${targetsSection(r)}

${scaleSection(r.scale)}

${overheadSection(r.overhead)}

${formulasSection(r.formulas)}

${tripsSection(r.trips)}

${paneSection(r.pane)}

${tablesSection(r.tables)}

${r.formats ? formatsSection(r.formats) : '## 7. Legacy formats\n\nNot measured in this run.'}

${liveSection(r.live)}
`;
}

function formatsSection(f: FormatsResult): string {
  const m = f.measured;
  const p = f.pane;
  const paneText = !p
    ? 'dist/ was not built: the pane was not measured.'
    : `${table(
        ['', 'files', 'raw', 'gzipped'],
        [
          ['initial JS', p.initial.map((x) => x.file).join(', '), fmtKB(p.initial.reduce((s, x) => s + x.bytes, 0)), `**${fmtKB(p.initial.reduce((s, x) => s + x.gzip, 0))}**`],
          ...(p.sheetJs ? [['SheetJS chunk', p.sheetJs.file, fmtKB(p.sheetJs.bytes), fmtKB(p.sheetJs.gzip)]] : []),
        ],
      )}

SheetJS in the initial JS: **${p.sheetJsInInitial ? 'yes' : 'no'}**; its chunk is named in ${p.loadedBy ?? 'no chunk'} (the reader thread, a Web
Worker chunk started when a file is opened), so only a page that reads a legacy file loads it. ${
        f.previousInitial
          ? `The run before this one (${f.previousInitial.started.slice(0, 10)}) measured an initial JS of ${fmtKB(f.previousInitial.bytes)} (${fmtKB(f.previousInitial.gzip)} gzipped): ${fmtKB(p.initial.reduce((s, x) => s + x.bytes, 0) - f.previousInitial.bytes)} raw and ${fmtKB(p.initial.reduce((s, x) => s + x.gzip, 0) - f.previousInitial.gzip)} gzipped of difference.`
          : 'No earlier run to compare the initial JS with.'
      }`;
  if (!m) {
    return `## 7. Legacy formats

LibreOffice (soffice) is not installed here: the .xls folder could not be written, nothing was timed.

${paneText}`;
  }
  return `## 7. Legacy formats: a folder of ${f.n} .xls reports

The folder of benchmark 2 (${f.files} workbooks: ${f.n} zone reports, 开发区名录, 历史数据; ${m.xlsxMegabytes.toFixed(1)} MB as .xlsx)
saved as .xls (BIFF8, ${m.xlsMegabytes.toFixed(1)} MB) by LibreOffice in one soffice call (${m.convertSeconds.toFixed(0)} s), then read and checked.
**In process**: every file read once by \`readWorkbookBytes\` (detection, the format's guard, its reader:
the project's own for .xlsx, SheetJS for .xls), both folders alternated, ${m.reps} runs each after a warm-up,
CPU time. **As processes**: \`node bin/zone-report.js check <folder>\` (the reader thread included),
${m.child.reps} runs each, wall time (exit ${m.child.exitXlsx} for .xlsx, ${m.child.exitXls} for .xls). Load average at the start: ${f.load}.

${table(
  ['', '.xlsx', '.xls', 'ratio'],
  [
    ['reading one file, in process (CPU)', `${fmtMs(m.inProcess.xlsxMsPerFile)} ms`, `${fmtMs(m.inProcess.xlsMsPerFile)} ms`, `**${fmtX(m.inProcess.ratio)}**`],
    ['zone-report check of the folder, as a process (wall)', `${fmtMs(m.child.xlsxMs)} ms`, `${fmtMs(m.child.xlsMs)} ms`, fmtX(m.child.xlsMs / m.child.xlsxMs)],
    ['… per file', `${fmtMs(m.child.xlsxPerFile)} ms`, `${fmtMs(m.child.xlsPerFile)} ms`, ''],
  ],
)}

No target is set for legacy formats; SheetJS parses a BIFF8 stream in JavaScript where the .xlsx reader
works on XML parts zlib has inflated. The exit codes may differ: LibreOffice writes the cached result of a
shared formula whose result is empty text as 0 in .xls (test/formats/formats.test.ts), and those cells
are checked as the 0 the file holds.

${paneText}`;
}
