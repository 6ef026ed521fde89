import fc from 'fast-check';
import { run, rec, report } from './fixtures';
import { decimalSum } from '../rounding';
import { computeGrowth } from '../growth';

test('a sheet that could not be read (no header) gets no rule findings, not "every key row absent"', () => {
  const r = report([], { headerRow: -1, columns: {} });
  expect(run(r)).toEqual({ findings: [], skipped: [] });
});

test('the same sheet read but empty: every key row is reported absent', () => {
  const out = run(report([])).findings.filter((f) => f.rule === 'V-REQ');
  expect(out.map((f) => f.indicator).sort()).toEqual(['01', '08', '11', '12', '15']);
});

// Money figures with one decimal, as typed: integers of tenths.
const tenths = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 10);

test('property: a consistent partition and its parts never fire V-PART or V-SUM', () => {
  fc.assert(
    fc.property(tenths, tenths, tenths, tenths, (tax, nontax, taxBase, nontaxBase) => {
      const r = report([
        rec('11', 13, { ytd: decimalSum([tax, nontax]), base: decimalSum([taxBase, nontaxBase]) }),
        rec('12', 14, { ytd: tax, base: taxBase }),
        rec('13', 15, { ytd: nontax, base: nontaxBase }),
      ]);
      const fired = run(r).findings.filter((f) => f.rule === 'V-PART' || f.rule === 'V-SUM');
      expect(fired).toEqual([]);
    }),
  );
});

test('property: a child larger than its parent by 0.1 or more (one decimal) always fires V-PART', () => {
  fc.assert(
    fc.property(tenths, fc.integer({ min: 1, max: 1_000_000 }), (parent, excessTenths) => {
      const child = decimalSum([parent, excessTenths / 10]);
      const r = report([rec('08', 10, { ytd: parent }), rec('09', 11, { ytd: child })]);
      expect(run(r).findings.filter((f) => f.rule === 'V-PART').map((f) => f.cell)).toEqual(['E12']);
    }),
  );
});

test('property: a 同比 typed as the shown growth never fires V-YOY', () => {
  const positive = fc.integer({ min: 1, max: 100_000_000 }).map((n) => n / 10);
  fc.assert(
    fc.property(positive, positive, (cur, base) => {
      const g = computeGrowth('flow', cur, base);
      const r = report([rec('01', 3, { ytd: cur, base, yoy: g.shown })]);
      expect(run(r).findings.filter((f) => f.rule === 'V-YOY')).toEqual([]);
    }),
  );
});
