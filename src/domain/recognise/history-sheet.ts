/**
 * The 历史数据 sheet (template.md §3): a long-format archive, one row per period × zone × indicator,
 * appended when a month is archived. Written by historySheet, read back by readHistorySheet (the
 * previous month's cumulative for V-MONTH/V-CUM, last year's for V-BASE, previous quarters for the
 * warnings). Archiving the same month of a zone twice replaces its rows, never duplicates them.
 */
import type { Finding, HistoryRow, SheetGrid, WarningLevel } from '../types';
import type { OutCell, OutSheet } from '../output/sheet-model';
import { FORMATS } from '../output/sheet-model';
import { TOOL_SHEETS } from '../port';
import { normaliseLabel } from '../cells/normalise';
import { readNumber } from '../cells/read-number';
import { a1 } from '../a1';
import { finding } from './findings';
import { cellText, findHeaderRow, gridView } from './grid';
import { parsePeriodKey, periodKey, readPeriodText } from './period';
import { dateOfCell } from './resolve-period';

type HistCol = 'period' | 'zone' | 'indicator' | 'ytd' | 'base' | 'target' | 'level';

const HEADERS: { key: HistCol; label: string; width: number }[] = [
  { key: 'period', label: '统计期', width: 10 },
  { key: 'zone', label: '开发区代码', width: 14 },
  { key: 'indicator', label: '指标代码', width: 10 },
  { key: 'ytd', label: '1-本月累计', width: 16 },
  { key: 'base', label: '上年同期累计', width: 16 },
  { key: 'target', label: '年度目标', width: 16 },
  { key: 'level', label: '预警级别', width: 10 },
];

const LEVEL_ZH: Record<WarningLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色', gray: '灰色' };
const LEVEL_LIST: Record<string, WarningLevel> = {
  红色: 'red', 红: 'red', red: 'red',
  橙色: 'orange', 橙: 'orange', orange: 'orange',
  黄色: 'yellow', 黄: 'yellow', yellow: 'yellow',
  绿色: 'green', 绿: 'green', green: 'green',
  灰色: 'gray', 灰: 'gray', gray: 'gray', grey: 'gray',
};

// a Map: a level cell reading "constructor" must be refused, not found on Object.prototype
const LEVEL_READ: ReadonlyMap<string, WarningLevel> = new Map(Object.entries(LEVEL_LIST));

/** The 历史数据 sheet as the tool writes it. Codes and periods are text (so "01" and "2026-09" stay as written). */
export function historySheet(rows: HistoryRow[]): OutSheet {
  const header: OutCell[] = HEADERS.map((h) => ({ v: h.label, style: 'header' }));
  const num = (n: number | null): OutCell => ({ v: n }); // General: the stored value is exact, nothing rounded
  const body: OutCell[][] = rows.map((r) => [
    { v: r.period, fmt: FORMATS.text },
    { v: r.zone, fmt: FORMATS.text },
    { v: r.indicator, fmt: FORMATS.text },
    num(r.ytd),
    num(r.base),
    num(r.target),
    r.level ? { v: LEVEL_ZH[r.level], style: r.level } : { v: null },
  ]);
  return {
    name: TOOL_SHEETS.history,
    columns: HEADERS.map((h) => ({ width: h.width })),
    rows: [header, ...body],
    freeze: { rows: 1, cols: 0 },
  };
}

const keyOf = (r: HistoryRow): string => `${r.period}\u0000${r.zone}\u0000${r.indicator}`;
const monthOf = (r: HistoryRow): string => `${r.period}\u0000${r.zone}`;

/**
 * Archive rows into the history: every period+zone present in `added` replaces all existing rows of
 * that period+zone (a re-archived month is a correction, and an indicator dropped from the new report
 * must not linger); other rows keep their order, the added ones follow.
 */
export function mergeHistory(existing: HistoryRow[], added: HistoryRow[]): HistoryRow[] {
  // Why the test: the check merges a whole 历史数据 sheet into nothing, and thousands of month keys
  // would be built only to keep none of nothing.
  let kept: HistoryRow[] = [];
  if (existing.length > 0) {
    const replaced = new Set(added.map(monthOf));
    kept = existing.filter((r) => !replaced.has(monthOf(r)));
  }
  // Within `added`, the same period+zone+indicator twice: the later row wins, at its first place.
  const keys = added.map(keyOf); // each key built once, not once per loop
  const byKey = new Map<string, HistoryRow>();
  for (let i = 0; i < added.length; i++) byKey.set(keys[i], added[i]);
  const out: HistoryRow[] = [...kept];
  const placed = new Set<string>();
  for (const k of keys) {
    if (placed.has(k)) continue;
    placed.add(k);
    out.push(byKey.get(k) as HistoryRow);
  }
  return out;
}

const READ_LABELS: Record<string, HistCol> = {
  统计期: 'period', 开发区代码: 'zone', 指标代码: 'indicator',
  '1-本月累计': 'ytd', 本年累计: 'ytd', 上年同期累计: 'base', 年度目标: 'target', 预警级别: 'level',
};

/** A code read back: text as is; a number (the clerk's Excel turned "01" into 1) padded to two digits. */
function codeText(v: unknown, text: string): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10) return '0' + String(v);
  return text.replace(/\s+/g, '');
}

// A period as this tool writes it; it reads as itself.
const PERIOD_KEY = /^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])$/;

