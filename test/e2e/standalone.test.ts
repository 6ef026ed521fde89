/**
 * @jest-environment node
 *
 * The pane in a real browser (standalone mode, served from dist/): opens the sample workbooks and
 * shows the same finding counts as `zone-report check --json`; summary ranks and warning levels;
 * a bad configuration refused with every problem; the downloaded annotated workbook keeps the
 * user's cells; a page whose office.js fails to load shows a message. Screenshots of each tab go
 * to test-output/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { parseConfigText, defaultConfig } from '../../src/domain/config/validate';
import type { SummaryReport } from '../../src/domain/summary/types';
import { growthCell, oneDecimal, rankText } from '../../src/taskpane/format';
import { docxPart, docxParagraphs } from '../docx-text';
import { ROOT, ensureCliBuilt, ensurePaneBuilt, launchBrowser, routeOfficeJs, screenshot, serveDist, type Browser, type Served } from './harness';

jest.setTimeout(240_000);

let served: Served;
let browser: Browser;
let tmp: string;
let files: string[];
let totals: { error: number; warning: number; info: number };
/** the zone the include test includes: the bulletin test drafts the same summary with the CLI */
let includedCode = '';
const cspViolations: string[] = [];

function listXlsx(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(dir, f));
}

beforeAll(async () => {
  ensureCliBuilt();
  ensurePaneBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-e2e-'));
  const samples = path.join(tmp, 'samples');
  const gen = spawnSync('node', [path.join(ROOT, 'bin', 'zone-report.js'), 'sample', '--out', samples], { cwd: ROOT, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`sample failed: ${gen.stderr}`);
  const zoneFiles = listXlsx(path.join(samples, '2026-09'));
  files = [path.join(samples, '开发区名录.xlsx'), path.join(samples, '历史数据.xlsx'), ...zoneFiles];
  const check = spawnSync('node', [path.join(ROOT, 'bin', 'zone-report.js'), 'check', ...files, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (check.status === 2 || !check.stdout) throw new Error(`check failed: ${check.stderr}`);
  totals = (JSON.parse(check.stdout) as { totals: typeof totals }).totals;
  served = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // office.js frames a telemetry page the CSP rightly blocks; any other violation (eval, inline script) is a bug.
    if (m.type() === 'error' && m.text().includes('Content Security Policy') && !m.text().startsWith('Framing')) cspViolations.push(m.text());
  });
  await routeOfficeJs(page, 'local');
  await page.goto(served.url);
  await page.getByTestId('pane').waitFor();
  expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('standalone');
  expect(errors).toEqual([]);
  return page;
}

async function openAndCheck(page: Page): Promise<void> {
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('opened-list').waitFor();
  await page.getByRole('button', { name: '检查整个工作簿' }).click();
  await page.getByTestId('counts').waitFor({ timeout: 120_000 });
}

describe('standalone pane in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPane();
    await openAndCheck(page);
  });
  afterAll(async () => {
    await page?.close();
    expect(cspViolations).toEqual([]);
  });

  it('shows the same finding counts as zone-report check --json', async () => {
    expect(totals.error + totals.warning + totals.info).toBeGreaterThan(0);
    await expect(page.getByTestId('counts').textContent()).resolves.toBe(
      `${totals.error} 个错误, ${totals.warning} 个警告, ${totals.info} 个提示`,
    );
    await expect(page.getByTestId('finding').count()).resolves.toBe(totals.error + totals.warning + totals.info);
    // the check ran in the engine thread (a Web Worker), not on the page
    expect(page.workers().some((w) => /engine-worker\.[0-9a-f]+\.chunk\.js$/.test(w.url()))).toBe(true);
    await screenshot(page, '1-check');
  });

  it('checks on the page where there is no Web Worker, showing the very same findings', async () => {
    const bare = await browser.context.newPage();
    const errors: string[] = [];
    bare.on('pageerror', (e) => errors.push(e.message));
    // an embedded browser without workers: neither the reader nor the engine thread can start
    await bare.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
    await routeOfficeJs(bare, 'local');
    await bare.goto(served.url);
    await bare.getByTestId('pane').waitFor();
    await openAndCheck(bare);
    try {
      expect(bare.workers()).toEqual([]);
      await expect(bare.getByTestId('counts').textContent()).resolves.toBe(await page.getByTestId('counts').textContent());
      await expect(bare.getByTestId('finding').allTextContents()).resolves.toEqual(await page.getByTestId('finding').allTextContents());
      expect(errors).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('downloads an annotated workbook whose user cells are unchanged', async () => {
    const downloads: Promise<import('playwright-core').Download>[] = [];
    const first = page.waitForEvent('download');
    downloads.push(first);
    await page.getByTestId('download-annotated').click();
    const d = await first;
    const saved = path.join(tmp, d.suggestedFilename());
    await d.saveAs(saved);
    const originalName = d.suggestedFilename().replace(/-核查\.xlsx$/, '.xlsx');
    const original = files.find((f) => path.basename(f) === originalName);
    if (!original) throw new Error(`no original for ${d.suggestedFilename()}`);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(original);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(saved);
    expect(b.getWorksheet('核查结果')).toBeTruthy();
    let compared = 0;
    a.eachSheet((ws) => {
      const out = b.getWorksheet(ws.name);
      expect(out).toBeTruthy();
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const other = out?.getCell(r, c);
          expect([ws.name, cell.address, JSON.stringify(other?.value)]).toEqual([ws.name, cell.address, JSON.stringify(cell.value)]);
          expect([cell.address, other?.numFmt]).toEqual([cell.address, cell.numFmt]);
          compared++;
        });
      });
    });
    expect(compared).toBeGreaterThan(20);
  });

  it('shows the summary with ranks', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('build-summary').click();
    await page.getByTestId('zone-table').waitFor({ timeout: 120_000 });
    const rows = page.getByTestId('zone-row');
    expect(await rows.count()).toBeGreaterThan(1);
    const ranks = await page.getByTestId('city-rank').allTextContents();
    expect(ranks.some((r) => /第\d+位\/共\d+个/.test(r))).toBe(true);
    await expect(page.getByTestId('growth-chart').count()).resolves.toBe(1);
    await screenshot(page, '2-summary');
  });

  it('includes a refused zone when asked: it stays gray and every figure equals `summary --include`', async () => {
    const first = page.getByTestId('refused-zone').first();
    const code = await first.getAttribute('data-zone');
    if (!code) throw new Error('no refused zone in the sample');
    includedCode = code;
    const ratedBefore = await page.locator('[data-testid="zone-row"][data-status="rated"]').count();
    await first.getByRole('checkbox').check();
    await page.locator(`[data-testid="zone-row"][data-zone="${code}"][data-included="true"]`).waitFor({ timeout: 60_000 });
    // rules.md §6: listed, gray, not rated
    expect(await page.locator(`[data-testid="zone-row"][data-zone="${code}"]`).getAttribute('data-status')).toBe('gray');
    expect(await page.locator('[data-testid="zone-row"][data-status="rated"]').count()).toBe(ratedBefore);
    const [register, history, ...zoneFiles] = files;
    const cli = spawnSync('node', [path.join(ROOT, 'bin', 'zone-report.js'), 'summary', ...zoneFiles, '--register', register, '--history', history, '--json', '--include', code], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const s = JSON.parse(cli.stdout) as SummaryReport;
    const select = page.getByTestId('summary-indicator');
    const codes = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(codes.length).toBeGreaterThan(1);
    let notCounted = 0;
    for (const ind of codes) {
      await select.selectOption(ind);
      const shown = await page.getByTestId('zone-row').evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-zone'),
          r.getAttribute('data-status'),
          r.querySelector('[data-testid="growth"]')?.textContent ?? '',
          r.querySelector('[data-testid="city-rank"]')?.textContent ?? '',
          r.querySelector('[data-testid="score"]')?.textContent ?? '',
        ]),
      );
      const expected = s.zones.map((z) => {
        const f = z.indicators[ind];
        const excluded = z.includedWithErrors && f && !f.counted && f.ytd !== null;
        if (excluded) notCounted++;
        return [
          z.zone.code,
          z.status,
          excluded ? '有误,未计入' : f ? growthCell(f.yoy, f.yoyLabel, 'zh') : '—',
          rankText(f?.rank?.city ?? null, 'zh'),
          oneDecimal(z.score),
        ];
      });
      expect(shown).toEqual(expected);
    }
    // the sample's refused zone has errors on reported figures: the pane says they are not counted
    expect(notCounted).toBeGreaterThan(0);
  });

  it('shows the warnings, red first, with levels', async () => {
    await page.getByRole('tab', { name: '预警' }).click();
    await page.getByTestId('legend').waitFor();
    const levels = await page.getByTestId('warning-zone').evaluateAll((els) => els.map((e) => e.getAttribute('data-level') ?? ''));
    expect(levels.length).toBeGreaterThan(1);
    const order = ['red', 'orange', 'yellow', 'green', 'gray'];
    const idx = levels.map((l) => order.indexOf(l));
    expect(idx.every((v) => v >= 0)).toBe(true);
    expect([...idx].sort((x, y) => x - y)).toEqual(idx);
    await screenshot(page, '3-warnings');
  });

  it('downloads the quarterly bulletin: the text of `summary --bulletin`, 草稿 until 定稿 is ticked', async () => {
    const save = async () => {
      const d = page.waitForEvent('download');
      await page.getByTestId('download-bulletin').click();
      const file = path.join(tmp, (await d).suggestedFilename());
      await (await d).saveAs(file);
      return { name: (await d).suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const draft = await save();
    expect(draft.name).toBe('2026年三季度开发区运行及预警通报(草稿).docx');
    const [register, history, ...zoneFiles] = files;
    const cliDocx = path.join(tmp, 'cli-通报.docx');
    const cli = spawnSync('node', [path.join(ROOT, 'bin', 'zone-report.js'), 'summary', ...zoneFiles, '--register', register, '--history', history,
      '--include', includedCode, '--bulletin', cliDocx], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    const text = await docxParagraphs(draft.bytes);
    expect(text).toEqual(await docxParagraphs(fs.readFileSync(cliDocx)));
    expect(text[0]).toBe('2026年三季度全省开发区主要经济指标');
    // the included zone is said as included (section 四)
    expect(text.some((p) => p.includes('经确认纳入汇总'))).toBe(true);
    expect(await docxPart(draft.bytes, 'word/header1.xml')).toContain('草稿');
    await page.getByTestId('bulletin').getByRole('checkbox').check();
    const final = await save();
    expect(final.name).toBe('2026年三季度开发区运行及预警通报.docx');
    expect(await docxParagraphs(final.bytes)).toEqual(text);
    expect(await docxPart(final.bytes, 'word/header1.xml')).not.toContain('草稿');
  });

  it('refuses a bad configuration file with every problem listed', async () => {
    await page.getByRole('tab', { name: '设置' }).click();
    const cfg = JSON.parse(JSON.stringify(defaultConfig())) as {
      catalogue: { kind: string }[];
      thresholds: { tolMin: number };
      warnings: { paceYellowPp: number };
    };
    cfg.catalogue[1].kind = 'bogus';
    cfg.thresholds.tolMin = -1;
    cfg.warnings.paceYellowPp = -3;
    const text = JSON.stringify(cfg);
    const expected = parseConfigText(text);
    if (expected.ok) throw new Error('fixture should be invalid');
    const bad = path.join(tmp, 'bad-config.json');
    fs.writeFileSync(bad, text);
    await page.getByTestId('config-file').setInputFiles(bad);
    await page.getByTestId('config-refused').waitFor();
    expect(expected.problems.length).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('config-problem').allTextContents()).resolves.toEqual(expected.problems.map((p) => p.zh));
    await screenshot(page, '4-settings');
  });
});

