/**
 * Reading one record: the figures of one indicator (for one zone) from the cells a layout placed
 * them in, each interpreted (cells/figure.ts) and converted into the catalogue unit, with every
 * finding a cell gives (unreadable, text number, unit, scaling format). The layout decides where the
 * cells are; this decides what they hold.
 */
import type { Indicator } from '../config/schema';
import type { ColumnKey, GrowthLabel } from '../types';
import type { ParsedRecord } from './types';
import { readFigure } from '../cells/figure';
import { readNumber } from '../cells/read-number';
import { scalingFormat } from '../cells/number-format';
import { convert, normaliseUnit } from '../cells/units';
import { cellUnitError, conversionInfo, growthUnitError, rateInGrowthError, scalingFormatError, textNumberWarning, typeError, type Line } from './messages';
import type { Reading } from './reading';
import { factorTo, reportRowUnit, type RowUnit } from './row-unit';

/** The figures a record holds, in the order they are read. */
export const FIGURES = ['month', 'ytd', 'base', 'yoy', 'target'] as const;
export type Figure = (typeof FIGURES)[number];

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
  figures: Partial<Record<Figure, CellPlace>>;
  /** the unit the row's figures are written in */
  unit: RowUnit;
  /** the row's 说明, or null */
  note: string | null;
}

/**
 * Decimals shown in the catalogue unit, from the decimals shown in the cell's own unit: converting
 * 亿元 to 万元 (×10,000) moves the last shown digit 4 places left. Null when unknown, or when the
 * factor is not a power of ten (the shown digit then has no place in the catalogue unit).
 */
export function shownInUnit(decimals: number | null, factor: number): number | null {
  if (decimals === null) return null;
  const places = Math.round(Math.log10(factor));
  // compared at 15 digits: 10 ** -4 is not the double 0.0001 is
  return Number((10 ** places).toPrecision(15)) === factor ? decimals - places : null;
}

export function readRecord(rd: Reading, p: RecordPlace): ParsedRecord {
  const { g } = rd;
  const { ind, cells, unit } = p;
  const explained = p.note !== null;
  const formulaCols: ColumnKey[] = [];
  const invalidCols: ColumnKey[] = [];
  const values: Record<Figure, number | null> = { month: null, ytd: null, base: null, yoy: null, target: null };
  let yoyLabel: GrowthLabel | null = null;
  const shown: NonNullable<ParsedRecord['shown']> = {};

  const hasAmount = FIGURES.some((k) => {
    const at = p.figures[k];
    return k !== 'yoy' && at !== undefined && readNumber(g.cell(at.r, at.c), { percent: true }).kind !== 'nodata';
  });
  reportRowUnit(rd, p.line, ind, unit, hasAmount, cells.ytd ?? null);

  for (const k of FIGURES) {
    const at = p.figures[k];
    if (at === undefined) continue;
    const cell = g.cell(at.r, at.c);
    const addr = g.addr(at.r, at.c);
    if (cell?.f !== undefined) formulaCols.push(k);
    const percent = k === 'yoy' || ind.kind === 'rate' || ind.kind === 'ratio';
    const read = readFigure(cell, { percent, growth: k === 'yoy', points: k === 'yoy' && ind.kind === 'ratio' });
    if (read.kind === 'label') {
      yoyLabel = read.label;
      continue;
    }
    if (read.kind === 'nodata') continue;
    if (read.kind === 'invalid') {
      invalidCols.push(k);
      rd.findings.push(typeError(rd.where, read, addr, ind, k));
      continue;
    }
    if (!read.fromText && scalingFormat(cell?.fmt)) {
      invalidCols.push(k);
      rd.findings.push(scalingFormatError(rd.where, addr, ind, k, cell?.fmt, read.value));
      continue;
    }
    if (read.fromText) rd.findings.push(textNumberWarning(rd.where, addr, ind, k, read.value, explained));
    if (k === 'yoy') {
      if (read.unit !== null) {
        invalidCols.push(k);
        rd.findings.push(growthUnitError(rd.where, addr, ind, read.unit));
        continue;
      }
      values.yoy = read.value;
      continue;
    }
    if (unit.factor === null) {
      invalidCols.push(k);
      continue;
    }
    let factor = unit.factor;
    if (read.unit !== null && normaliseUnit(read.unit) !== normaliseUnit(unit.unit)) {
      // A unit written in the cell (or only in its number format) wins over the row's unit.
      const f = factorTo(read.unit, ind);
      if (f === null) {
        invalidCols.push(k);
        rd.findings.push(cellUnitError(rd.where, addr, read.unit, ind));
        continue;
      }
      factor = f;
      rd.findings.push(conversionInfo(rd.where, p.line, addr, read.unit, ind, f));
    }
    const converted = convert(read.value, factor);
    if (!Number.isFinite(converted)) {
      // Only a nonsense magnitude overflows a conversion; it must not become Infinity.
      invalidCols.push(k);
      rd.findings.push(typeError(rd.where, { kind: 'invalid', reason: 'text', text: String(read.value) }, addr, ind, k));
      continue;
    }
    values[k] = converted;
    const shownHere = shownInUnit(read.shown, factor);
    if (shownHere !== null) shown[k as Exclude<Figure, 'yoy'>] = shownHere;
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
    cells,
    formulaCols,
    invalidCols,
    yoyLabel,
    ...(Object.keys(shown).length > 0 ? { shown } : {}),
  };
}
