/**
 * Reading one record: the figures of one indicator (for one zone) from the cells a layout placed
 * them in, each interpreted (cells/figure.ts) and converted into the catalogue unit, with every
 * finding a cell gives (unreadable, text number, unit, scaling format). The layout decides where the
 * cells are; this decides what they hold.
 */
import type { Indicator } from '../config/schema';
import type { ColumnKey, Finding, GrowthLabel } from '../types';
import type { ParsedRecord } from './types';
import { readFigure } from '../cells/figure';
import { readNumber } from '../cells/read-number';
import { scalingFormat } from '../cells/number-format';
import { convert, normaliseUnit } from '../cells/units';
import { decimalsOf } from '../rounding';
import { cellUnitError, conversionInfo, growthUnitError, rateInGrowthError, scalingFormatError, textNumberWarning, typeError, type Line } from './messages';
import type { Reading } from './reading';
import { columnUnit, factorTo, reportRowUnit, type RowUnit, type UnitAt } from './row-unit';
import { sharedList, sharedRecord } from './shared-parts';

/** The figures a record holds, in the order they are read. */
export const FIGURES = ['month', 'ytd', 'base', 'yoy', 'target'] as const;
export type Figure = (typeof FIGURES)[number];
/** Figures only some layouts have (a quarter form's 本季): on the record only when the layout has them. */
type ExtraFigure = 'quarter';
const ALL_FIGURES: readonly (Figure | ExtraFigure)[] = [...FIGURES, 'quarter'];

export interface CellPlace {
  r: number;
  c: number;
}

/** Where a layout found one record. */
export interface RecordPlace {
  /** the sheet row the record is on (its `row`) */
  r: number;
  /** how messages name that row */
  line: Line;
  ind: Indicator;
  /** the address of each column's cell, as the record lists them */
  cells: Partial<Record<ColumnKey, string>>;
  /** the cell of each figure present in the layout */
  figures: Partial<Record<Figure | ExtraFigure, CellPlace>>;
  /** the unit the row's figures are written in */
  unit: RowUnit;
  /** a unit in a column's label, by figure (money rows without a unit of their own take it) */
  columnUnits?: Partial<Record<Figure | ExtraFigure, UnitAt>>;
  /** the row's 说明, or null */
  note: string | null;
  /** the layout has no 上年同期 figure for this record: its growth is the published 同比 */
  noBase?: boolean;
}

/**
 * Decimals shown in the catalogue unit, from the decimals shown in the cell's own unit: converting
 * 亿元 to 万元 (×10,000) moves the last shown digit 4 places left. Null when unknown, or when the
 * factor is not a power of ten (the shown digit then has no place in the catalogue unit).
 */
export function shownInUnit(decimals: number | null, factor: number): number | null {
  if (decimals === null || factor === 1) return decimals;
  const places = Math.round(Math.log10(factor));
  // compared at 15 digits: 10 ** -4 is not the double 0.0001 is
  return Number((10 ** places).toPrecision(15)) === factor ? decimals - places : null;
}

/** What the cells of one record gave, gathered figure by figure. */
interface Gathered {
  values: Record<Figure, number | null>;
  extra: Partial<Record<ExtraFigure, number | null>>;
  shown: NonNullable<ParsedRecord['shown']>;
  formulaCols: ColumnKey[];
  invalidCols: ColumnKey[];
  yoyLabel: GrowthLabel | null;
  marks?: ParsedRecord['marks'];
  rankReported?: ParsedRecord['rankReported'];
  /** "上年为1.43" in the growth cell: last year's figure in the catalogue unit */
  lastYear: { value: number; shown: number | null; cell: string } | null;
}

export function readRecord(rd: Reading, p: RecordPlace): ParsedRecord {
  const { g } = rd;
  const { ind, cells, unit } = p;
  const acc: Gathered = {
    values: { month: null, ytd: null, base: null, yoy: null, target: null },
    extra: {},
    shown: {},
    formulaCols: [],
    invalidCols: [],
    yoyLabel: null,
    lastYear: null,
  };
  // Each figure's unit: the row's, or its column label's; each unit is said once (error or conversion).
  const unitOf = (k: Figure | ExtraFigure): RowUnit => columnUnit(ind, unit, p.columnUnits?.[k]);
  const hasData = (k: Figure | ExtraFigure): boolean => {
    const at = p.figures[k];
    return k !== 'yoy' && at !== undefined && readNumber(g.cell(at.r, at.c), { percent: true }).kind !== 'nodata';
  };
  reportRowUnit(rd, p.line, ind, unit, ALL_FIGURES.some((k) => unitOf(k) === unit && hasData(k)), cells.ytd ?? null);
  for (const k of ALL_FIGURES) {
    const u = unitOf(k);
    if (u !== unit && hasData(k)) reportRowUnit(rd, p.line, ind, u, true, cells[k] ?? null);
  }
  for (const k of ALL_FIGURES) if (p.figures[k] !== undefined) readCell(rd, p, k, unitOf(k), acc);

  const { values, shown, marks, lastYear, invalidCols } = acc;
  const cellsOut = { ...cells };
  if (lastYear !== null && values.base === null && !invalidCols.includes('base')) {
    // No 上年同期 figure: the one the growth cell gives is the base (and its cell the base's cell).
    values.base = lastYear.value;
    cellsOut.base = lastYear.cell;
    if (marks?.base) delete marks.base;
    if (lastYear.shown !== null) shown.base = lastYear.shown;
  }
  if (ind.kind === 'rate' && values.yoy !== null && !(values.ytd !== null && values.ytd === values.yoy)) {
    rd.findings.push(rateInGrowthError(rd.where, p.line, ind, values.ytd, values.yoy, cells.yoy));
  }
  return {
    indicator: ind.code,
    row: p.r,
    unit: ind.unit,
    ...values,
    note: p.note,
    cells: sharedRecord(cellsOut, 'cells'),
    formulaCols: sharedList(acc.formulaCols, 'formulaCols'),
    invalidCols: sharedList(invalidCols, 'invalidCols'),
    yoyLabel: acc.yoyLabel,
    ...(Object.keys(shown).length > 0 ? { shown: sharedRecord(shown, 'shown') } : {}),
    ...(marks ? { marks } : {}),
    ...(acc.rankReported ? { rankReported: acc.rankReported } : {}),
    ...(lastYear !== null && cellsOut.base !== lastYear.cell ? { yoyLastYear: { value: lastYear.value, cell: lastYear.cell } } : {}),
    ...(p.noBase && cellsOut.base === undefined ? { noBase: true as const } : {}),
    ...acc.extra,
  };
}

