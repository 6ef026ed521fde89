/**
 * The sheets the tool writes (核查结果, 汇总, 预警清单, 历史数据), as plain data: cells, number
 * formats, named styles, widths, frozen panes. Both workbook ports render this one model, so what a
 * sheet contains is decided once, here in the domain.
 */

/** Named styles; each port maps them to fills and fonts (see STYLES). */
export type StyleKey =
  | 'title'
  | 'header'
  | 'error'
  | 'warning'
  | 'info'
  | 'red'
  | 'orange'
  | 'yellow'
  | 'green'
  | 'gray'
  | 'total'
  | 'muted';

export interface StyleSpec {
  /** fill colour, RGB hex without '#' */
  fill?: string;
  /** font colour, RGB hex without '#' */
  font?: string;
  bold?: boolean;
  /** font size in points (default: the workbook's) */
  size?: number;
}

export const STYLES: Record<StyleKey, StyleSpec> = {
  title: { bold: true, size: 14 },
  header: { fill: 'D9E1F2', bold: true },
  error: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
  info: { fill: 'DDEBF7', font: '1F4E78' },
  red: { fill: 'FF7C80', font: '7F0000', bold: true },
  orange: { fill: 'F4B183', font: '843C0C' },
  yellow: { fill: 'FFE699', font: '7F6000' },
  green: { fill: 'C6EFCE', font: '006100' },
  gray: { fill: 'D9D9D9', font: '3A3A3A' },
  total: { fill: 'EDEDED', bold: true },
  muted: { font: '7F7F7F' },
};

/** Number formats used in written sheets. */
export const FORMATS = {
  amount: '#,##0.0',
  count: '#,##0',
  pct1: '0.0',
  score: '0.0',
  text: '@',
} as const;

export interface OutCell {
  /** the value; for a formula cell, its cached result */
  v: string | number | null;
  /** a formula without the leading '=' (as Cell.f), e.g. 'IF(F4>0,ROUND((E4-F4)/F4*100,1),"")' */
  f?: string;
  fmt?: string;
  style?: StyleKey;
}

export interface OutColumn {
  /** width in characters */
  width: number;
  /** wrap long text in this column's cells (e.g. messages) */
  wrap?: boolean;
}

/** How a sheet prints: paper, orientation, fit to pages, print area, repeated rows, margins. */
export interface OutPageSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** fit the print area to this many pages wide and tall (0 = as many as needed) */
  fitWide: number;
  fitTall: number;
  /** A1 range that prints, e.g. 'A1:N24' */
  printArea: string;
  /** rows repeated at the top of every printed page, e.g. '3:4' */
  titleRows?: string;
  /** margins in inches */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally?: boolean;
}

/**
 * A bar chart of one figure by zone, each bar in its own colour (the warning level's). Its data is not
 * among the sheet's rows: a renderer that draws charts writes it at `dataAt` (header row, then one row
 * per bar) and draws the chart over `placeAt`; one that cannot leaves both out.
 */
export interface OutChart {
  title: string;
  /** the value column's header, the series name */
  seriesName: string;
  /** bar labels (zone names), first = top bar */
  categories: string[];
  values: number[];
  /** fill of each bar, RGB hex without '#' */
  colors: string[];
  /** 0-based row and column of the data block's header cell */
  dataAt: { row: number; col: number };
  /** the cells the chart covers, e.g. 'A24:N44' */
  placeAt: string;
  /** the print area once the chart is drawn (the table and the chart) */
  printArea: string;
  /** number format of the values and their labels */
  numberFormat: string;
}

export interface OutSheet {
  name: string;
  columns: OutColumn[];
  rows: OutCell[][];
  /** rows and columns frozen at the top-left (header) */
  freeze?: { rows: number; cols: number };
  merges?: string[];
  /** tab colour, RGB hex */
  tabColor?: string;
  /** how the sheet prints (default: the port's — landscape, one page wide) */
  page?: OutPageSetup;
  chart?: OutChart;
}

/** Highlight of one cell of a user's report sheet: a fill by level and a note (comment). */
export interface Highlight {
  sheet: string;
  /** A1 address of a single cell */
  cell: string;
  level: 'error' | 'warning' | 'info';
  /** note text shown on the cell (both languages) */
  note: string;
}
