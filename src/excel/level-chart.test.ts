/**
 * 一页纸 written into Excel (against the fake): its native bar chart of the key growth by zone, each
 * bar in its level's colour, queued in the same batch as the sheet (no sync per point); its page
 * setup (A4 portrait, fit to 1 × 1, print area with the chart, header rows repeated) with ExcelApi
 * 1.9 and none without; bars still highest-first without 1.7's reversePlotOrder. The fake is strict
 * where Excel is: a point beyond the data or a bad print area fails the batch.
 */
import { B5_ERROR, checkReport, fullHistory, register, SEP, testConfig } from '../../test/fixtures/summary/fixture';
import { STYLES } from '../domain/output/sheet-model';
import { TOOL_SHEETS } from '../domain/port';
import { summarySheets } from '../domain/summary';
import { summarise } from '../domain/summary/summarise';
import { CHART_NAME, queueLevelChart } from './level-chart';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel, FakeOfficeError } from './testing/fake-excel';
import { PortError } from '../domain/port';

const config = testConfig();
const S = summarise({ report: checkReport('2026-09', SEP, [B5_ERROR]), register: register(), history: fullHistory(), config });
const sheets = summarySheets(S, config, 'zh');
const onePage = sheets.find((s) => s.name === TOOL_SHEETS.onePage)!;

async function write(opts: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const fx = new FakeExcel(opts);
  fx.addSheet('甲市A1', { rows: [['user data']] });
  await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).writeSheets(sheets);
  return fx;
}

test('the chart: one bar per rated zone, highest growth first, each filled with its level colour, in 2 syncs', async () => {
  const fx = await write();
  expect(fx.stats.syncs).toBe(2);
  const s = fx.sheet(TOOL_SHEETS.onePage)!;
  expect(s.charts).toHaveLength(1);
  const c = s.charts[0];
  expect(c).toMatchObject({ name: CHART_NAME, type: 'BarClustered', legendVisible: false, showValue: true, reversePlotOrder: true });
  const rated = S.zones.filter((z) => z.status === 'rated' && z.indicators['01'].yoy !== null);
  const expected = [...rated].sort((a, b) => b.indicators['01'].yoy! - a.indicators['01'].yoy!);
  expect(c.categories).toEqual(expected.map((z) => z.zone.name));
  expect(c.series).toHaveLength(1);
  expect(c.series[0].name).toBe('规模以上工业总产值同比(%)');
  expect(c.series[0].values).toEqual(expected.map((z) => z.indicators['01'].yoy));
  expect(c.series[0].pointFills).toEqual(expected.map((z) => `#${STYLES[z.warning.level].fill}`));
  expect(new Set(c.series[0].pointFills).size).toBeGreaterThan(1); // several levels in the fixture
  expect(c.title).toBe(onePage.chart!.title);
  const [start, end] = onePage.chart!.placeAt.split(':');
  expect(c.position).toEqual({ start, end });
});

test('the page setup with ExcelApi 1.9: A4 portrait, fit to one page, print area holding the chart, header rows repeated', async () => {
  const fx = await write();
  const p = fx.sheet(TOOL_SHEETS.onePage)!.page!;
  expect(p).toMatchObject({
    orientation: 'Portrait',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    printArea: onePage.chart!.printArea,
    printTitleRows: '$3:$4',
    centerHorizontally: true,
  });
  expect(p.margins).toEqual({ left: 28.8, right: 28.8, top: 36, bottom: 36, header: 21.6, footer: 21.6 });
  // the other sheets keep Excel's own page setup
  expect(fx.sheet(TOOL_SHEETS.summary)!.page).toBeUndefined();
});

test('without ExcelApi 1.9 the sheet and chart are written, the page setup is left to the user', async () => {
  const fx = await write({ api: '1.8' });
  expect(fx.stats.syncs).toBe(2);
  const s = fx.sheet(TOOL_SHEETS.onePage)!;
  expect(s.page).toBeUndefined();
  expect(s.charts).toHaveLength(1);
  expect(s.rows[0][0]?.v).toBe(onePage.rows[0][0].v);
});

test('below ExcelApi 1.7 the tool sheets (一页纸 and its chart among them) are refused before anything is written', async () => {
  const err = await write({ api: '1.6' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PortError);
  expect((err as PortError).zh).toContain('需要 ExcelApi 1.7');
});

test('the fake refuses what Excel refuses: a point beyond the data, a bad print area, a 1.9 call on an older host', async () => {
  const fx = new FakeExcel();
  fx.addSheet('S', { rows: [['x']] });
  const bad = { ...onePage.chart!, colors: [...onePage.chart!.colors, 'FF0000'], categories: onePage.chart!.categories };
  const err = await fx
    .run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const c = queueLevelChart(ws, bad);
      c.series.getItemAt(0).points.getItemAt(bad.categories.length).format.fill.setSolidColor('#FF0000');
      await ctx.sync();
    })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FakeOfficeError);
  expect((err as FakeOfficeError).code).toBe('InvalidArgument');
  const area = await fx
    .run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').pageLayout.setPrintArea('not a range');
      await ctx.sync();
    })
    .catch((e: unknown) => e);
  expect((area as FakeOfficeError).code).toBe('InvalidArgument');
  const old = new FakeExcel({ api: '1.8' });
  old.addSheet('S', { rows: [['x']] });
  const api = await old
    .run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').pageLayout.orientation = 'Portrait';
      await ctx.sync();
    })
    .catch((e: unknown) => e);
  expect((api as FakeOfficeError).code).toBe('ApiNotFound');
});
