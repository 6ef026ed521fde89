/**
 * Mutation fuzzing with fixed seeds: 1,000 mutants of the corpus's valid seed workbooks per run,
 * through the worker harness (512 MB heap, 10 s watchdog per file). Any failing case is written to
 * test/hostile/found/ and so becomes a corpus entry. `node scripts/fuzz.js` runs 20,000 on demand.
 */
import { ensureBuilt } from './harness';
import { runFuzz } from './fuzz-run';

jest.setTimeout(600_000);

beforeAll(() => ensureBuilt());

it('survives 1,000 mutated workbooks (seed 20261121)', async () => {
  const stats = await runFuzz({ cases: 1000, seed: 20261121, lanes: 2 });
  expect(stats.cases).toBe(1000);
  expect(stats.failures).toEqual([]);
  // the mutants reach both outcomes: some are read, some refused with a closed-list code
  expect(stats.readOk).toBeGreaterThan(100);
  expect(Object.keys(stats.inputErrors).length).toBeGreaterThan(2);
});
