/**
 * `zone-report summary` end to end on the sample files (written by `zone-report sample` into a temp
 * folder): the workbook holds 汇总, 预警清单 and 历史数据, the JSON is the SummaryReport, and an input
 * is never overwritten.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../main';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', errIsTTY: false, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zr-summary-'));
  expect(await main(['sample', '--out', dir], capture())).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('writes 汇总, 预警清单, 一页纸 and 历史数据; exit 1 because the sample has a zone with errors (gray)', async () => {
  const out = path.join(dir, 'out', '汇总.xlsx');
  const io = capture();
  const code = await main(['summary', path.join(dir, '2026-09'), '--register', path.join(dir, '开发区名录.xlsx'),
    '--history', path.join(dir, '历史数据.xlsx'), '--out', out], io);
  expect(code).toBe(1);
  expect(io.stdout).toContain('2026年9月');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '预警清单', '一页纸', '历史数据']);
  // 一页纸 prints on one A4 portrait page: its print area, header rows and fit-to-page are in the file
  const one = wb.getWorksheet('一页纸')!.pageSetup;
  expect(one).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '3:4' });
  expect(one.printArea).toMatch(/^A1:[A-Z]+\d+$/);
  const hist = wb.getWorksheet('历史数据')!;
  const periods = new Set<string>();
  hist.eachRow((row, n) => { if (n > 1) periods.add(String(row.getCell(1).value)); });
  expect(periods.has('2026-09')).toBe(true); // this month archived
  expect(periods.has('2026-06')).toBe(true); // history kept
});

test('--json prints the SummaryReport; --include all consolidates every reporting zone, those with errors still gray', async () => {
  const io = capture();
  const code = await main(['summary', path.join(dir, '2026-09'), '--register', path.join(dir, '开发区名录.xlsx'), '--json', '--include', 'all'], io);
  const s = JSON.parse(io.stdout);
  expect(s.schemaVersion).toBe('1');
  expect(s.period).toBe('2026-09');
  expect(s.quarterEnd).toBe(true);
  expect(s.zones.length).toBeGreaterThan(0);
  const gray = s.zones.filter((z: { status: string }) => z.status === 'gray');
  // the sample's zones with errors are included (consolidated) but not rated (rules.md §6)
  expect(gray.length).toBeGreaterThan(0);
  for (const z of gray) expect(z).toMatchObject({ includedWithErrors: true, score: null, scoreRank: null, warning: { level: 'gray' } });
  expect(code).toBe(1);
});

test('refuses to write over an input, and needs --out without --json', async () => {
  const input = path.join(dir, '开发区名录.xlsx');
  const before = await fs.readFile(input);
  const io = capture();
  expect(await main(['summary', path.join(dir, '2026-09'), '--register', input, '--out', input], io)).toBe(2);
  expect(io.stderr).toContain('不会覆盖');
  expect(Buffer.compare(before, await fs.readFile(input))).toBe(0);
  expect(await main(['summary', path.join(dir, '2026-09')], capture())).toBe(2);
});
