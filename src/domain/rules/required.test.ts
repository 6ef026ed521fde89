import { requiredCodes, requiredRule } from './required';
import { context, rec, report } from './fixtures';
import { defaultConfig } from '../config/validate';

// Default key indicators: 01, 08, 12, 14 (ratio 12/11, so 11 and 12 are required), 15.
const full = () => [
  rec('01', 3, { ytd: 398765.4, base: 352011 }),
  rec('08', 10, { ytd: 120000, base: 110000 }),
  rec('11', 13, { ytd: 11000, base: 10000 }),
  rec('12', 14, { ytd: 9000, base: 8500 }),
  rec('15', 17, { ytd: 3200, base: 3000, unit: '万美元' }),
];

test('required codes: key indicators, and the parts of a key ratio instead of the ratio', () => {
  expect(requiredCodes(defaultConfig().catalogue).sort()).toEqual(['01', '08', '11', '12', '15']);
});

test('a complete report: no V-REQ', () => {
  expect(requiredRule(context(report(full()))).findings).toEqual([]);
});

test('an absent key row is an error with no cell, naming the indicator', () => {
  const out = requiredRule(context(report(full().filter((r) => r.indicator !== '15')))).findings;
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ rule: 'V-REQ', level: 'error', cell: null, indicator: '15', value: null });
  expect(out[0].message.zh).toContain('实际使用外资');
  expect(out[0].message.en).toContain('Foreign direct investment actually used');
});

test('an empty ytd or base of a key row is an error at that cell', () => {
  const recs = full();
  recs[0] = rec('01', 3, { ytd: null, base: 352011 });
  recs[3] = rec('12', 14, { ytd: 9000, base: null });
  const out = requiredRule(context(report(recs))).findings;
  expect(out.map((f) => [f.indicator, f.cell])).toEqual([
    ['01', 'E4'],
    ['12', 'F15'],
  ]);
  expect(out[0].message.zh).toBe('关键指标规模以上工业总产值(E4)的1-本月累计没有数据;请填报(确为零请填0)。');
});

test('a cell already reported unreadable (V-TYPE) is not reported missing again', () => {
  const recs = full();
  recs[0] = rec('01', 3, { ytd: null, base: 352011, invalidCols: ['ytd'] });
  expect(requiredRule(context(report(recs))).findings).toEqual([]);
});

test('non-key indicators are not required', () => {
  const recs = [...full(), rec('02', 4, { ytd: null, base: null })];
  expect(requiredRule(context(report(recs))).findings).toEqual([]);
});

test('January: janExempt indicators (08) are not required, the others are', () => {
  const jan = full().filter((r) => r.indicator !== '08' && r.indicator !== '01');
  const out = requiredRule(context(report(jan, { period: { year: 2026, month: 1 } }))).findings;
  expect(out.map((f) => f.indicator)).toEqual(['01']);
  // the same sheet in February: 08 is required too
  const feb = requiredRule(context(report(jan, { period: { year: 2026, month: 2 } }))).findings;
  expect(feb.map((f) => f.indicator)).toEqual(['01', '08']);
});

test('a column the sheet lacks altogether is left to recognition (V-LAYOUT), not reported per row', () => {
  const recs = full().map((r) => ({ ...r, base: null }));
  const out = requiredRule(context(report(recs, { columns: { name: 0, code: 1, ytd: 4 } }))).findings;
  expect(out).toEqual([]);
});
