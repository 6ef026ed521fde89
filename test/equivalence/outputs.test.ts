/**
 * Output equivalence of check and summary: the bytes of `check --json` and `summary --json` (and of
 * the summary sheets and archive rows) on the demo sample and on generated months of several sizes,
 * with clerk mistakes mixed in, against digests recorded from the code before the memory work of
 * issue 15 (outputs-golden.json). Any change of a figure, label, finding, message or key order fails.
 *
 * Record again only when an output change is intended (say so in the commit):
 *   UPDATE_OUTPUT_GOLDEN=1 npx jest test/equivalence/outputs.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbooks } from '../../src/domain/check';
import { archiveRows, summarise, summarySheets } from '../../src/domain/summary';
import type { Cell } from '../../src/domain/types';
import { monthData } from '../../bench/lib/month-data';
import { run, tempDir } from '../cli/helpers';

const GOLDEN = path.join(__dirname, 'outputs-golden.json');
const UPDATE = process.env.UPDATE_OUTPUT_GOLDEN === '1';

interface Digest {
  bytes: number;
  sha256: string;
}
const digest = (s: string): Digest => ({ bytes: Buffer.byteLength(s), sha256: createHash('sha256').update(s).digest('hex') });

const got: Record<string, Digest> = {};
const golden: Record<string, Digest> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Digest>) : {};

function expectSame(name: string, text: string): void {
  got[name] = digest(text);
  if (UPDATE) return;
  expect({ name, ...got[name] }).toEqual({ name, ...golden[name] });
}

afterAll(() => {
  if (UPDATE) writeFileSync(GOLDEN, JSON.stringify({ ...golden, ...got }, null, 2) + '\n');
});

/** A deterministic stream of numbers in [0, 1) (a linear congruential generator). */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Clerk mistakes in every 7th zone's sheet, so findings of many rules (and their messages) are in
 * the outputs: a number typed as text, a unit slip (×10,000), a blank, a no-data mark, words, a
 * figure with its unit, a changed total.
 */
function mistakes(rows: (Cell | undefined)[][], rnd: () => number): void {
  const numeric: Array<[number, number]> = [];
  rows.forEach((row, r) => row.forEach((c, k) => c && typeof c.v === 'number' && numeric.push([r, k])));
  for (let i = 0; i < 4 && numeric.length > 0; i++) {
    const [r, k] = numeric[Math.floor(rnd() * numeric.length)];
    const cell = rows[r][k] as Cell;
    const v = cell.v as number;
    const kind = Math.floor(rnd() * 7);
    if (kind === 0) rows[r][k] = { v: v.toLocaleString('en-US') };
    else if (kind === 1) rows[r][k] = { ...cell, v: v * 10000 };
    else if (kind === 2) rows[r][k] = undefined;
    else if (kind === 3) rows[r][k] = { v: '—' };
    else if (kind === 4) rows[r][k] = { v: '见附表' };
    else if (kind === 5) rows[r][k] = { v: `${v}万元` };
    else rows[r][k] = { ...cell, v: Math.round(v * 1.3 * 10) / 10 };
  }
}

describe('check and summary outputs are byte-identical to the recorded ones', () => {
  for (const [n, lossCases] of [
    [12, false],
    [60, true],
    [250, true],
  ] as const) {
    test(`a generated month of ${n} zones${lossCases ? ' with loss cases' : ''}, mistakes in every 7th zone`, () => {
      const d = monthData(n, { lossCases });
      const rnd = stream(n);
      d.inputs.forEach((input, i) => {
        if (i % 7 === 3 && input.grid) mistakes(input.grid.sheets[0].rows, rnd);
      });
      const c = checkWorkbooks(d.inputs, { config: d.config, registerZones: d.zones, history: d.history });
      expectSame(`gen-${n}/check`, JSON.stringify(c.report, null, 2));
      const s = summarise({ report: c.report, register: c.register, history: c.history, config: d.config });
      expectSame(`gen-${n}/summary`, JSON.stringify(s, null, 2));
      expectSame(`gen-${n}/sheets-zh`, JSON.stringify(summarySheets(s, d.config, 'zh')));
      expectSame(`gen-${n}/sheets-en`, JSON.stringify(summarySheets(s, d.config, 'en')));
      expectSame(`gen-${n}/archive`, JSON.stringify(archiveRows(s, c.report)));
      // a second check of the same inputs gives the same bytes (no state kept between checks)
      const again = checkWorkbooks(d.inputs, { config: d.config, registerZones: d.zones, history: d.history });
      expect(JSON.stringify(again.report, null, 2)).toBe(JSON.stringify(c.report, null, 2));
    });
  }

  test('the demo sample through the command line: check --json and summary --json, own sheets and a city table', async () => {
    const dir = tempDir('golden');
    try {
      expect((await run(['sample', '--out', dir])).code).toBe(0);
      const register = path.join(dir, '开发区名录.xlsx');
      const history = path.join(dir, '历史数据.xlsx');
      for (const month of ['2026-09', '2026-09-城市表']) {
        const folder = path.join(dir, month);
        const check = await run(['check', folder, '--register', register, '--history', history, '--json']);
        expect(check.code).toBeLessThan(2);
        // the sample's workbooks carry the time they were written, so their digests differ per run
        expectSame(`demo/${month}/check`, check.out.split(dir).join('<dir>').replace(/"sha256": "[0-9a-f]{64}"/g, '"sha256": "<sha256>"'));
        const summary = await run(['summary', folder, '--register', register, '--history', history, '--json']);
        expect(summary.code).toBeLessThan(2);
        expectSame(`demo/${month}/summary`, summary.out.split(dir).join('<dir>'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
