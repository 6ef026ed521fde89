/**
 * Which month a report sheet is for (template.md §1): the 统计期 / 报告期 / 报表期 above the header,
 * else the sheet name, else a "1-N月" column label with the year from elsewhere (ctx.fallbackYear).
 * Missing, unreadable (a quarter is not a month), or contradicting the sheet name or the 1-N月 label
 * is a V-PERIOD error. When sources disagree the 统计期 cell is kept as the period (it is what the
 * clerk declared) and the error says what disagrees.
 */
import type { Bilingual, Cell, Period } from '../types';
import { isDateFormat, serialToIso } from '../cells/read-number';
import { parsePeriodKey, readPeriodText, type PeriodRead } from './period';
import type { MetaValue } from './meta';

export interface PeriodProblem {
  cell: string | null;
  value: string | null;
  message: Bilingual;
}

export interface PeriodInput {
  declared: MetaValue | null;
  sheetName: string;
  /** N (and the year, for "2026年1-9月") of a 1-N月 cumulative column, its header cell and label as written */
  ytdMonth: { n: number; year: number | null; cell: string; text: string } | null;
  fallbackYear: number | null;
  /**
   * A quarter form (a 本季 column, template.md §5): its period is a quarter, read as the quarter's last
   * month (2026年第三季度 → 2026-09, the month its 本年累计 runs to).
   */
  quarterForm?: boolean;
}

/** A period read from text, with a quarter taken as its last month on a quarter form. */
function asMonth(r: PeriodRead, quarterForm: boolean): PeriodRead {
  return quarterForm && r.kind === 'quarter' ? { kind: 'period', year: r.year, month: r.q * 3, text: r.text } : r;
}

const show = (p: Period): string => `${p.year}年${p.month}月`;
const showEn = (p: Period): string => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** The declared value as a message shows it: a date cell as its date (2026-09-01), never its serial. */
function shown(v: MetaValue): string {
  return dateOfCell(v.raw) ?? v.text;
}

/** The declared cell's period: a date cell (Excel turned "2026-09" into a date) counts by its year and month. */
function readDeclared(v: MetaValue): PeriodRead {
  const iso = dateOfCell(v.raw);
  if (iso !== null) {
    const p = parsePeriodKey(iso);
    return p ? { kind: 'period', year: p.year, month: p.month, text: iso } : { kind: 'none' };
  }
  return readPeriodText(v.text);
}

/**
 * The ISO date a cell holds, or null: a date value, or (as Office.js hands dates over) a serial
 * number with a date format.
 */
export function dateOfCell(cell: Cell | undefined): string | null {
  const raw = cell?.v;
  if (raw && typeof raw === 'object' && 'date' in raw) return raw.date;
  if (typeof raw === 'number' && Number.isFinite(raw) && isDateFormat(cell?.fmt)) return serialToIso(raw);
  return null;
}

export function resolvePeriod(input: PeriodInput): { period: Period | null; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  const { declared, sheetName, ytdMonth, fallbackYear } = input;
  const quarterForm = input.quarterForm === true;

  let fromCell: { year: number | null; month: number } | null = null;
  if (declared) {
    const r = asMonth(readDeclared(declared), quarterForm);
    if (r.kind === 'period') fromCell = { year: r.year, month: r.month };
    else {
      const why =
        r.kind === 'quarter'
          ? { zh: '是季度,不是月份', en: 'is a quarter, not a month' }
          : r.kind === 'range'
            ? { zh: '不是从1月起的累计期', en: 'is not a cumulative period starting in January' }
            : { zh: '无法识别', en: 'cannot be read' };
      problems.push({
        cell: declared.cell,
        value: shown(declared),
        message: {
          zh: `统计期“${shown(declared)}”(单元格 ${declared.cell})${why.zh}。月报的统计期请写成“2026年9月”或“2026年1-9月”。`,
          en: `The period "${shown(declared)}" (cell ${declared.cell}) ${why.en}. Write a monthly report's period as 2026年9月 or 2026年1-9月.`,
        },
      });
      return { period: null, problems };
    }
  }

  const nameRead = asMonth(readPeriodText(sheetName), quarterForm);
  const fromName = nameRead.kind === 'period' ? { year: nameRead.year, month: nameRead.month } : null;

  if (fromCell && fromName && declared) {
    const yearsDiffer = fromCell.year !== null && fromName.year !== null && fromCell.year !== fromName.year;
    if (yearsDiffer || fromCell.month !== fromName.month) {
      problems.push({
        cell: declared.cell,
        value: shown(declared),
        message: {
          zh: `统计期“${shown(declared)}”(单元格 ${declared.cell})与工作表名“${sheetName}”不一致。请改正其中一个,使两者为同一月份。`,
          en: `The period "${shown(declared)}" (cell ${declared.cell}) contradicts the sheet name "${sheetName}". Correct one so that both name the same month.`,
        },
      });
    }
  }

  const primary = fromCell ?? fromName;
  let period: Period | null = null;
  if (primary) {
    const year = primary.year ?? (fromCell?.year ?? null) ?? fromName?.year ?? ytdMonth?.year ?? fallbackYear;
    if (year !== null) period = { year, month: primary.month };
  } else if (ytdMonth && (ytdMonth.year ?? fallbackYear) !== null) {
    period = { year: (ytdMonth.year ?? fallbackYear) as number, month: ytdMonth.n };
  }

  if (!period) {
    const partial = primary ?? (ytdMonth ? { month: ytdMonth.n } : null);
    problems.push({
      cell: declared?.cell ?? null,
      value: declared?.text ?? null,
      message: partial
        ? {
            zh: `工作表“${sheetName}”${declared ? `(单元格 ${declared.cell})` : ''}只写明了${partial.month}月,没有年份。请在表头上方填写“统计期:2026年${partial.month}月”这样带年份的统计期。`,
            en: `Sheet "${sheetName}"${declared ? ` (cell ${declared.cell})` : ''} gives month ${partial.month} but no year. Write the period with its year above the header, e.g. "统计期:2026年${partial.month}月".`,
          }
        : {
            zh: `工作表“${sheetName}”找不到统计期:表头上方没有“统计期”,工作表名和累计列标题也没有月份。请在表头上方填写“统计期:2026年9月”。`,
            en: `Sheet "${sheetName}" has no period: no 统计期 above the header, and neither the sheet name nor the cumulative column's label gives a month. Write "统计期:2026年9月" above the header.`,
          },
    });
    return { period: null, problems };
  }

  if (ytdMonth && (ytdMonth.n !== period.month || (ytdMonth.year !== null && ytdMonth.year !== period.year))) {
    problems.push({
      cell: ytdMonth.cell,
      value: ytdMonth.text,
      message: {
        zh: `累计列标题“${ytdMonth.text}”(单元格 ${ytdMonth.cell})与统计期 ${show(period)} 不一致。请改正列标题或统计期。`,
        en: `The cumulative column's label "${ytdMonth.text}" (cell ${ytdMonth.cell}) contradicts the period ${showEn(period)}. Correct the label or the period.`,
      },
    });
  }
  return { period, problems };
}
