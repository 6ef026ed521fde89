/**
 * A mutation-fuzzing run: `cases` mutants of the corpus's seed workbooks (fixed seed), generated in
 * batches and judged through the worker harness. Failing cases are written to test/hostile/found/
 * (bytes + what went wrong) where buildCorpus() picks them up as regression entries.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedBooks } from './corpus';
import { judge, runInWorkers } from './harness';
import { mutant } from './mutate';

export interface FuzzOptions {
  cases: number;
  seed: number;
  lanes?: number;
  /** where failing cases go; null to keep them in memory only */
  foundDir?: string | null;
  log?: (line: string) => void;
}

export interface FuzzStats {
  cases: number;
  crashes: number;
  hangs: number;
  ooms: number;
  /** cases breaking any other criterion (codes, messages, exit codes, prototype) */
  violations: number;
  protoPolluted: number;
  maxMemMb: number;
  inputErrors: Record<string, number>;
  readOk: number;
  failures: Array<{ name: string; problems: string[] }>;
}

const BATCH = 100;

export async function runFuzz(o: FuzzOptions): Promise<FuzzStats> {
  const seeds = seedBooks();
  const foundDir = o.foundDir === undefined ? path.join(__dirname, 'found') : o.foundDir;
  const s: FuzzStats = { cases: 0, crashes: 0, hangs: 0, ooms: 0, violations: 0, protoPolluted: 0, maxMemMb: 0, inputErrors: {}, readOk: 0, failures: [] };
  for (let start = 0; start < o.cases; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, o.cases - start) }, (_, k) => mutant(seeds, o.seed, start + k));
    const outcomes = await runInWorkers(batch, { lanes: o.lanes ?? 1 });
    outcomes.forEach((out, k) => {
      s.cases++;
      s.maxMemMb = Math.max(s.maxMemMb, out.memMb ?? 0);
      if (out.kind === 'crash') s.crashes++;
      if (out.kind === 'hang') s.hangs++;
      if (out.kind === 'oom') s.ooms++;
      if (out.protoAdded.length > 0) s.protoPolluted++;
      for (const e of out.inputErrors) s.inputErrors[e.code] = (s.inputErrors[e.code] ?? 0) + 1;
      if (out.kind === 'exit' && out.inputErrors.length === 0) s.readOk++;
      const problems = judge(batch[k].bytes, out);
      if (problems.length === 0) return;
      if (out.kind === 'exit') s.violations++;
      s.failures.push({ name: batch[k].name, problems });
      if (foundDir) {
        fs.mkdirSync(foundDir, { recursive: true });
        fs.writeFileSync(path.join(foundDir, batch[k].name + '.xlsx'), batch[k].bytes);
        fs.writeFileSync(path.join(foundDir, batch[k].name + '.json'), JSON.stringify({ seed: o.seed, problems }, null, 2) + '\n');
      }
    });
    o.log?.(`${s.cases}/${o.cases} cases, ${s.failures.length} failing, max ${s.maxMemMb.toFixed(0)} MB`);
  }
  return s;
}