/** One figure's cell: what it says (cells/figure.ts), converted into the catalogue unit, with its findings. */
function readCell(rd: Reading, p: RecordPlace, k: Figure | ExtraFigure, unitHere: RowUnit, acc: Gathered): void {
  const { ind } = p;
  const at = p.figures[k] as CellPlace;
  const cell = rd.g.cell(at.r, at.c);
  const addr = rd.g.addr(at.r, at.c);
  if (cell?.f !== undefined) acc.formulaCols.push(k);
  if (k === 'quarter') acc.extra.quarter = null;
  const percent = k === 'yoy' || ind.kind === 'rate' || ind.kind === 'ratio';
  const read = readFigure(cell, { percent, growth: k === 'yoy', points: k === 'yoy' && ind.kind === 'ratio' });
  const invalid = (f: Finding | null) => {
    acc.invalidCols.push(k);
    if (f) rd.findings.push(f);
  };
  switch (read.kind) {
    case 'label':
      acc.yoyLabel = read.label;
      return;
    case 'nodata':
      if ((read.mark === '-' || read.mark === '--') && k !== 'quarter') (acc.marks ??= {})[k] = read.mark;
      return;
    case 'invalid':
      return invalid(typeError(rd.where, read, addr, ind, k));
    case 'lastYear': {
      if (k !== 'yoy') return; // (only a growth cell reads as one)
      // 上年为1.43: no %, and last year's figure, in the row's unit (or the one written after it)
      const f = read.unit !== null ? factorTo(read.unit, ind) : unitHere.factor;
      if (f === null) {
        return invalid(read.unit !== null ? cellUnitError(rd.where, addr, read.unit, ind) : typeError(rd.where, { kind: 'invalid', reason: 'text', text: read.text }, addr, ind, k));
      }
      acc.lastYear = { value: convert(read.value, f), shown: shownInUnit(read.shown, f), cell: addr };
      return;
    }
  }
  if (!read.fromText && scalingFormat(cell?.fmt)) return invalid(scalingFormatError(rd.where, addr, ind, k, cell?.fmt, read.value));
  // A value with its rank or a footnote can only be written as text: that is no typing slip.
  if (read.rank !== undefined) acc.rankReported = { col: k, n: read.rank, cell: addr };
  else if (read.fromText && read.footnote === undefined) rd.findings.push(textNumberWarning(rd.where, addr, ind, k, read.value, p.note !== null));
  if (k === 'yoy') {
    if (read.unit !== null) return invalid(growthUnitError(rd.where, addr, ind, read.unit));
    acc.values.yoy = read.value;
    return;
  }
  if (unitHere.factor === null) return invalid(null);
  let factor = unitHere.factor;
  if (read.unit !== null && normaliseUnit(read.unit) !== normaliseUnit(unitHere.unit)) {
    // A unit written in the cell (or only in its number format) wins over the row's unit.
    const f = factorTo(read.unit, ind);
    if (f === null) return invalid(cellUnitError(rd.where, addr, read.unit, ind));
    factor = f;
    rd.findings.push(conversionInfo(rd.where, p.line, addr, read.unit, ind, f));
  }
  const converted = convert(read.value, factor);
  // Only a nonsense magnitude overflows a conversion; it must not become Infinity.
  if (!Number.isFinite(converted)) return invalid(typeError(rd.where, { kind: 'invalid', reason: 'text', text: String(read.value) }, addr, ind, k));
  if (k === 'quarter') {
    acc.extra.quarter = converted;
    return;
  }
  acc.values[k] = converted;
  // A General number shows what was typed; once converted (亿元 → 万元) its last digit moves with it.
  const typed = factor !== 1 && read.shown === null ? decimalsOf(read.value) : null;
  const shownHere = shownInUnit(read.shown ?? (typed !== null && typed <= 15 ? typed : null), factor);
  if (shownHere !== null) acc.shown[k] = shownHere;
}
