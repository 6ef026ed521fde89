/**
 * The layout variants of template.md §5 through the whole check: what the rules make of published
 * growth (not run, never passed), a quarter form's 本季, de-duplicated totals, last year's figure in
 * a growth cell, a published rank.
 */
import { checkWorkbooks, type CheckResult } from './check';
import { defaultConfig } from './config/validate';
import { input } from './check.fixtures';
import { ONE_ZONE_VARIANTS, VARIANT_ZONES } from './recognise/variants.fixtures';
import type { HistoryRow, SheetGrid } from './types';

const config = defaultConfig();
const variant = (start: string): SheetGrid => {
  const v = ONE_ZONE_VARIANTS.find((x) => x.name.startsWith(start));
  if (!v) throw new Error(`no variant ${start}`);
  return v.sheet;
};
const check = (sheet: SheetGrid, history: HistoryRow[] = []): CheckResult =>
  checkWorkbooks([input('v.xlsx', [sheet])], { config, registerZones: VARIANT_ZONES, history });
const records = (r: CheckResult) => new Map(r.report.files[0].sheets[0].records.map((x) => [x.indicator, x]));
const h = (period: string, indicator: string, ytd: number): HistoryRow => ({ period, zone: 'G212002', indicator, ytd, base: null, target: null, level: null });

describe('growth without a base column', () => {
  const r = check(variant('growth without a base column'));
  test('the growth is the published one, said to be published', () => {
    const byCode = records(r);
    expect(byCode.get('01')?.growth).toEqual({ value: 12.3, shown: 12.3, label: null, unit: 'pct', published: true });
    expect(byCode.get('08')?.growth).toMatchObject({ value: null, label: '—', published: true });
    expect(byCode.get('15')?.growth).toMatchObject({ label: '新增', published: true });
  });
  test('rules that need the base are listed as not run, never as passed; nothing is raised for the missing base', () => {
    const skipped = r.report.skipped.filter((s) => s.scope === 'v.xlsx / Sheet1').map((s) => s.rule);
    expect(skipped).toEqual(expect.arrayContaining(['V-YOY', 'V-BASE']));
    // (rows the sheet lacks are still missing key indicators: V-REQ without a cell)
    expect(r.report.findings.filter((f) => (f.rule === 'V-REQ' && f.cell !== null) || f.rule === 'V-YOY')).toEqual([]);
  });
});

describe('a quarter form: V-MONTH on 本季', () => {
  const sheet = variant('a quarter form');
  test('本季 = 本年累计 − the previous quarter end\'s cumulative', () => {
    expect(check(sheet, [h('2026-06', '08', 50000), h('2026-08', '08', 70000)]).report.findings.filter((f) => f.rule === 'V-MONTH')).toEqual([]);
    const wrong = check(sheet, [h('2026-06', '08', 49000), h('2026-08', '08', 70000)]).report.findings.filter((f) => f.rule === 'V-MONTH');
    expect(wrong.map((f) => [f.cell, f.value, f.expected])).toEqual([['C3', 30000, 31000]]);
    expect(wrong[0].message.zh).toContain('本季数');
  });
  test('without the previous quarter end in the history: listed as not run', () => {
    const r = check(sheet, [h('2025-09', '08', 1)]);
    expect(r.report.skipped.some((s) => s.rule === 'V-MONTH' && s.reason.zh.includes('本季'))).toBe(true);
  });
});

describe('totals', () => {
  test('±1 in the last shown digit is rounding; a (剔重) total below its parts passes, above them does not', () => {
    const sheet = variant('totals');
    expect(check(sheet).report.findings.filter((f) => f.rule === 'V-SUM')).toEqual([]);
    const above = { ...sheet, rows: sheet.rows.map((row, i) => (i === 5 ? [row[0], row[1], row[2], { v: 5600 }, row[4]] : row)) };
    expect(check(above).report.findings.filter((f) => f.rule === 'V-SUM').map((f) => f.cell)).toEqual(['D6']);
  });
});

describe('marks', () => {
  const r = check(variant('marks that mean something'));
  test('上年为300 with a loss this year: 由盈转亏, from last year\'s figure the growth cell gives', () => {
    expect(records(r).get('05')?.growth).toMatchObject({ label: '由盈转亏' });
  });
  test('the published rank travels with the record for the summary to compare', () => {
    expect(records(r).get('01')?.rankReported).toEqual({ col: 'yoy', n: 5, cell: 'E3' });
  });
  test('上年为x that contradicts the row\'s own 上年同期累计 is a V-YOY warning', () => {
    const sheet = variant('marks that mean something');
    const rows = sheet.rows.map((row, i) => (i === 5 ? [row[0], row[1], row[2], { v: 350 }, row[4]] : row));
    const f = check({ ...sheet, rows }).report.findings.filter((x) => x.rule === 'V-YOY');
    expect(f.map((x) => [x.cell, x.value, x.expected])).toEqual([['E6', 300, 350]]);
  });
});
