/**
 * The canonical zone report sheet (template.md §1) as an OutSheet: merged title row; a row with
 * 填报单位 / 开发区代码 / 统计期 / 金额单位; the header row; the 23 indicator rows; a footer. 同比 and
 * 税收占比 are formulas, each with the cached result Excel would show (computed here with Excel's
 * ROUND), so a reader that does not recalculate sees the right figures. Used by `zone-report sample`,
 * the tests and the benchmarks. Cell overrides let a caller type over any cell (the clerk-mistakes
 * variant); formula results are then computed from the cells as typed, as Excel would.
 */
import type { Period, Zone } from '../types';
import type { Indicator } from '../config/schema';
import { defaultConfig } from '../config/validate';
import { FORMATS, type OutCell, type OutSheet } from '../output/sheet-model';
import { roundHalfAway } from '../rounding';
import type { SampleValues } from './month';

export const REPORT_TITLE = '开发区主要经济指标月报表';
export const HEADER_ROW = 3; // 1-based
export const FIRST_INDICATOR_ROW = 4; // 1-based
export const REPORT_HEADERS = ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)', '年度目标', '说明'];
const WIDTHS = [30, 6, 9, 13, 15, 15, 12, 13, 24];

/** Columns of the canonical template (letters). */
export const COL = { name: 'A', code: 'B', unit: 'C', month: 'D', ytd: 'E', base: 'F', yoy: 'G', target: 'H', note: 'I' } as const;
export type ReportColumn = keyof typeof COL;
const COL_INDEX: Record<ReportColumn, number> = { name: 0, code: 1, unit: 2, month: 3, ytd: 4, base: 5, yoy: 6, target: 7, note: 8 };

/** A cell typed over the generated one: key `${code}:${column}`, e.g. '22:ytd'. */
export type CellOverrides = Partial<Record<string, OutCell>>;

export interface ReportSheetOptions {
  /** sheet name (default: the zone's name, cut to Excel's 31 characters) */
  sheetName?: string;
  overrides?: CellOverrides;
  /** the catalogue to lay out (default: the shipped one) */
  catalogue?: Indicator[];
}

let shipped: Indicator[] | null = null;
/** The shipped catalogue, built once (defaultConfig() clones it on every call, too slow for 5,000 sheets). */
function shippedCatalogue(): Indicator[] {
  shipped ??= defaultConfig().catalogue;
  return shipped;
}

/** '2026年9月' */
export function periodText(p: Period): string {
  return `${p.year}年${p.month}月`;
}

function moneyFmt(ind: Indicator): string {
  if (ind.unit === '%') return FORMATS.pct1;
  if (ind.integer) return FORMATS.count;
  return FORMATS.amount;
}

function displayName(ind: Indicator): string {
  return ind.parent ? `其中:${ind.name}` : ind.name;
}

/** The number a formula would see in a cell: numbers only (Excel treats "" and text as not > 0). */
function numOf(c: OutCell | undefined): number | null {
  return c && typeof c.v === 'number' ? c.v : null;
}

/** Excel: =IF(AND(Fr>0,Er>=0),ROUND((Er-Fr)/Fr*100,1),"") */
function growthCached(cur: number | null, base: number | null): number | string {
  if (base === null || !(base > 0) || cur === null || cur < 0) return '';
  return roundHalfAway(((cur - base) / base) * 100, 1);
}

/**
 * The report sheet of one zone and month. `values` null gives the empty template (formulas kept).
 */
