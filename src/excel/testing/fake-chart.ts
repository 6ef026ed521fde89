/**
 * The fake's page layout (ExcelApi 1.9) and charts (1.1; a category axis's reversePlotOrder 1.7), as
 * strict as Excel documents them: writes are queued and applied at sync; a 1.9 call on a host without
 * 1.9 fails the batch (ApiNotFound); a print area must be a range address and print title rows whole
 * rows; fit-to-pages and a zoom scale exclude each other; a chart's type must be one Excel knows and
 * its source data a range of its own sheet; `series.getItemAt(i)` and `points.getItemAt(i)` beyond the
 * series or points the data gives fail at sync; a point's colour must be #RRGGBB or a colour name.
 */
import type { XlChart, XlChartCollection, XlPageLayout, XlRange } from '../api';
import { areaBounds, rangeAddress } from '../../domain/a1-areas';
import type { FakeContext } from './fake-context';
import { FakeOfficeError, type FakeSheetState, type FakeValue } from './fake-state';

export interface FakePageState {
  orientation?: string;
  paperSize?: string;
  centerHorizontally?: boolean;
  margins: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
}

export interface FakeChartState {
  name: string;
  type: string;
  source: string;
  /** categories and one series per value column, read from the source at creation */
  categories: FakeValue[];
  series: { name: string; values: FakeValue[]; pointFills: (string | null)[] }[];
  title: string;
  legendVisible: boolean;
  showValue: boolean;
  reversePlotOrder: boolean;
  position: { start: string; end: string } | null;
}

const ORIENTATIONS = new Set(['Portrait', 'Landscape']);
const PAPERS = new Set(['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal', 'Executive', 'Tabloid']);
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter']);
const COLOUR = /^#[0-9A-Fa-f]{6}$|^[a-zA-Z]+$/;

function ensurePage(s: FakeSheetState): FakePageState {
  s.page ??= { margins: {} };
  return s.page;
}

export class FakePageLayout implements XlPageLayout {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: () => FakeSheetState,
  ) {}

  /** queue a 1.9 write: refused at sync where the host lacks ExcelApi 1.9 */
  private write(name: string, args: unknown, f: (p: FakePageState) => void): void {
    this.ctx.write(`pageLayout.${name}`, args, () => {
      if (!this.ctx.fake.isSetSupported('ExcelApi', '1.9')) throw new FakeOfficeError('ApiNotFound', `pageLayout.${name} needs ExcelApi 1.9`);
      f(ensurePage(this.state()));
    });
  }

  private read(): never {
    throw new FakeOfficeError('PropertyNotLoaded', 'fake: page layout properties are write-only here');
  }

  get orientation(): string { return this.read(); }
  set orientation(v: string) {
    this.write('orientation', [v], (p) => {
      if (!ORIENTATIONS.has(v)) throw new FakeOfficeError('InvalidArgument', `orientation ${v}`);
      p.orientation = v;
    });
  }
  get paperSize(): string { return this.read(); }
  set paperSize(v: string) {
    this.write('paperSize', [v], (p) => {
      if (!PAPERS.has(v)) throw new FakeOfficeError('InvalidArgument', `paperSize ${v}`);
      p.paperSize = v;
    });
  }
  get centerHorizontally(): boolean { return this.read(); }
  set centerHorizontally(v: boolean) { this.write('centerHorizontally', [v], (p) => (p.centerHorizontally = v)); }
  private margin(side: keyof FakePageState['margins'], v: number): void {
    this.write(`${side}Margin`, [v], (p) => {
      if (!(v >= 0)) throw new FakeOfficeError('InvalidArgument', `${side}Margin ${v}`);
      p.margins[side] = v;
    });
  }
  get leftMargin(): number { return this.read(); }
  set leftMargin(v: number) { this.margin('left', v); }
  get rightMargin(): number { return this.read(); }
  set rightMargin(v: number) { this.margin('right', v); }
  get topMargin(): number { return this.read(); }
  set topMargin(v: number) { this.margin('top', v); }
  get bottomMargin(): number { return this.read(); }
  set bottomMargin(v: number) { this.margin('bottom', v); }
  get headerMargin(): number { return this.read(); }
  set headerMargin(v: number) { this.margin('header', v); }
  get footerMargin(): number { return this.read(); }
  set footerMargin(v: number) { this.margin('footer', v); }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } { return this.read(); }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write('zoom', [v], (p) => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined) throw new FakeOfficeError('InvalidArgument', 'zoom: scale and fit-to-pages exclude each other');
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw new FakeOfficeError('InvalidArgument', `zoom.scale ${v.scale}`);
      p.zoom = { ...v };
    });
  }
  setPrintArea(printArea: string): void {
    this.write('setPrintArea', [printArea], (p) => {
      if (!areaBounds(printArea.replace(/\$/g, ''))) throw new FakeOfficeError('InvalidArgument', `print area ${printArea}`);
      p.printArea = printArea;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.write('setPrintTitleRows', [rows], (p) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `print title rows ${rows}`);
      p.printTitleRows = rows;
    });
  }
}

/** What the fake's ranges expose for a chart's source: the sheet and the bounds at sync. */
export interface FakeChartSource {
  sheet(): FakeSheetState;
  bounds(): { top: number; left: number; bottom: number; right: number };
}

