/**
 * A 统计期 typed as a date (Excel keeps a serial number with a date format) is shown in V-PERIOD
 * messages as the date it is, never as the serial: “2022-08-31”, not “44804”.
 */
import { checkWorkbooks } from '../check';
import { defaultConfig } from '../config/validate';
import type { Cell, SheetGrid } from '../types';

const t = (v: string): Cell => ({ v });

function sheet(name: string, period: Cell): SheetGrid {
  return {
    name,
    merges: [],
    rows: [
      [t('开发区主要经济指标月报表')],
      [t('填报单位:盘锦辽滨沿海经济技术开发区'), undefined, undefined, t('统计期'), period],
      ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)'].map(t),
      [t('规模以上工业总产值'), t('01'), t('万元'), { v: 45210 }, { v: 398765.4 }, { v: 352011 }, { v: 13.3 }],
    ],
  };
}

function periodFindings(s: SheetGrid): { zh: string; en: string; value: unknown }[] {
  const report = checkWorkbooks([{ file: 'r.xlsx', sha256: '', grid: { name: 'r.xlsx', sheets: [s] }, inputError: null }], { config: defaultConfig() }).report;
  return report.findings.filter((f) => f.rule === 'V-PERIOD').map((f) => ({ ...f.message, value: f.value }));
}

describe('V-PERIOD with a date cell', () => {
  it('shows the date, not the serial, when it contradicts the sheet name', () => {
    // serial 44804 with a date format is 2022-08-31 (what a 1904 workbook read as 1900 gave)
    const found = periodFindings(sheet('2026年9月', { v: 44804, fmt: 'yyyy"年"m"月"' }));
    expect(found).toHaveLength(1);
    expect(found[0].zh).toContain('统计期“2022-08-31”');
    expect(found[0].en).toContain('"2022-08-31"');
    expect(found[0].value).toBe('2022-08-31');
    expect(JSON.stringify(found)).not.toContain('44804');
  });

  it('keeps the text as typed for a text cell', () => {
    const found = periodFindings(sheet('2026年9月', t('2026年8月')));
    expect(found[0].zh).toContain('统计期“2026年8月”');
  });
});