export function reportSheet(zone: Zone | null, period: Period | null, values: SampleValues | null, opts: ReportSheetOptions = {}): OutSheet {
  const catalogue = opts.catalogue ?? shippedCatalogue();
  const overrides = opts.overrides ?? {};
  const rowOf = new Map<string, number>(); // code → 1-based row
  catalogue.forEach((ind, i) => rowOf.set(ind.code, FIRST_INDICATOR_ROW + i));

  const rows: OutCell[][] = [];
  rows.push([{ v: REPORT_TITLE, style: 'title' }]);
  rows.push([
    { v: `填报单位:${zone ? zone.name : ''}` },
    {v: null},
    {v: null},
    { v: `开发区代码:${zone ? zone.code : ''}` },
    {v: null},
    { v: `统计期:${period ? periodText(period) : ''}` },
    {v: null},
    { v: '金额单位:万元' },
  ]);
  rows.push(REPORT_HEADERS.map((h): OutCell => ({ v: h, style: 'header' })));

  // First pass: the typed cells (values and overrides); formulas are filled in the second pass.
  const body: OutCell[][] = catalogue.map((ind) => {
    const v = values?.[ind.code];
    const fmt = moneyFmt(ind);
    const cells: OutCell[] = [
      { v: displayName(ind) },
      { v: ind.code, fmt: FORMATS.text },
      { v: ind.unit },
      { v: null, fmt },
      { v: null, fmt },
      { v: null, fmt },
      { v: null, fmt: FORMATS.pct1 },
      { v: null, fmt },
      { v: null },
    ];
    if (v && ind.kind !== 'ratio') {
      if (ind.kind === 'flow') cells[3].v = v.month;
      cells[4].v = v.ytd;
      if (ind.kind !== 'rate') cells[5].v = v.base;
      cells[7].v = v.target;
    }
    if (v?.note) cells[8].v = v.note;
    for (const [col, idx] of Object.entries(COL_INDEX)) {
      const o = overrides[`${ind.code}:${col}`];
      if (o) cells[idx] = { ...o, fmt: o.fmt ?? cells[idx].fmt };
    }
    return cells;
  });

  // Second pass: formulas with cached results from the cells as typed.
  catalogue.forEach((ind, i) => {
    const r = FIRST_INDICATOR_ROW + i;
    const cells = body[i];
    const typed = (col: ReportColumn): boolean => overrides[`${ind.code}:${col}`] !== undefined;
    if (ind.kind === 'ratio' && ind.ratio) {
      const n = rowOf.get(ind.ratio.numerator);
      const d = rowOf.get(ind.ratio.denominator);
      if (n === undefined || d === undefined) return;
      const at = (row: number, col: number): number | null => numOf(body[row - FIRST_INDICATOR_ROW][col]);
      const ratio = (num: number | null, den: number | null): number | string =>
        num === null || den === null || !(den > 0) ? '' : roundHalfAway((num / den) * 100, 1);
      if (!typed('ytd')) cells[4] = { v: ratio(at(n, 4), at(d, 4)), f: `IF(E${d}>0,ROUND(E${n}/E${d}*100,1),"")`, fmt: FORMATS.pct1 };
      if (!typed('base')) cells[5] = { v: ratio(at(n, 5), at(d, 5)), f: `IF(F${d}>0,ROUND(F${n}/F${d}*100,1),"")`, fmt: FORMATS.pct1 };
      if (!typed('yoy')) {
        const en = at(n, 4), ed = at(d, 4), fn = at(n, 5), fd = at(d, 5);
        const pp = en === null || ed === null || fn === null || fd === null || !(ed > 0) || !(fd > 0) ? '' : roundHalfAway((en / ed) * 100 - (fn / fd) * 100, 1);
        cells[6] = { v: pp, f: `IF(AND(E${d}>0,F${d}>0),ROUND(E${n}/E${d}*100-F${n}/F${d}*100,1),"")`, fmt: FORMATS.pct1 };
      }
    } else if ((ind.kind === 'flow' || ind.kind === 'stock') && !typed('yoy')) {
      cells[6] = { v: growthCached(numOf(cells[4]), numOf(cells[5])), f: `IF(AND(F${r}>0,E${r}>=0),ROUND((E${r}-F${r})/F${r}*100,1),"")`, fmt: FORMATS.pct1 };
    }
  });
  rows.push(...body);

  rows.push([]);
  rows.push([{ v: '单位负责人:' }, { v: null }, { v: null }, { v: '填表人:' }, { v: null }, { v: '联系电话:' }, { v: null }, { v: '报出日期:' }]);

  const lastCol = String.fromCharCode(64 + REPORT_HEADERS.length);
  return {
    name: (opts.sheetName ?? (zone ? zone.name : '月报模板')).slice(0, 31),
    columns: WIDTHS.map((width) => ({ width })),
    rows,
    merges: [`A1:${lastCol}1`, 'A2:C2', 'D2:E2', 'F2:G2', 'H2:I2'],
    freeze: { rows: HEADER_ROW, cols: 1 },
  };
}
