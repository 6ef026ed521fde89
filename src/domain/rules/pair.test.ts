import { pairRule } from './pair';
import { context, rec, report } from './fixtures';

test('projects signed but no agreed investment: error at the investment cell', () => {
  const r = report([rec('19', 23, { ytd: 3, unit: '个' }), rec('21', 25, { ytd: null })]);
  const out = pairRule(context(r)).findings;
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ rule: 'V-PAIR', level: 'error', cell: 'E26', indicator: '21', value: null });
  expect(out[0].message.zh).toBe('新签约项目数(E24)为3,而签约项目协议投资额(E26)没有数据(1-本月累计);两项必须同时填报,请补齐或更正。');
});

test('investment but zero projects: error at the projects cell, reported once per pair', () => {
  const r = report([rec('19', 23, { ytd: 0, unit: '个' }), rec('21', 25, { ytd: 50000 })]);
  const out = pairRule(context(r)).findings;
  expect(out.map((f) => [f.cell, f.value])).toEqual([['E24', 0]]);
});

test('both present, both zero or both empty: no finding', () => {
  expect(pairRule(context(report([rec('19', 23, { ytd: 2, unit: '个' }), rec('21', 25, { ytd: 800 })]))).findings).toEqual([]);
  expect(pairRule(context(report([rec('19', 23, { ytd: 0, unit: '个' }), rec('21', 25, { ytd: null })]))).findings).toEqual([]);
  expect(pairRule(context(report([]))).findings).toEqual([]);
});

test('an absent partner row counts as no data', () => {
  const out = pairRule(context(report([rec('21', 25, { ytd: 800 })]))).findings;
  expect(out.map((f) => [f.indicator, f.cell])).toEqual([['19', null]]);
});
