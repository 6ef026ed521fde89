/**
 * The one-page view's native chart in Excel (OutSheet.chart): a clustered bar chart of the key
 * indicator's growth by zone, each bar filled with its zone's warning colour. Its data block (zone,
 * growth) is written beside the print area, then the chart is added over `placeAt` — all queued in
 * the caller's batch, no sync here (not one per point). Charts, titles, data labels and point fills
 * are ExcelApi 1.1; the category axis's reversePlotOrder (first zone at the top) is 1.7, which the
 * tool's sheets need anyway (writeToolSheets refuses below it).
 */
import { a1 } from '../domain/a1';
import type { OutChart } from '../domain/output/sheet-model';
import type { XlChart, XlWorksheet } from './api';

export const CHART_NAME = '一页纸增速图';

export function queueLevelChart(ws: XlWorksheet, chart: OutChart): XlChart {
  const { row, col } = chart.dataAt;
  const n = chart.categories.length;
  const block = ws.getRange(`${a1(row, col)}:${a1(row + n, col + 1)}`);
  // formats first: a zone name is text, never parsed as a number or a date
  block.numberFormat = [['@', '@'], ...chart.categories.map(() => ['@', chart.numberFormat])];
  block.values = [['开发区', chart.seriesName], ...chart.categories.map((name, i) => [name, chart.values[i]])];

  const c = ws.charts.add('BarClustered', block, 'Columns');
  c.name = CHART_NAME;
  c.title.text = chart.title;
  c.legend.visible = false;
  c.dataLabels.showValue = true;
  // a bar chart draws the first category at the bottom: reversed, the list reads top-down as in the sheet
  c.axes.categoryAxis.reversePlotOrder = true;
  const [start, end] = chart.placeAt.split(':');
  c.setPosition(start, end);
  const points = c.series.getItemAt(0).points;
  chart.colors.forEach((colour, i) => points.getItemAt(i).format.fill.setSolidColor(`#${colour}`));
  return c;
}
