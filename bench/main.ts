/**
 * `npm run bench`: the five benchmarks in turn, then bench/results.md. `--quick` runs smaller
 * repetitions and sizes (a smoke run while editing the benchmarks; its figures are not the ones
 * to quote). Everything heavy runs one thing at a time: the machine has two cores.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formulaBench, type FormulaResult } from './formulas/bench';
import { loadAverage, machine } from './lib/machine';
import { ensureCliFresh } from './lib/builds';
import { overheadBench } from './overhead/bench';
import { paneBench } from './pane/bench';
import { writeResults } from './report';
import { roundTripBench } from './roundtrips/bench';
import { scaleBench } from './scale/bench';

function step(name: string): () => void {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}… (load ${loadAverage()})\n`);
  return () => process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

export async function main(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const started = new Date();
  const loadBefore = loadAverage();
  const t0 = Date.now();
  const buildNote = ensureCliFresh();

  let done = step('1 scale');
  const scale = await scaleBench(quick ? [[10, 2], [100, 2], [1000, 1]] : [[10, 7], [100, 5], [1000, 3], [5000, 2]]);
  done();
  done = step('2 overhead over reading');
  const overhead = await overheadBench(100, quick ? 2 : 5, quick ? 1 : 3);
  done();
  done = step('3 against formulas');
  const formulas: FormulaResult[] = [];
  for (const [n, reps] of quick ? [[100, 2]] : [[100, 5], [1000, 3]]) formulas.push(await formulaBench(n, reps));
  done();
  done = step('4 Excel round trips');
  const trips = await roundTripBench();
  done();
  done = step('5 task pane');
  const pane = await paneBench(quick ? 2 : 5);
  done();

  const file = path.join(__dirname, 'results.md');
  fs.writeFileSync(
    file,
    writeResults({
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
    }),
  );
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), file)} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
