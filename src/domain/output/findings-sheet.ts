/**
 * The 核查结果 sheet (template.md §3): a title row with the counts, a header row, one row per finding
 * (errors first, then warnings, then infos; in report order within a level, so a clerk fixes the
 * must-fix items first), styled by level; then the rules that could not run, with the reason, so
 * nobody mistakes "not checked" for "passed". Pure: the ports render it.
 */
import type { CheckReport, Finding, Lang, Level, Totals } from '../types';
import type { Indicator } from '../config/schema';
import { defaultConfig } from '../config/validate';
import { TOOL_SHEETS } from '../port';
import type { OutCell, OutSheet } from './sheet-model';

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const LEVEL_TEXT: Record<Level, Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** "3 个错误, 5 个警告, 2 个提示" / "3 errors, 5 warnings, 2 infos" (workflows.md). */
export function countsLine(t: Totals, lang: Lang): string {
  if (lang === 'zh') return `${t.error} 个错误, ${t.warning} 个警告, ${t.info} 个提示`;
  const en = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${en(t.error, 'error')}, ${en(t.warning, 'warning')}, ${en(t.info, 'info')}`;
}

export function levelText(level: Level, lang: Lang): string {
  return LEVEL_TEXT[level][lang];
}

/** Findings in the order a clerk works through them: errors first; stable within a level. */
export function sortByLevel(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.i - b.i)
    .map((x) => x.f);
}

const HEADERS: Record<Lang, string[]> = {
  zh: ['级别', '规则', '开发区', '统计期', '工作表', '单元格', '指标', '数值', '应为', '说明', '已说明'],
  en: ['Level', 'Rule', 'Zone', 'Period', 'Sheet', 'Cell', 'Indicator', 'Value', 'Expected', 'Message', 'Explained'],
};
const WIDTHS = [7, 25, 30, 9, 22, 8, 24, 13, 13, 60, 7];
/** the message column wraps, so a long message stays readable on screen and on paper */
const WRAP_COL = 9;

/**
 * The 核查结果 sheet for a report. Indicator names come from `catalogue` (default: the shipped one);
 * a code it does not know is shown alone. A 文件 column is added when the findings span several files.
 */
export function findingsSheet(report: CheckReport, lang: Lang, catalogue?: Indicator[]): OutSheet {
  const names = new Map<string, string>();
  for (const ind of catalogue ?? defaultConfig().catalogue) names.set(ind.code, lang === 'zh' ? ind.name : ind.nameEn);
  const zoneNames = new Map<string, string>();
  for (const file of report.files) for (const s of file.sheets) if (s.zone) zoneNames.set(s.zone.code, s.zone.name);

  const files = new Set(report.findings.map((f) => f.file));
  const withFile = files.size > 1;
  const headers = withFile ? [lang === 'zh' ? '文件' : 'File', ...HEADERS[lang]] : HEADERS[lang];
  const widths = withFile ? [28, ...WIDTHS] : WIDTHS;

  const title = lang === 'zh' ? `核查结果:${countsLine(report.totals, lang)}` : `Check results: ${countsLine(report.totals, lang)}`;
  const rows: OutCell[][] = [[{ v: title, style: 'title' }], headers.map((h): OutCell => ({ v: h, style: 'header' }))];

  const yesNo = (f: Finding): string | null =>
    f.level !== 'warning' ? null : f.explained ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  for (const f of sortByLevel(report.findings)) {
    const zone = f.zone === null ? null : zoneNames.has(f.zone) ? `${f.zone} ${zoneNames.get(f.zone)}` : f.zone;
    const indicator = f.indicator === null ? null : names.has(f.indicator) ? `${f.indicator} ${names.get(f.indicator)}` : f.indicator;
    const row: OutCell[] = [
      { v: levelText(f.level, lang), style: f.level },
      { v: f.rule, style: f.level },
      { v: zone },
      { v: f.period, fmt: '@' },
      { v: f.sheet },
      { v: f.cell },
      { v: indicator },
      { v: f.value },
      { v: f.expected },
      { v: f.message[lang] },
      { v: yesNo(f) },
    ];
    rows.push(withFile ? [{ v: f.file }, ...row] : row);
  }
  if (report.findings.length === 0) {
    rows.push([{ v: lang === 'zh' ? '未发现问题。' : 'No findings.', style: 'muted' }]);
  }

  if (report.skipped.length > 0) {
    rows.push([]);
    rows.push([{ v: lang === 'zh' ? '未执行的规则(不等于通过)' : 'Rules not run (this is not a pass)', style: 'header' }]);
    for (const s of report.skipped) {
      rows.push([{ v: s.rule, style: 'muted' }, { v: s.scope, style: 'muted' }, { v: s.reason[lang], style: 'muted' }]);
    }
  }

  return {
    name: TOOL_SHEETS.findings,
    columns: widths.map((width, i) => (i === (withFile ? WRAP_COL + 1 : WRAP_COL) ? { width, wrap: true } : { width })),
    rows,
    freeze: { rows: 2, cols: 0 },
    tabColor: report.totals.error > 0 ? 'C00000' : report.totals.warning > 0 ? 'BF8F00' : '548235',
  };
}