/** The 'YYYY-MM' of a 统计期 text with a year and a month, else null. */
export function periodOfText(text: string): string | null {
  // Why: every archived row carries 'YYYY-MM', and reading it through the free-text reader (NFKC,
  // Chinese numerals, four expressions) was a third of reading the sheet; periodKey gives it back as is.
  if (PERIOD_KEY.test(text)) return text;
  const p = readPeriodText(text);
  return p.kind === 'period' && p.year !== null ? periodKey({ year: p.year, month: p.month }) : null;
}

/** The history in a sheet, or null when it has no 统计期 / 开发区代码 / 指标代码 header in its first 15 rows. */
export function readHistorySheet(sheet: SheetGrid): { rows: HistoryRow[]; findings: Finding[] } | null {
  const g = gridView(sheet);
  const found = findHeaderRow(g, READ_LABELS, (c) => c.period !== undefined && c.zone !== undefined && c.indicator !== undefined);
  if (!found) return null;
  const { row: header, cols } = found;
  const rows: HistoryRow[] = [];
  const findings: Finding[] = [];
  const index = new Map<string, number>();
  const where = (zone: string | null, period: string | null) => ({ sheet: sheet.name, zone, period });
  for (let r = header + 1; r < g.rowCount; r++) {
    if (g.blankRow(r)) continue;
    const pc = cols.period as number;
    const periodCell = g.cell(r, pc);
    // Excel turns a typed "2026-09" into a date: accept the date's year and month.
    const iso = dateOfCell(periodCell);
    let period: string | null = null;
    if (iso !== null) {
      const p = parsePeriodKey(iso);
      period = p ? periodKey(p) : null;
    } else period = periodOfText(cellText(periodCell));
    const zone = codeText(g.cell(r, cols.zone as number)?.v, g.text(r, cols.zone as number));
    const indicator = codeText(g.cell(r, cols.indicator as number)?.v, g.text(r, cols.indicator as number));
    if (!period || !zone || !indicator) {
      const bad = !period ? pc : !zone ? (cols.zone as number) : (cols.indicator as number);
      findings.push(
        finding('error', 'V-INPUT', where(zone || null, period), {
          zh: `历史数据第 ${r + 1} 行的${!period ? '统计期' : !zone ? '开发区代码' : '指标代码'}无法识别(单元格 ${a1(r, bad)}:“${g.text(r, bad)}”),该行未使用。统计期请写成 2026-09 这样的文本。`,
          en: `History row ${r + 1}: the ${!period ? 'period' : !zone ? 'zone code' : 'indicator code'} cannot be read (cell ${a1(r, bad)}: "${g.text(r, bad)}"); the row is not used. Write periods as text like 2026-09.`,
        }, { cell: a1(r, bad), value: g.text(r, bad) }),
      );
      continue;
    }
    const values: Record<'ytd' | 'base' | 'target', number | null> = { ytd: null, base: null, target: null };
    for (const k of ['ytd', 'base', 'target'] as const) {
      const c = cols[k];
      if (c === undefined) continue;
      const read = readNumber(g.cell(r, c), { percent: false });
      if (read.kind === 'number' && read.unit === null) values[k] = read.value;
      else if (read.kind !== 'nodata') {
        findings.push(
          finding('error', 'V-INPUT', where(zone, period), {
            zh: `历史数据单元格 ${a1(r, c)} 不是数字(“${g.text(r, c)}”),该值未使用。请改为数字或留空。`,
            en: `History cell ${a1(r, c)} is not a number ("${g.text(r, c)}"); the value is not used. Make it a number or leave it blank.`,
          }, { cell: a1(r, c), indicator, value: g.text(r, c) }),
        );
      }
    }
    const levelText = cols.level === undefined ? '' : normaliseLabel(g.text(r, cols.level)).toLowerCase();
    const level = levelText === '' ? null : LEVEL_READ.get(levelText) ?? null;
    if (levelText !== '' && level === null) {
      findings.push(
        finding('error', 'V-INPUT', where(zone, period), {
          zh: `历史数据单元格 ${a1(r, cols.level as number)} 的预警级别“${levelText}”无法识别,应为红色、橙色、黄色、绿色或灰色。`,
          en: `History cell ${a1(r, cols.level as number)}: warning level "${levelText}" is not one of 红色, 橙色, 黄色, 绿色, 灰色 (red, orange, yellow, green, gray).`,
        }, { cell: a1(r, cols.level as number), indicator, value: levelText }),
      );
    }
    // the same object as { period, zone, indicator, ...values, level }, without the spread's cost
    const row: HistoryRow = { period, zone, indicator, ytd: values.ytd, base: values.base, target: values.target, level };
    const k = keyOf(row);
    const prev = index.get(k);
    if (prev !== undefined) {
      // Only a hand edit makes this: the later row is the more recent archive, and it is said.
      findings.push(
        finding('warning', 'V-INPUT', where(zone, period), {
          zh: `历史数据第 ${r + 1} 行(单元格 ${a1(r, pc)})与前面一行重复(${period}、${zone}、指标 ${indicator}),采用后一行。请删除多余的一行。`,
          en: `History row ${r + 1} (cell ${a1(r, pc)}) repeats an earlier row (${period}, ${zone}, indicator ${indicator}); the later row is used. Delete the extra row.`,
        }, { cell: a1(r, pc), indicator }),
      );
      rows[prev] = row;
    } else {
      index.set(k, rows.length);
      rows.push(row);
    }
  }
  return { rows, findings };
}
