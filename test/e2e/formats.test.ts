/**
 * @jest-environment node
 *
 * The pane in a real browser reads every format the command line reads, in its reader thread (a Web
 * Worker), with the same result: the sample reports as .xls, .ods, HTML, SpreadsheetML 2003, GB18030
 * CSV and under wrong extensions (test/formats/fixtures.ts) show the same counts as
 * `zone-report check --json` over the same files; an OpenDocument set (which LibreOffice writes
 * without loss) shows the .xlsx set's errors and warnings, plus one note per file; "add zone
 * workbooks" takes .xls files into a summary; a legacy file's annotated copy downloads as .xlsx.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { CheckReport } from '../../src/domain/types';
import { readWorkbookBytes } from '../../src/xlsx/open/read-workbook';
import { cli, formatFixtures, hasSoffice, type FormatFixtures } from '../formats/fixtures';
import { ensurePaneBuilt, launchBrowser, routeOfficeJs, screenshot, serveDist, type Browser, type Served } from './harness';

jest.setTimeout(600_000);
const maybe = hasSoffice ? describe : describe.skip;

let fx: FormatFixtures;
let served: Served;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!hasSoffice) return;
  fx = await formatFixtures();
  ensurePaneBuilt();
  served = await serveDist();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await routeOfficeJs(page, 'local');
  await page.goto(served.url);
  await page.getByTestId('pane').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Totals {
  error: number;
  warning: number;
  info: number;
}

const filesOf = (folder: string): string[] => fs.readdirSync(folder).sort().map((f) => path.join(folder, f));
const withBooks = (files: string[]): string[] => [fx.register('xlsx'), fx.history('xlsx'), ...files];

function cliTotals(files: string[]): Totals {
  const r = cli(['check', ...files, '--json'], fx.dir);
  if (r.code !== 0 && r.code !== 1) throw new Error(`check exited ${r.code}: ${r.err}`);
  const report = JSON.parse(r.out) as CheckReport;
  expect(report.files.filter((f) => f.inputError !== null)).toEqual([]);
  return report.totals;
}

/** A fresh page (no earlier results), these files opened and checked: the counts shown. */
async function paneTotals(files: string[]): Promise<Totals> {
  await page.goto(served.url);
  await page.getByTestId('pane').waitFor();
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('opened-list').waitFor();
  await page.getByRole('button', { name: '检查整个工作簿' }).click();
  const counts = page.getByTestId('counts');
  await counts.waitFor({ timeout: 120_000 });
  const text = (await counts.textContent()) ?? '';
  const m = /(\d+) 个错误, (\d+) 个警告, (\d+) 个提示/.exec(text);
  if (!m) throw new Error(`counts: ${text}`);
  return { error: Number(m[1]), warning: Number(m[2]), info: Number(m[3]) };
}

maybe('the pane reads every format', () => {
  it.each(['xls', 'ods', 'html', 'xml2003', 'csv-gb18030', 'renamed'])('%s: the counts of zone-report check over the same files', async (folder) => {
    const files = withBooks(filesOf(folder === 'renamed' ? fx.renamed : fx.folder(folder)));
    const expected = cliTotals(files);
    expect(await paneTotals(files)).toEqual(expected);
    if (folder === 'xls') await screenshot(page, 'formats-xls');
  });

  it('shows an OpenDocument set as the .xlsx set, plus one note naming the format per file', async () => {
    const xlsx = await paneTotals(withBooks(filesOf(fx.folder('xlsx'))));
    const ods = await paneTotals(withBooks(filesOf(fx.folder('ods'))));
    expect(ods).toEqual({ ...xlsx, info: xlsx.info + fx.zones.length });
    await page.getByText('OpenDocument 电子表格(.ods)', { exact: false }).first().waitFor();
  });

  it('downloads a legacy file\'s annotated copy as an .xlsx of its cells', async () => {
    await paneTotals(withBooks(filesOf(fx.folder('xls'))));
    const download = page.waitForEvent('download');
    await page.getByTestId('download-annotated').click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/-核查\.xlsx$/);
    const saved = path.join(fx.dir, 'pane-' + d.suggestedFilename());
    await d.saveAs(saved);
    const copy = await readWorkbookBytes(new Uint8Array(fs.readFileSync(saved)), path.basename(saved));
    const source = path.join(fx.folder('xls'), d.suggestedFilename().replace(/-核查\.xlsx$/, '.xls'));
    const original = await readWorkbookBytes(new Uint8Array(fs.readFileSync(source)), path.basename(source));
    if (!copy.ok || !original.ok) throw new Error('unreadable');
    expect(copy.format).toBe('xlsx');
    expect(copy.sheets[0].rows).toEqual(original.sheets[0].rows);
    expect(copy.sheets.map((s) => s.name)).toContain('核查结果');
  });

  it('takes .xls files into a summary through "add zone workbooks"', async () => {
    await page.goto(served.url);
    await page.getByTestId('pane').waitFor();
    await page.getByTestId('open-files-input').setInputFiles([fx.register('xls'), fx.history('ods')]);
    await page.getByTestId('opened-list').waitFor();
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('summary-files').setInputFiles(filesOf(fx.folder('xls')));
    await page.getByTestId('build-summary').click();
    await page.getByTestId('zone-table').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('zone-row').count()).toBe(fx.zones.length);
  });

  it('loads SheetJS only in the reader thread\'s own chunk, never from another host', () => {
    const own = new URL(served.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(own) && !/appsforoffice/.test(u));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => /read-worker\.[0-9a-f]+\.chunk\.js$/.test(u))).toBe(true);
  });
});
