/**
 * Recognition keeps its results: over every sheet of the corpus (each sheet the test suites hand the
 * recogniser, the sample generator's workbooks, the same saved again by LibreOffice, and random
 * grids of report words — see build-corpus.ts), recogniseSheet gives exactly the records, columns,
 * zone, period and findings the former recogniser gave. A deliberate change of output is listed in
 * INTENDED with the reason, entry by entry; anything else that differs fails.
 */
import { defaultConfig } from '../../src/domain/config/validate';
import { buildRegister } from '../../src/domain/recognise/register';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { loadCorpus } from './corpus';

/** source → why its output changed on purpose (and what the new output is checked for elsewhere). */
const INTENDED: Record<string, string> = {};

/** The first place two JSON values differ, as a path, for the failure message. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array against object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

test('every corpus sheet is recognised exactly as before', () => {
  const corpus = loadCorpus();
  const config = defaultConfig();
  const registers = corpus.registers.map((zones) => buildRegister(zones).register);
  const differ: string[] = [];
  let compared = 0;
  for (const e of corpus.entries) {
    if (INTENDED[e.source] !== undefined) continue;
    const out = recogniseSheet(e.sheet, {
      config: e.config === null ? config : corpus.configs[e.config],
      register: e.register === null ? null : registers[e.register],
      fallbackYear: e.fallbackYear,
    });
    const d = firstDifference(JSON.parse(JSON.stringify(out)), e.expected);
    if (d) differ.push(`${e.source}: ${d}`);
    compared++;
  }
  expect(differ.slice(0, 10)).toEqual([]);
  expect(differ).toHaveLength(0);
  // the corpus holds what it is meant to: thousands of sheets, most of them read as reports with records
  expect(compared).toBeGreaterThan(4000);
  const withRecords = corpus.entries.filter((e) => (e.expected as { records?: unknown[] }).records?.length).length;
  expect(withRecords).toBeGreaterThan(500);
});
