/**
 * The one-page view's native chart in Excel (OutSheet.chart): a clustered bar chart of the key
 * indicator's growth by zone, each bar filled with its zone's warning colour. Its data block (zone,
 * growth) is written beside the print area, then the chart is added over `placeAt` — all queued in
 * the caller's batch, no sync here (not one per point). Charts, titles, data labels and point fills
 * are ExcelApi 1.1; the category axis's reversePlotOrder (first zone at the top) is 1.7, and without
 * it the rows are written bottom-up so the highest growth still comes first.
 */
import { a1 } from '../domain/a1';
import type { OutChart } from '../domain/output/sheet-model';
import type { SetSupport, XlChart, XlWorksheet } from './api';

export const CHART_NAME = '一页纸增速图';

export function queueLevelChart(ws: XlWorksheet, chart: OutChart, supports: SetSupport): XlChart {
  const reverse = supports('ExcelApi', '1.7');
  const order = chart.categories.map((_, i) => i);
  if (!reverse) order.reverse(); // a bar chart draws the first category at the bottom
  const { row, col } = chart.dataAt;
  const n = order.length;
  const block = ws.getRange(`${a1(row, col)}:${a1(row + n, col + 1)}`);
  // formats first: a zone name is text, never parsed as a number or a date
  block.numberFormat = [['@', '@'], ...order.map(() => ['@', chart.numberFormat])];
  block.values = [['开发区', chart.seriesName], ...order.map((i) => [chart.categories[i], chart.values[i]])];

  const c = ws.charts.add('BarClustered', block, 'Columns');
  c.name = CHART_NAME;
  c.title.text = chart.title;
  c.legend.visible = false;
  c.dataLabels.showValue = true;
  if (reverse) c.axes.categoryAxis.reversePlotOrder = true;
  const [start, end] = chart.placeAt.split(':');
  c.setPosition(start, end);
  const points = c.series.getItemAt(0).points;
  order.forEach((i, k) => points.getItemAt(k).format.fill.setSolidColor(`#${chart.colors[i]}`));
  return c;
}
