/**
 * The whole hostile corpus through the real command line (`check <file> --json`, spawned, 10 s and
 * 512 MB per file), and through the in-process worker harness with the pre-parse inspector in front
 * (which also checks Object.prototype after every file). Criteria: harness.ts judge().
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCorpus, type CorpusFile } from './corpus';
import { ensureBuilt, judge, runCli, runInWorkers, type Outcome } from './harness';

jest.setTimeout(600_000);

let corpus: CorpusFile[];
let dir: string;
beforeAll(() => {
  ensureBuilt();
  corpus = buildCorpus();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-corpus-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `run` over the items two at a time (the machine is shared). */
async function twoAtATime<T, R>(items: T[], run: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all([lane(), lane()]);
  return out;
}

describe('hostile corpus', () => {
  it('has at least 40 generated files, every expectation exercised', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((f) => f.expect))).toEqual(new Set(['input-error', 'findings', 'either']));
  });

  it('never crashes, hangs or leaks through the real command line', async () => {
    const outcomes = await twoAtATime(corpus, (f) => runCli(f.bytes, f.name.replace(/[^\w.-]/g, '_'), dir));
    const problems = corpus.flatMap((f, i) => judge(f.bytes, outcomes[i], f).map((p) => `${f.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('meets every criterion in the worker harness, each refusal with its expected code', async () => {
    const outcomes: Outcome[] = await runInWorkers(corpus, { lanes: 1 });
    const problems = corpus.flatMap((f, i) => judge(f.bytes, outcomes[i], f).map((p) => `${f.name}: ${p}`));
    expect(problems).toEqual([]);
    const refused = corpus.filter((f, i) => f.code !== undefined && outcomes[i].inputErrors[0]?.code !== f.code);
    expect(refused.map((f) => f.name)).toEqual([]);
  });
});