function isFakeSource(r: unknown): r is FakeChartSource {
  return typeof r === 'object' && r !== null && 'bounds' in r && 'sheet' in r;
}

class FakeChart implements XlChart {
  private chart: FakeChartState | null = null;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly dataLabels: { showValue: boolean };
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean } };
  readonly series: XlChart['series'];

  constructor(
    private readonly ctx: FakeContext,
    /** the chart once created (at sync) */
    private readonly get: () => FakeChartState,
  ) {
    const w = (name: string, args: unknown, f: (c: FakeChartState) => void) => ctx.write(`chart.${name}`, args, () => f(this.get()));
    const ro = (what: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', `fake: chart ${what} is write-only here`);
    };
    this.title = { get text() { return ro('title'); }, set text(v: string) { w('title.text', [v], (c) => (c.title = v)); } };
    this.legend = { get visible() { return ro('legend'); }, set visible(v: boolean) { w('legend.visible', [v], (c) => (c.legendVisible = v)); } };
    this.dataLabels = { get showValue() { return ro('dataLabels'); }, set showValue(v: boolean) { w('dataLabels.showValue', [v], (c) => (c.showValue = v)); } };
    this.axes = {
      categoryAxis: {
        get reversePlotOrder() { return ro('axis'); },
        set reversePlotOrder(v: boolean) {
          w('categoryAxis.reversePlotOrder', [v], (c) => {
            if (!ctx.fake.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'reversePlotOrder needs ExcelApi 1.7');
            c.reversePlotOrder = v;
          });
        },
      },
    };
    this.series = {
      getItemAt: (s: number) => ({
        points: {
          getItemAt: (i: number) => ({
            format: {
              fill: {
                setSolidColor: (color: string) =>
                  w('point.fill.setSolidColor', [s, i, color], (c) => {
                    const series = c.series[s];
                    if (!series) throw new FakeOfficeError('ItemNotFound', `series ${s} of ${c.series.length}`);
                    if (!Number.isInteger(i) || i < 0 || i >= series.values.length) throw new FakeOfficeError('InvalidArgument', `point ${i} of ${series.values.length}`);
                    if (!COLOUR.test(color)) throw new FakeOfficeError('InvalidArgument', `colour ${color}`);
                    series.pointFills[i] = color.toUpperCase();
                  }),
              },
            },
          }),
        },
      }),
    };
  }

  get name(): string {
    throw new FakeOfficeError('PropertyNotLoaded', 'fake: chart.name is write-only here');
  }
  set name(v: string) {
    this.ctx.write('chart.name', [v], () => (this.get().name = v));
  }

  setPosition(startCell: string, endCell?: string): void {
    this.ctx.write('chart.setPosition', [startCell, endCell], () => {
      if (!areaBounds(startCell) || (endCell !== undefined && !areaBounds(endCell))) throw new FakeOfficeError('InvalidArgument', `position ${startCell}:${endCell}`);
      this.get().position = { start: startCell, end: endCell ?? startCell };
    });
  }

  /** set when the add operation runs */
  bind(c: FakeChartState): void {
    this.chart = c;
  }
  state(): FakeChartState {
    if (!this.chart) throw new FakeOfficeError('InvalidOperation', 'chart used before it exists');
    return this.chart;
  }
}

export class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: () => FakeSheetState,
  ) {}

  add(type: string, sourceData: XlRange, seriesBy = 'Auto'): XlChart {
    const holder: { chart: FakeChartState | null } = { chart: null };
    const chart = new FakeChart(this.ctx, () => {
      if (!holder.chart) throw new FakeOfficeError('InvalidOperation', 'chart used before it exists');
      return holder.chart;
    });
    this.ctx.write('charts.add', [type, seriesBy], () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `chart type ${type}`);
      if (!isFakeSource(sourceData)) throw new FakeOfficeError('InvalidArgument', 'source data is not a range');
      const sheet = this.state();
      if (sourceData.sheet() !== sheet) throw new FakeOfficeError('InvalidArgument', 'source data on another sheet');
      if (seriesBy !== 'Columns' && seriesBy !== 'Auto') throw new FakeOfficeError('InvalidArgument', `fake: seriesBy ${seriesBy}`);
      const b = sourceData.bounds();
      const cell = (r: number, c: number): FakeValue => sheet.rows[r]?.[c]?.v ?? '';
      // a header row when the value cells of the first row are text (Excel's own reading)
      const header = typeof cell(b.top, b.left + 1) === 'string' && cell(b.top, b.left + 1) !== '';
      const first = header ? b.top + 1 : b.top;
      const categories: FakeValue[] = [];
      for (let r = first; r <= b.bottom; r++) categories.push(cell(r, b.left));
      const series = [];
      for (let c = b.left + 1; c <= b.right; c++) {
        const values: FakeValue[] = [];
        for (let r = first; r <= b.bottom; r++) values.push(cell(r, c));
        series.push({ name: header ? String(cell(b.top, c)) : `Series${c - b.left}`, values, pointFills: values.map(() => null) });
      }
      const c: FakeChartState = {
        name: `Chart ${sheet.charts.length + 1}`, type, source: rangeAddress(b),
        categories, series, title: '', legendVisible: true, showValue: false, reversePlotOrder: false, position: null,
      };
      sheet.charts.push(c);
      holder.chart = c;
      chart.bind(c);
    });
    return chart;
  }
}