describe('a city\'s table of its zones in standalone mode (template.md §5)', () => {
  it('checks it with the same counts as the command line and summarises its zones with the same ranks', async () => {
    const samples = path.join(tmp, 'samples');
    const tableFiles = [path.join(samples, '开发区名录.xlsx'), path.join(samples, '历史数据.xlsx'), ...listXlsx(path.join(samples, '2026-09-城市表'))];
    const cli = (cmd: string[]) => spawnSync('node', [path.join(ROOT, 'bin', 'zone-report.js'), ...cmd], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const check = JSON.parse(cli(['check', ...tableFiles, '--json']).stdout) as { totals: typeof totals };
    const [register, history, ...rest] = tableFiles;
    const s = JSON.parse(cli(['summary', ...rest, '--register', register, '--history', history, '--json']).stdout) as SummaryReport;
    const page = await openPane();
    await page.getByTestId('open-files-input').setInputFiles(tableFiles);
    await page.getByTestId('opened-list').waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.getByTestId('counts').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('counts').textContent()).resolves.toBe(`${check.totals.error} 个错误, ${check.totals.warning} 个警告, ${check.totals.info} 个提示`);
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('build-summary').click();
    await page.getByTestId('zone-table').waitFor({ timeout: 120_000 });
    await page.getByTestId('summary-indicator').selectOption('01');
    const shown = await page.getByTestId('zone-row').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-zone'), r.querySelector('[data-testid="growth"]')?.textContent ?? '', r.querySelector('[data-testid="city-rank"]')?.textContent ?? '']),
    );
    const expected = s.zones.map((z) => {
      const f = z.indicators['01'];
      return [z.zone.code, f ? growthCell(f.yoy, f.yoyLabel, 'zh') : '—', rankText(f?.rank?.city ?? null, 'zh')];
    });
    expect(shown).toEqual(expected);
    // the table's zones are there, ranked on the growth the table published
    const yingkou = s.zones.filter((z) => z.zone.city === '营口市');
    expect(yingkou.length).toBe(5);
    expect(yingkou.every((z) => z.indicators['01'].growthPublished && z.indicators['01'].rank?.city)).toBe(true);
    await expect(page.getByTestId('growth-published').first().textContent()).resolves.toContain('同比为报表公布数');
    await screenshot(page, '6-city-table-summary');
    await page.close();
  });
});

describe('office.js that fails to load', () => {
  it('shows a bilingual message, not a blank page', async () => {
    const page = await browser.context.newPage();
    await routeOfficeJs(page, 'missing');
    await page.goto(served.url);
    const msg = page.getByTestId('startup-message');
    await msg.waitFor();
    const text = (await msg.textContent()) ?? '';
    expect(text).toContain('无法加载 Office 组件');
    expect(text).toContain('Office could not be loaded');
    await screenshot(page, '5-office-missing');
    await page.close();
  });
});
