/**
 * `npm run bench`: the eight benchmarks in turn, then bench/results.md (and results.json, the raw
 * figures). `--quick` runs smaller repetitions and sizes (a smoke run while editing the benchmarks;
 * its figures are not the ones to quote); `--report-only` renders results.md from results.json.
 * Everything heavy runs one thing at a time: the machine has two cores.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatsBench } from './formats/bench';
import { formulaBench, type FormulaResult } from './formulas/bench';
import { liveBench } from './live/bench';
import { loadAverage, machine } from './lib/machine';
import { ensureCliFresh } from './lib/builds';
import { overheadBench } from './overhead/bench';
import { paneBench } from './pane/bench';
import { writeResults, type RunResults } from './report';
import { roundTripBench } from './roundtrips/bench';
import { scaleBench } from './scale/bench';
import { tablesBench } from './tables/bench';

function step(name: string): () => void {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}… (load ${loadAverage()})\n`);
  return () => process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

const RESULTS_MD = path.join(__dirname, 'results.md');
const RESULTS_JSON = path.join(__dirname, 'results.json');

/** results.json → results.md again (after editing report.ts, without measuring again). */
function reportOnly(): void {
  // only the run's own date becomes a Date (formats.previousInitial.started stays the string it is)
  const raw = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as Omit<RunResults, 'started'> & { started: string };
  const r: RunResults = { ...raw, started: new Date(raw.started) };
  fs.writeFileSync(RESULTS_MD, writeResults(r));
}

/** The initial JS of the run results.json holds (raw and gzipped bytes, and when), or null. */
function previousInitialJs(): { bytes: number; gzip: number; started: string } | null {
  try {
    const r = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as { started: string; pane?: { bundle?: { initial?: { bytes: number }[]; initialGzip?: number } } };
    const b = r.pane?.bundle;
    if (!b?.initial || b.initialGzip === undefined) return null;
    return { bytes: b.initial.reduce((s, f) => s + f.bytes, 0), gzip: b.initialGzip, started: r.started };
  } catch {
    return null;
  }
}

export async function main(args: string[]): Promise<void> {
  if (args.includes('--report-only')) return reportOnly();
  const quick = args.includes('--quick');
  // the last run's initial JS, to say whether this one changed it (results.json is overwritten below)
  const previousInitial = previousInitialJs();
  const started = new Date();
  const loadBefore = loadAverage();
  const t0 = Date.now();
  const buildNote = ensureCliFresh();

  let done = step('1 scale');
  const scale = await scaleBench(quick ? [[10, 2], [100, 2], [1000, 1]] : [[10, 7], [100, 5], [1000, 3], [5000, 2]]);
  done();
  done = step('6 tables of many zones');
  const tables = await tablesBench(300, quick ? 2 : 7);
  done();
  done = step('2 overhead over reading');
  const overhead = await overheadBench(100, quick ? 2 : 5, quick ? 1 : 3);
  done();
  done = step('3 against formulas');
  const formulas: FormulaResult[] = [];
  // the largest size is also profiled (untimed) for the report's account of summarise()'s cost
  const sizes = quick ? [[100, 2]] : [[100, 5], [1000, 5]];
  for (const [i, [n, reps]] of sizes.entries()) formulas.push(await formulaBench(n, reps, i === sizes.length - 1));
  done();
  done = step('4 Excel round trips');
  const trips = await roundTripBench();
  done();
  done = step('5 task pane');
  const pane = await paneBench(quick ? 2 : 5);
  done();
  done = step('7 legacy formats');
  const formats = await formatsBench(100, quick ? 2 : 5, quick ? 1 : 3, previousInitial);
  done();
  done = step('8 live mode in Excel');
  const live = await liveBench(100, quick ? 50 : 200, quick ? 3 : 10, quick ? 3 : 7);
  done();

  const results: RunResults = {
    quick,
    started,
    seconds: (Date.now() - t0) / 1000,
    machine: machine(),
    loadBefore,
    loadAfter: loadAverage(),
    buildNote,
    scale,
    overhead,
    formulas,
    trips,
    pane,
    tables,
    formats,
    live,
  };
  // the raw figures too, so results.md can be rendered again (--report-only) and runs compared
  fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 1) + '\n');
  fs.writeFileSync(RESULTS_MD, writeResults(results));
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), RESULTS_MD)} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
