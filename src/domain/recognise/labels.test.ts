import { damagedPeriodLabel, matchColumnLabel } from './labels';
import { normaliseLabel } from '../cells/normalise';

describe('matchColumnLabel (template.md §1 column table)', () => {
  test.each([
    ['指标名称', 'name'], ['指标', 'name'], ['项目', 'name'],
    ['代码', 'code'], ['指标代码', 'code'],
    ['计量单位', 'unit'], ['单位', 'unit'],
    ['本月', 'month'], ['当月', 'month'], ['本月数', 'month'],
    ['1-本月累计', 'ytd'], ['本月止累计', 'ytd'], ['本年累计', 'ytd'], ['累计', 'ytd'],
    ['上年同期累计', 'base'], ['上年同期', 'base'], ['去年同期', 'base'], ['上年同期数', 'base'],
    ['同比增长(%)', 'yoy'], ['同比±%', 'yoy'], ['同比增减(%)', 'yoy'], ['增长%', 'yoy'],
    ['年度目标', 'target'], ['全年目标', 'target'], ['目标任务', 'target'],
    ['说明', 'note'], ['备注', 'note'], ['情况说明', 'note'],
  ])('%s is the %s column', (label, key) => {
    expect(matchColumnLabel(label)?.key).toBe(key);
  });

  test.each([
    ['增幅(%)', 'yoy'], ['比上年同期增长(%)', 'yoy'], ['本年累计数', 'ytd'], ['上年累计', 'base'], ['年度目标任务', 'target'], ['指 标 名 称', 'name'],
  ])('local wording %s is the %s column', (label, key) => {
    expect(matchColumnLabel(label)?.key).toBe(key);
  });

  test('normalised first: full-width brackets, spaces, line breaks', () => {
    expect(matchColumnLabel('同比增长（％）')?.key).toBe('yoy');
    expect(matchColumnLabel(' 1-本月\n累计 ')?.key).toBe('ytd');
    expect(matchColumnLabel('上年\u3000同期')?.key).toBe('base');
  });

  test('a header naming a member of Object.prototype is no column', () => {
    for (const l of ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty(万元)']) expect(matchColumnLabel(l)).toBeNull();
  });

  test('a unit in brackets after the label is ignored', () => {
    expect(matchColumnLabel('本月(万元)')?.key).toBe('month');
    expect(matchColumnLabel('1-9月累计（万元）')).toEqual({ key: 'ytd', n: 9, unit: '万元' });
    expect(matchColumnLabel('本年累计(至本季末)')).toEqual({ key: 'ytd' });
    expect(matchColumnLabel('去年同期累计（至同期末）')).toEqual({ key: 'base' });
    expect(matchColumnLabel('同比增长(%)')).toEqual({ key: 'yoy' });
  });

  test('1-N月 remembers N, with any of the usual dashes', () => {
    for (const l of ['1-9月', '1—9月', '1~9月', '1～9月', '1至9月', '1－9月']) expect(matchColumnLabel(l)).toEqual({ key: 'ytd', n: 9 });
    expect(matchColumnLabel('1-12月')).toEqual({ key: 'ytd', n: 12 });
    expect(matchColumnLabel('1-13月')).toBeNull();
  });

  test('a dated cumulative label keeps its year and N', () => {
    expect(matchColumnLabel('2026年1-9月')).toEqual({ key: 'ytd', n: 9, year: 2026 });
    expect(matchColumnLabel('2025年1—9月累计')).toEqual({ key: 'ytd', n: 9, year: 2025 });
    expect(matchColumnLabel('2026年9月')).toEqual({ key: 'month', n: 9, year: 2026 });
  });

  test('template.md §5 wordings: a zone\'s sub-columns, a growth after each of 本月 and 累计, quarter forms, 位次', () => {
    expect(matchColumnLabel('绝对额')?.key).toBe('ytd');
    expect(matchColumnLabel('累计增长')?.key).toBe('yoy');
    expect(matchColumnLabel('本月增长(%)')?.key).toBe('monthYoy');
    expect(matchColumnLabel('本季')?.key).toBe('quarter');
    expect(matchColumnLabel('位次')).toEqual({ key: 'rank' });
    expect(matchColumnLabel('增速位次')).toEqual({ key: 'rank', ranks: 'growth' });
    expect(matchColumnLabel('总量排名')).toEqual({ key: 'rank', ranks: 'value' });
  });

  test('a label that looks like a period but cannot be read is told apart, to be asked about', () => {
    for (const l of ['20261-9', '2026.1-9', '202609', '2026', '2026年1-9']) expect(damagedPeriodLabel(l)).toBe(normaliseLabel(l));
    for (const l of ['2026年1-9月', '2026年9月', '1-9月', '税收收入', '12']) expect(damagedPeriodLabel(l)).toBeNull();
  });

  test('other labels name nothing', () => {
    for (const l of ['', '序号', '开发区代码', '统计期', '增加值']) expect(matchColumnLabel(l)).toBeNull();
  });
});
