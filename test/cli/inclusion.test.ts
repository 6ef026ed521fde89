/**
 * `summary --include` end to end (rules.md §6, the audit's first two findings): a clean sample zone
 * whose 固定资产投资 上年同期累计 is typed −1 (a V-SIGN error) and which the bureau includes anyway.
 * It must come out gray (no score, no level), its clean figures counted, and the −1 base missing for
 * every total, rank and comparator: the city's 固投 growth is that of the other four zones, never
 * 1060000/749999-style nonsense, and no zone is compared with such a figure.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run, tempDir } from './helpers';

const ZONE = 'G210802'; // 营口高新技术产业开发区, clean in the sample
let dir: string;
let summary: SummaryJson;

interface IndicatorJson { ytd: number | null; base: number | null; yoy: number | null; yoyLabel: string | null; counted: boolean; rank: unknown }
interface ZoneJson {
  zone: { code: string; city: string };
  status: string;
  includedWithErrors: boolean;
  score: number | null;
  scoreRank: unknown;
  indicators: Record<string, IndicatorJson>;
  warning: { level: string; triggers: { rule: string; indicator: string | null; detail: { cityTotal: number | null } }[] };
}
interface SummaryJson {
  zones: ZoneJson[];
  totals: { city: Record<string, Record<string, { ytd: number; base: number; yoy: number | null; zones: number }>> };
}

beforeAll(async () => {
  dir = tempDir('include');
  expect((await run(['sample', '--out', dir])).code).toBe(0);
  const file = path.join(dir, '2026-09', '营口高新技术产业开发区.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  let done = false;
  ws.eachRow((row) => {
    if (String(row.getCell(2).value) === '08') {
      row.getCell(6).value = -1; // 上年同期累计
      done = true;
    }
  });
  expect(done).toBe(true);
  await wb.xlsx.writeFile(file);
  const r = await run(['summary', path.join(dir, '2026-09'), '--register', path.join(dir, '开发区名录.xlsx'), '--json', '--include', ZONE]);
  summary = JSON.parse(r.out) as SummaryJson;
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('the included zone is listed gray: no score, no score rank, no level but gray', () => {
  const z = summary.zones.find((x) => x.zone.code === ZONE)!;
  expect(z).toMatchObject({ status: 'gray', includedWithErrors: true, score: null, scoreRank: null, warning: { level: 'gray' } });
  expect(z.warning.triggers.map((t) => t.rule)).toEqual(['W-DATA']);
});

test('its −1 base counts nowhere; its clean figures do', () => {
  const z = summary.zones.find((x) => x.zone.code === ZONE)!;
  expect(z.indicators['08']).toMatchObject({ base: -1, counted: false, yoy: null, yoyLabel: null, rank: null });
  expect(z.indicators['01'].counted).toBe(true);
  expect(z.indicators['01'].rank).not.toBeNull();
  const city = summary.totals.city[z.zone.city];
  // 固投 over the other four zones of the city only
  const others = summary.zones.filter((x) => x.zone.city === z.zone.city && x.zone.code !== ZONE && x.indicators['08'].counted);
  const sum = (k: 'ytd' | 'base') => others.reduce((a, x) => a + (x.indicators['08'][k] as number), 0);
  expect(city['08'].zones).toBe(others.length);
  expect(city['08'].ytd).toBeCloseTo(sum('ytd'), 6);
  expect(city['08'].base).toBeCloseTo(sum('base'), 6);
  expect(city['08'].yoy).toBe(Math.round(((sum('ytd') / sum('base')) - 1) * 1000) / 10);
  // 01 includes it
  const with01 = summary.zones.filter((x) => x.zone.city === z.zone.city && x.indicators['01'].counted);
  expect(with01.map((x) => x.zone.code)).toContain(ZONE);
  expect(city['01'].zones).toBe(with01.length);
});

test('every comparator with the city is the clean city total', () => {
  for (const z of summary.zones) {
    for (const t of z.warning.triggers.filter((x) => x.indicator === '08' && x.detail.cityTotal !== null && (x.rule === 'W-TARGET' || x.rule === 'W-NEG'))) {
      expect(t.detail.cityTotal).toBe(summary.totals.city[z.zone.city]['08'].yoy);
    }
  }
});
