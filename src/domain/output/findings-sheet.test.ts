import type { CheckReport, Finding } from '../types';
import { countsLine, findingsSheet } from './findings-sheet';

function f(level: Finding['level'], rule: Finding['rule'], extra: Partial<Finding> = {}): Finding {
  return {
    level, rule, file: 'a.xlsx', sheet: 'S', cell: 'E4', zone: 'G212001', period: '2026-09', indicator: '01',
    value: 1, expected: null, message: { zh: `中文${rule}`, en: `english ${rule}` }, explained: false, ...extra,
  };
}

const report: CheckReport = {
  schemaVersion: '1',
  files: [{ file: 'a.xlsx', sha256: 'x', inputError: null, sheets: [{ sheet: 'S', kind: 'report', zone: { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区' }, period: '2026-09', records: [] }] }],
  findings: [
    f('info', 'V-UNKNOWN-ROW', { indicator: null }),
    f('warning', 'V-SWING', { explained: true }),
    f('error', 'V-PART', { indicator: '12', value: 106, expected: 100 }),
    f('warning', 'V-TEXTNUM', { indicator: 'X9' }),
  ],
  skipped: [{ rule: 'V-BASE', reason: { zh: '没有历史数据', en: 'no history' }, scope: 'all' }],
  totals: { error: 1, warning: 2, info: 1 },
};

describe('countsLine', () => {
  it('says the counts in both languages, with English plurals', () => {
    expect(countsLine({ error: 3, warning: 5, info: 2 }, 'zh')).toBe('3 个错误, 5 个警告, 2 个提示');
    expect(countsLine({ error: 3, warning: 5, info: 2 }, 'en')).toBe('3 errors, 5 warnings, 2 infos');
    expect(countsLine({ error: 1, warning: 0, info: 1 }, 'en')).toBe('1 error, 0 warnings, 1 info');
  });
});

describe('findingsSheet', () => {
  it('titles with counts, lists errors first, names zone and indicator, marks explained warnings', () => {
    const s = findingsSheet(report, 'zh');
    expect(s.name).toBe('核查结果');
    expect(s.rows[0][0].v).toBe('核查结果:1 个错误, 2 个警告, 1 个提示');
    expect(s.rows[1].map((c) => c.v)).toEqual(['级别', '规则', '开发区', '统计期', '工作表', '单元格', '指标', '数值', '应为', '说明', '已说明']);
    expect(s.rows.slice(2, 6).map((r) => r[1].v)).toEqual(['V-PART', 'V-SWING', 'V-TEXTNUM', 'V-UNKNOWN-ROW']);
    const err = s.rows[2];
    expect(err[0]).toEqual({ v: '错误', style: 'error' });
    expect(err[2].v).toBe('G212001 盘锦辽滨沿海经济技术开发区');
    expect(err[6].v).toBe('12 税收收入');
    expect(err[7].v).toBe(106);
    expect(err[8].v).toBe(100);
    expect(err[9].v).toBe('中文V-PART');
    expect(err[10].v).toBeNull();
    expect(s.rows[3][10].v).toBe('是');
    expect(s.rows[4][10].v).toBe('否');
    expect(s.rows[4][6].v).toBe('X9');
    expect(s.rows[5][6].v).toBeNull();
    expect(s.freeze).toEqual({ rows: 2, cols: 0 });
    expect(s.columns).toHaveLength(11);
    expect(s.tabColor).toBe('C00000');
    // skipped rules follow after a blank row
    expect(s.rows[7][0].v).toBe('未执行的规则(不等于通过)');
    expect(s.rows[8].map((c) => c.v)).toEqual(['V-BASE', 'all', '没有历史数据']);
  });

  it('speaks English and adds a file column when findings span several files', () => {
    const two: CheckReport = { ...report, findings: [...report.findings, f('error', 'V-ZONE', { file: 'b.xlsx' })], totals: { error: 2, warning: 2, info: 1 } };
    const s = findingsSheet(two, 'en');
    expect(s.rows[0][0].v).toBe('Check results: 2 errors, 2 warnings, 1 info');
    expect(s.rows[1][0].v).toBe('File');
    expect(s.rows[2][0].v).toBe('a.xlsx');
    expect(s.rows[2][1]).toEqual({ v: 'error', style: 'error' });
    expect(s.rows[2][7].v).toBe('12 Of which: tax revenue');
    expect(s.rows[2][10].v).toBe('english V-PART');
  });

  it('says so when there is nothing to report', () => {
    const s = findingsSheet({ ...report, findings: [], skipped: [], totals: { error: 0, warning: 0, info: 0 } }, 'en');
    expect(s.rows[2][0].v).toBe('No findings.');
    expect(s.tabColor).toBe('548235');
  });
});
