/**
 * Interpreting one figure cell of a report (template.md §4 and §5 "Marks that mean something"): a
 * growth label typed in a 同比 cell (新增, 扭亏为盈…), a ratio's change written with its 百分点, or a
 * number through readNumber (no data, text numbers, units, formula errors). Recognition decides
 * which column a cell belongs to; this decides what the cell says.
 */
import type { Cell, GrowthLabel } from '../types';
import { normaliseLabel } from './normalise';
import { readNumber, type NumberRead } from './read-number';

// Growth labels of rules.md §2 a template may show in its 同比 cell ("新增(上年为0)" too). "—" is no data.
const GROWTH_LABELS: readonly GrowthLabel[] = ['新增', '扭亏为盈', '由盈转亏', '减亏', '增亏'];

/** The growth label a 同比 cell holds as text, or null. */
export function growthLabelOf(cell: Cell | undefined): GrowthLabel | null {
  if (typeof cell?.v !== 'string') return null;
  const t = normaliseLabel(cell.v).replace(/\((?:上年|去年)(?:同期)?为0\)$/, '');
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

export type FigureRead = NumberRead | { kind: 'label'; label: GrowthLabel };

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
  return readNumber(o.points ? withoutPointsSuffix(cell) : cell, { percent: o.percent });
}
