import { countLevels, highlightOf, highlightsOf, reportForFile } from './annotations';
import type { CheckReport, Finding } from '../types';

function finding(over: Partial<Finding>): Finding {
  return {
    level: 'error', rule: 'V-PART', file: 'a.xlsx', sheet: 'S1', cell: 'E15', zone: 'G1', period: '2026-09',
    indicator: '12', value: null, expected: null, message: { zh: '中文', en: 'English' }, explained: false, ...over,
  };
}

describe('annotations', () => {
  it('highlights the top-left cell of a range, with the rule and both languages in the note', () => {
    expect(highlightOf(finding({ cell: 'C5:D9' }))).toEqual({ sheet: 'S1', cell: 'C5', level: 'error', note: '[V-PART] 中文\nEnglish' });
    expect(highlightOf(finding({ cell: "'S1'!B2" }))?.cell).toBe('B2');
  });

  it('makes no highlight for a finding without a sheet or a cell', () => {
    expect(highlightOf(finding({ cell: null }))).toBeNull();
    expect(highlightOf(finding({ sheet: null }))).toBeNull();
    expect(highlightOf(finding({ cell: 'not a cell' }))).toBeNull();
  });

  it('keeps only one file when asked, and counts by level', () => {
    const report: CheckReport = {
      schemaVersion: '1',
      files: [
        { file: 'a.xlsx', sha256: '', inputError: null, sheets: [{ sheet: 'S1', kind: 'report', zone: { code: 'G1', name: '甲' }, period: '2026-09', records: [] }] },
        { file: 'b.xlsx', sha256: '', inputError: null, sheets: [] },
      ],
      findings: [finding({}), finding({ file: 'b.xlsx', level: 'warning' }), finding({ level: 'info', cell: 'A1' })],
      skipped: [
        { rule: 'V-MONTH', reason: { zh: '', en: '' }, scope: 'a.xlsx / S1' },
        { rule: 'V-CUM', reason: { zh: '', en: '' }, scope: 'b.xlsx' },
        { rule: 'RANKING', reason: { zh: '', en: '' }, scope: 'all' },
      ],
      totals: { error: 1, warning: 1, info: 1 },
    };
    expect(highlightsOf(report, 'a.xlsx').map((h) => h.cell)).toEqual(['E15', 'A1']);
    expect(highlightsOf(report, null)).toHaveLength(3);
    const own = reportForFile(report, 'a.xlsx');
    expect(own.files.map((f) => f.file)).toEqual(['a.xlsx']);
    expect(own.skipped.map((s) => s.rule)).toEqual(['V-MONTH', 'RANKING']);
    expect(own.totals).toEqual({ error: 1, warning: 0, info: 1 });
    expect(countLevels(report.findings)).toEqual({ error: 1, warning: 1, info: 1 });
  });
});
