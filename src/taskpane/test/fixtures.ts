/** Test data for the pane's component tests: a small CheckReport and a fake PaneServices. */
import type { CheckReport, Finding } from '../../domain/types';
import type { PaneServices } from '../services/types';

function finding(p: Partial<Finding> & Pick<Finding, 'level' | 'rule' | 'sheet' | 'cell'>): Finding {
  return {
    file: 'zones.xlsx',
    zone: 'G212001',
    period: '2026-09',
    indicator: '01',
    value: null,
    expected: null,
    message: { zh: `中文消息 ${p.rule} ${p.cell}`, en: `English message ${p.rule} ${p.cell}` },
    explained: false,
    ...p,
  };
}

export const sampleReport: CheckReport = {
  schemaVersion: '1',
  files: [{ file: 'zones.xlsx', sha256: 'x', sheets: [], inputError: null }],
  findings: [
    finding({ level: 'warning', rule: 'V-SWING', sheet: '辽滨', cell: 'G4' }),
    finding({ level: 'error', rule: 'V-PART', sheet: '辽滨', cell: 'E9', indicator: '12' }),
    finding({ level: 'info', rule: 'V-UNITCONV', sheet: '辽滨', cell: 'C5' }),
    finding({ level: 'error', rule: 'V-SIGN', sheet: '辽滨', cell: 'E6' }),
    finding({ level: 'warning', rule: 'V-YOY', sheet: '大连', cell: 'G7', explained: true }),
    finding({ level: 'warning', rule: 'V-UNITSLIP', sheet: '大连', cell: 'E8' }),
  ],
  skipped: [{ rule: 'V-MONTH', reason: { zh: '没有历史数据', en: 'no history' }, scope: 'all' }],
  totals: { error: 2, warning: 3, info: 1 },
};

/** A fake PaneServices: every method is a jest.fn with a harmless default. */
export function fakeServices(mode: 'excel' | 'standalone', over: Partial<PaneServices> = {}): jest.Mocked<PaneServices> {
  const s: PaneServices = {
    mode,
    openFiles: jest.fn(async () => []),
    check: jest.fn(async () => sampleReport),
    selectCell: jest.fn(async () => undefined),
    highlight: jest.fn(async () => ({ count: 0, notice: null })),
    clearHighlights: jest.fn(async () => null),
    writeFindings: jest.fn(async () => undefined),
    downloadAnnotated: jest.fn(async () => []),
    watchLive: jest.fn(async () => () => undefined),
    buildSummary: jest.fn(async () => {
      throw new Error('not in this test');
    }),
    writeSummary: jest.fn(async () => undefined),
    archive: jest.fn(async () => 0),
    downloadSummary: jest.fn(async () => 'x.xlsx'),
    downloadBulletin: jest.fn(async () => 'x.docx'),
    loadStoredConfig: jest.fn(async () => null),
    storeConfig: jest.fn(async () => undefined),
    ...over,
  };
  return s as jest.Mocked<PaneServices>;
}
