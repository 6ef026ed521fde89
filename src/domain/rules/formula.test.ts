import { formulaRule } from './formula';
import { context, rec, report } from './fixtures';

const f = ['yoy'] as const;

test('a typed 同比 between two formula rows: warning at its cell', () => {
  const r = report([
    rec('01', 3, { ytd: 110, base: 100, yoy: 10, formulaCols: [...f] }),
    rec('02', 4, { ytd: 55, base: 50, yoy: 10 }),
    rec('04', 5, { ytd: 120, base: 100, yoy: 20, formulaCols: [...f] }),
  ]);
  const out = formulaRule(context(r)).findings;
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ rule: 'V-FORMULA-OVERWRITTEN', level: 'warning', cell: 'G5', value: 10 });
});

test('first row typed, next a formula: fires; rows without 同比 are skipped when finding neighbours', () => {
  const r = report([
    rec('01', 3, { ytd: 110, base: 100, yoy: 10 }),
    rec('03', 5, { ytd: 8, unit: '%' }), // a rate row: 同比 empty
    rec('04', 6, { ytd: 120, base: 100, yoy: 20, formulaCols: [...f] }),
  ]);
  expect(formulaRule(context(r)).findings.map((x) => x.cell)).toEqual(['G4']);
});

test('no finding when a neighbour is typed too, or the whole column is typed', () => {
  const mixed = report([
    rec('01', 3, { yoy: 10, formulaCols: [...f] }),
    rec('02', 4, { yoy: 10 }),
    rec('04', 5, { yoy: 20 }),
  ]);
  expect(formulaRule(context(mixed)).findings.map((x) => x.cell)).toEqual([]);
  const typed = report([rec('01', 3, { yoy: 10 }), rec('02', 4, { yoy: 10 })]);
  expect(formulaRule(context(typed)).findings).toEqual([]);
});

test('the 税收占比 row typed while its base is a formula', () => {
  const r = report([rec('14', 16, { ytd: 90, base: 85, unit: '%', formulaCols: ['base'] })]);
  expect(formulaRule(context(r)).findings.map((x) => [x.cell, x.value])).toEqual([['E17', 90]]);
  const ok = report([rec('14', 16, { ytd: 90, base: 85, unit: '%', formulaCols: ['ytd', 'base'] })]);
  expect(formulaRule(context(ok)).findings).toEqual([]);
});
