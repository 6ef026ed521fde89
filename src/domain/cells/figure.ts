/**
 * Interpreting one figure cell of a report (template.md §4 and §5 "Marks that mean something"):
 * - in a 同比 cell: a growth label (新增, 扭亏为盈…; "—" = no % because the base is 0 or undefined),
 *   last year's figure written as a label ("上年为1.43"), a ratio's change with its 百分点;
 * - in any figure cell: a value with its published rank in brackets ("12.3(5)"), a figure with a
 *   footnote mark ("12.3*", "12.3¹"), the marks "--" (withheld) and "-" (not assessed), which are no
 *   data, never 0;
 * - otherwise a number through readNumber (text numbers, units, formula errors, dates).
 * Recognition decides which column a cell belongs to; this decides what the cell says.
 */
import type { Cell, GrowthLabel } from '../types';
import { cleanText, normaliseLabel } from './normalise';
import { normaliseNumberText, parseNumberText, readNumber, readNumberText, type NumberRead } from './read-number';
import { typedDecimals } from './shown-decimals';

// Growth labels of rules.md §2 a template may show in its 同比 cell ("新增(上年为0)" too).
const GROWTH_LABELS: readonly GrowthLabel[] = ['新增', '扭亏为盈', '由盈转亏', '减亏', '增亏'];
// The dash of a growth cell (template.md §5): no % can be given (base 0 or undefined). A hyphen "-" is
// not it: that means "not assessed" (and "--" withheld), as in any figure cell.
const GROWTH_DASH = new Set(['—', '——', '―', '─']);

/** The growth label a 同比 cell holds as text, or null. */
export function growthLabelOf(cell: Cell | undefined): GrowthLabel | null {
  if (typeof cell?.v !== 'string') return null;
  const t = normaliseLabel(cell.v).replace(/\((?:上年|去年)(?:同期)?为0\)$/, '');
  if (GROWTH_DASH.has(t)) return '—';
  return GROWTH_LABELS.find((l) => l === t) ?? null;
}

/**
 * A ratio's 同比 is a change in 百分点, and templates write the word: "1.2个百分点", "-0.5百分点".
 * The word is dropped before reading (the text is still reported as a text number).
 */
export function withoutPointsSuffix(cell: Cell | undefined): Cell | undefined {
  if (!cell || typeof cell.v !== 'string') return cell;
  const m = /^(.*?)\s*个?百分点$/.exec(normaliseLabel(cell.v));
  return m && m[1] !== '' ? { ...cell, v: m[1] } : cell;
}

// "上年为1.43", "上年同期为1.43", "去年为1.43亿元": in a growth cell, last year's figure instead of a %.
const LAST_YEAR = /^(?:上年|去年)(?:同期)?(?:为|是|:)?([+-]?[\d,]*\.?\d+)(.*)$/;
// A value with its published rank: "12.3(5)", "12.3(第5位)" (NFKC made （） ASCII).
const WITH_RANK = /^(.+?)\((?:第|并列)?(\d{1,4})(?:位|名)?\)$/;
// Footnote marks after a figure. Superscript digits are matched on the text before NFKC (which would
// make "12.3¹" read 12.31); circled numbers (①) are already removed by cleanText.
const FOOTNOTE = /(?:[*＊※†‡△▲#]+|[\u00B9\u00B2\u00B3\u2070-\u2079]+)$/;
const SUPERSCRIPT = /[\u00B9\u00B2\u00B3\u2070-\u2079]$/;

export type FigureRead =
  | (Extract<NumberRead, { kind: 'number' }> & {
      /** the published rank written after the value in brackets */
      rank?: number;
      /** a footnote mark after the figure, dropped */
      footnote?: string;
    })
  | Extract<NumberRead, { kind: 'nodata' | 'invalid' }>
  | { kind: 'label'; label: GrowthLabel }
  /** last year's figure written in a growth cell, with the unit written after it, if any */
  | { kind: 'lastYear'; value: number; shown: number; unit: string | null; text: string };

export interface FigureOptions {
  /** the cell holds a percentage (同比, a rate, a ratio) */
  percent: boolean;
  /** the cell is a growth (同比) cell: a growth label may stand instead of a number */
  growth: boolean;
  /** the growth is a ratio's change in 百分点: "1.2个百分点" reads as 1.2 */
  points: boolean;
}

/** What one figure cell says. Total: never throws. */
export function readFigure(cell: Cell | undefined, o: FigureOptions): FigureRead {
  if (o.growth) {
    const label = growthLabelOf(cell);
    if (label !== null) return { kind: 'label', label };
  }
  const own = o.points ? withoutPointsSuffix(cell) : cell;
  // before NFKC turns a superscript footnote into a digit of the figure
  if (typeof own?.v === 'string' && SUPERSCRIPT.test(own.v.trim())) return readMarkedText(own.v, o) ?? { kind: 'invalid', reason: 'text', text: own.v };
  const read = readNumber(own, { percent: o.percent });
  if (read.kind !== 'invalid' || read.reason !== 'text' || typeof own?.v !== 'string') return read;
  return readMarkedText(own.v, o) ?? read;
}

/** Text the number grammar refused that still says something: last year's figure, a rank, a footnote. */
function readMarkedText(raw: string, o: FigureOptions): FigureRead | null {
  const trimmed = raw.trim();
  const foot = FOOTNOTE.exec(trimmed);
  if (foot && foot.index > 0) {
    const inner = readFigure({ v: trimmed.slice(0, foot.index) }, o);
    if (inner.kind === 'number') return { ...inner, footnote: foot[0] };
    return inner.kind === 'nodata' || inner.kind === 'label' ? inner : null;
  }
  const t = normaliseLabel(cleanText(trimmed));
  if (o.growth) {
    const ly = LAST_YEAR.exec(t);
    if (ly) {
      const body = normaliseNumberText(ly[1]);
      const value = parseNumberText(body);
      const unit = ly[2] === '' ? null : ly[2];
      if (value !== null && (unit === null || /^(?:亿|万|千)?(?:美)?元$/.test(unit))) return { kind: 'lastYear', value, shown: typedDecimals(body), unit, text: trimmed };
    }
  }
  const wr = WITH_RANK.exec(t);
  if (wr) {
    const value = readNumberText(wr[1], { percent: o.percent });
    if (value.kind === 'number') return { ...value, rank: Number(wr[2]) };
  }
  return null;
}
