/**
 * V-DUP (error): the same zone and period reported twice, in one workbook or across the files
 * checked together. Each later occurrence is reported at its zone cell and names the first one, so
 * the bureau knows which two sheets to compare; a duplicate would count a zone twice in rankings.
 */
import type { RecognisedReport } from '../recognise/types';
import type { Finding } from '../types';
import { periodKey } from './context';

export interface PlacedReport {
  file: string;
  report: RecognisedReport;
}

export function findDuplicates(reports: readonly PlacedReport[]): Finding[] {
  const first = new Map<string, PlacedReport>();
  const out: Finding[] = [];
  for (const placed of reports) {
    const { zone, period } = placed.report;
    if (!zone || !period) continue; // an unknown zone or period is V-ZONE / V-PERIOD already
    const p = periodKey(period.year, period.month);
    const key = `${zone.code}\u0000${p}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, placed);
      continue;
    }
    const sameFile = seen.file === placed.file;
    const there = sameFile
      ? { zh: `本工作簿的“${seen.report.sheet}”表`, en: `sheet "${seen.report.sheet}" of this workbook` }
      : { zh: `文件“${seen.file}”的“${seen.report.sheet}”表`, en: `sheet "${seen.report.sheet}" of file "${seen.file}"` };
    out.push({
      level: 'error',
      rule: 'V-DUP',
      file: placed.file,
      sheet: placed.report.sheet,
      cell: placed.report.zoneCell,
      zone: zone.code,
      period: p,
      indicator: null,
      value: `${zone.name} ${p}`,
      expected: null,
      message: {
        zh: `开发区“${zone.name}”${p} 的月报重复:${there.zh}已报送同一开发区同一统计期。请核对后只保留一份(或改正开发区、统计期)。`,
        en: `Duplicate report: zone "${zone.name}" for ${p} is already reported in ${there.en}. Keep only one (or correct the zone or the period).`,
      },
      explained: false,
    });
  }
  return out;
}
