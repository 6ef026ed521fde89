/**
 * Figures near the largest double: a report cell holding 1e308 (found by fuzzing an .ods) makes the
 * computed growth overflow to Infinity, and decimal arithmetic on it must not throw (it crashed the
 * check with "Cannot convert Infinity to a BigInt").
 */
import { checkWorkbooks } from './check';
import { defaultConfig } from './config/validate';
import { decimalSub, decimalSum } from './rounding';
import type { Cell } from './types';

describe('decimal arithmetic with figures that are not finite', () => {
  it('gives the doubles\' own result instead of throwing', () => {
    expect(decimalSub(5, Infinity)).toBe(-Infinity);
    expect(decimalSum([Infinity, 1])).toBe(Infinity);
    expect(decimalSum([Infinity, -Infinity])).toBeNaN();
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
  });

  it('checks a report whose 1-本月累计 is 1e308 without crashing', () => {
    const t = (v: string): Cell => ({ v });
    const rows: (Cell | undefined)[][] = [
      [t('开发区主要经济指标月报表')],
      [t('填报单位:盘锦辽滨沿海经济技术开发区'), undefined, undefined, t('统计期:2026年9月')],
      ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)'].map(t),
      [t('规模以上工业总产值'), t('01'), t('万元'), { v: 45210 }, { v: 1e308 }, { v: 0.5 }, { v: 13.3 }],
    ];
    const report = checkWorkbooks([{ file: 'r.ods', sha256: '', grid: { name: 'r.ods', sheets: [{ name: 'S', rows, merges: [] }] }, inputError: null }], { config: defaultConfig() }).report;
    expect(report.files[0].sheets[0].kind).toBe('report');
    expect(report.findings.some((f) => f.rule === 'V-YOY' && f.cell === 'G4')).toBe(true);
  });
});
