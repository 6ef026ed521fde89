/**
 * The lossless fixtures: realistic report workbooks (fixture-writer.ts) of sample zones, one with the
 * clerk mistakes the checks find, so the annotated copies carry real highlights and notes.
 */
import { clerkMistakes, reportSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import type { Period } from '../../src/domain/types';
import { fixtureWorkbook } from './fixture-writer';

export const PERIOD: Period = { year: 2026, month: 9 };

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

export function fixtures(): Fixture[] {
  const zones = sampleRegister(4);
  const month = sampleMonth(zones, PERIOD);
  const sheet = (i: number, mistakes: boolean) =>
    reportSheet(month[i].zone, PERIOD, month[i].values, { overrides: mistakes ? clerkMistakes(month[i].values) : undefined });
  return [
    {
      // everything at once; a user note on a cell the check highlights, and one on a cell it does not
      name: 'full.xlsx',
      bytes: fixtureWorkbook({ reports: [sheet(0, true)], notes: { E15: '按统计局口径修正', I5: '含新签约项目' }, chart: true, hiddenRows: [30] }),
    },
    {
      // no notes yet (the tool creates comments + VML after the chart's <drawing>), no <dxfs> in styles.xml
      name: 'chart-no-notes.xlsx',
      bytes: fixtureWorkbook({ reports: [sheet(1, true)], chart: true, noDxfs: true, hiddenRows: [28] }),
    },
    {
      // two zones in one workbook, notes on the first sheet only
      name: 'two-zones.xlsx',
      bytes: fixtureWorkbook({ reports: [sheet(2, true), sheet(3, false)], notes: { A4: '口径说明' }, hiddenRows: [27] }),
    },
  ];
}
