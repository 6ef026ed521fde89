/**
 * Builds test/equivalence/recognition-corpus.json.gz: every sheet the test suites handed to
 * recogniseSheet (recorded by record-setup.js), the sample generator's workbooks, the same written to
 * .xlsx and saved again by LibreOffice, and a few thousand random grids — each with the output the
 * recogniser gave when the corpus was built. recognition.test.ts checks that the recogniser still
 * gives exactly that output, so restructuring recognition cannot change a record or a finding
 * unnoticed. Run once, with the code whose output is to be kept:
 *
 *   RECORD_RECOGNITION_DIR=/tmp/rec npx jest src/domain … --setupFilesAfterEnv ./test/equivalence/record-setup.js
 *   node -e "require('./bench/ts-hook'); require('./test/equivalence/build-corpus').main('/tmp/rec')"
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { defaultConfig } from '../../src/domain/config/validate';
import type { Config } from '../../src/domain/config/schema';
import { buildRegister } from '../../src/domain/recognise/register';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { clerkMistakes, outSheetToGrid, registerSheet, reportSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import type { Cell, Period, SheetGrid, Zone } from '../../src/domain/types';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { CANONICAL_HEADER } from '../../src/domain/recognise/grid-fixture';
import { CORPUS_FILE, type Corpus, type CorpusEntry } from './corpus';



interface Input {
  source: string;
  sheet: SheetGrid;
  config: Config | null;
  register: Zone[] | null;
  fallbackYear: number | null;
}

/** Sheets of the sample generator: several months, a clerk's mistakes, the empty template, the register. */
function sampleInputs(): Input[] {
  const zones = sampleRegister(12);
  const out: Input[] = [];
  const months: Period[] = [
    { year: 2026, month: 1 }, { year: 2026, month: 2 }, { year: 2026, month: 6 },
    { year: 2026, month: 9 }, { year: 2026, month: 12 }, { year: 2025, month: 9 },
  ];
  for (const p of months) {
    sampleMonth(zones, p).forEach((zm, i) => {
      const overrides = i === 1 || i === 7 ? clerkMistakes(zm.values) : undefined;
      const sheet = outSheetToGrid(reportSheet(zm.zone, p, zm.values, { overrides }));
      out.push({ source: `sample ${p.year}-${p.month} ${zm.zone.code}`, sheet, config: null, register: zones, fallbackYear: null });
      if (i < 3) out.push({ source: `sample ${p.year}-${p.month} ${zm.zone.code} (no register)`, sheet, config: null, register: null, fallbackYear: null });
    });
  }
  out.push({ source: 'sample template', sheet: outSheetToGrid(reportSheet(null, null, null, { sheetName: '月报模板' })), config: null, register: zones, fallbackYear: null });
  out.push({ source: 'sample register', sheet: outSheetToGrid(registerSheet(zones)), config: null, register: null, fallbackYear: null });
  return out;
}

/** The sample workbooks written to .xlsx, opened and saved again by LibreOffice, read back by the .xlsx port. */
async function libreOfficeInputs(): Promise<Input[]> {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status !== 0) return [];
  const zones = sampleRegister(4);
  const p: Period = { year: 2026, month: 9 };
  const month = sampleMonth(zones, p);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-corpus-'));
  const out: Input[] = [];
  try {
    const port = XlsxWorkbookPort.create('lo.xlsx');
    await port.writeSheets(month.map((zm, i) => reportSheet(zm.zone, p, zm.values, { overrides: i === 1 ? clerkMistakes(zm.values) : undefined })));
    const src = path.join(dir, 'in', 'lo.xlsx');
    fs.mkdirSync(path.dirname(src), { recursive: true });
    fs.writeFileSync(src, await port.toBytes());
    const profile = 'file://' + path.join(dir, 'profile');
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), src], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) return [];
    const saved = await XlsxWorkbookPort.open(fs.readFileSync(path.join(dir, 'out', 'lo.xlsx')), 'lo.xlsx');
    const wb = await saved.readWorkbook();
    for (const sheet of wb.sheets) out.push({ source: `libreoffice ${sheet.name}`, sheet, config: null, register: zones, fallbackYear: null });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const WORDS = [
  '指标名称', '代码', '计量单位', '本月', '1-本月累计', '1-9月', '上年同期累计', '同比增长(%)', '年度目标', '说明', '增长%', '本年累计', '累计',
  '2026年1-9月', '2025年1-9月', '上年同期', '同比', '项目', '单位', '备注',
  '填报单位:辽滨经开区', '统计期:2026年9月', '统计期:9月', '统计期', '9月', '1-8月', '2026年第三季度', '金额单位:亿元', '金额单位:吨', '开发区代码:G1', '单位:万元', '单位:亿元、%',
  '规模以上工业总产值', '其中:税收收入', '税收收入', '非税收入', '一般公共预算收入', '税收占比', '实际使用外资', '规上工业增加值增速', '固投', '规上工业企业数', '01', '12', '14', 1, 12,
  '万元', '亿元', '万美元', '千元', '%', '个', '—', '-', '--', '无', '…', '１２３，４５６．７', '3.5亿元', '12.3%', '12.3(5)', '上年为1.43', '-3.9个百分点', '新增', '扭亏为盈',
  'abc', '填表人:', '注:', '甲', '按区划分', '(一)工业', '#出口交货值',
];
const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...WORDS).map((v): Cell => ({ v })),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((v): Cell => ({ v })),
  fc.integer({ min: 0, max: 1000 }).map((v): Cell => ({ v })),
  fc.constantFrom<Cell>(
    { v: { error: '#DIV/0!' }, f: 'A1/B1' }, { v: null, f: 'SUM(A1)', noResult: true }, { v: { date: '2026-09-30' } },
    { v: 0.5, fmt: '0.0%' }, { v: 3, fmt: '0"亿元"' }, { v: 12.5, fmt: '#,##0' }, { v: 12.25, fmt: '0.0' }, { v: 46000, fmt: 'yyyy-mm-dd' }, { v: 1234567, fmt: '#,##0,,' },
  ),
);
const HEADERS: (string | null)[][] = [
  CANONICAL_HEADER,
  ['指标名称', '计量单位', '本月', '增长%', '1-本月累计', '上年同期累计', '增长%'],
  ['项目', '2026年1-9月', '2025年1-9月', '增长%'],
  ['指标', '单位', '本年累计', '上年同期', '同比'],
];

/** Random grids of report words around a report header, as the property test builds them, from a fixed seed. */
function randomInputs(n: number): Input[] {
  const rowsArb = fc
    .tuple(fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 12 }), fc.option(fc.nat({ max: 4 }), { nil: null }), fc.nat({ max: HEADERS.length - 1 }))
    .map(([rows, at, h]) => {
      if (at === null) return rows;
      const out = [...rows];
      out.splice(Math.min(at, out.length), 0, HEADERS[h].map((v): Cell | undefined => (v === null ? undefined : { v })));
      return out;
    });
  const sheetArb = fc.record({
    name: fc.constantFrom('Sheet1', '辽滨', '2026年9月', '9月', '辽滨经开区2026年8月'),
    rows: rowsArb,
    merges: fc.array(fc.constantFrom('A1:I1', 'A1:A2', 'D3:E3', 'B2:C9', 'B1:C1'), { maxLength: 2 }),
  });
  const zones: Zone[] = [{ code: 'G1', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区'], level: null, type: null, city: null, province: null }];
  const samples = fc.sample(fc.tuple(sheetArb, fc.boolean(), fc.option(fc.constant(2026), { nil: null })), { numRuns: n, seed: 20261205 });
  return samples.map(([sheet, withRegister, fallbackYear], i) => ({
    source: `random ${i}`,
    sheet,
    config: null,
    register: withRegister ? zones : null,
    fallbackYear,
  }));
}

function recordedInputs(dir: string | undefined): Input[] {
  if (!dir) return [];
  const out: Input[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.jsonl')) continue;
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l !== '');
    lines.forEach((l, i) => {
      const e = JSON.parse(l) as { test: string; sheet: SheetGrid; config: Config; register: Zone[] | null; fallbackYear: number | null };
      out.push({ source: `${e.test}#${i}`, sheet: e.sheet, config: e.config, register: e.register, fallbackYear: e.fallbackYear });
    });
  }
  return out;
}

/** JSON holes (a blank cell) back to undefined, as a port hands them over. */
export function reviveSheet(sheet: SheetGrid): SheetGrid {
  return { ...sheet, rows: sheet.rows.map((row) => (row ?? []).map((c) => (c === null ? undefined : c))) };
}

export async function main(recordDir?: string): Promise<void> {
  const defaultJson = JSON.stringify(defaultConfig());
  const inputs = [...recordedInputs(recordDir), ...sampleInputs(), ...(await libreOfficeInputs()), ...randomInputs(3000)];
  const configs: Config[] = [];
  const configKeys = new Map<string, number>();
  const registers: Zone[][] = [];
  const registerKeys = new Map<string, number>();
  const seen = new Set<string>();
  const entries: CorpusEntry[] = [];
  for (const input of inputs) {
    const sheet = reviveSheet(JSON.parse(JSON.stringify(input.sheet)) as SheetGrid);
    let config: number | null = null;
    if (input.config) {
      const k = JSON.stringify(input.config);
      if (k !== defaultJson) {
        if (!configKeys.has(k)) {
          configKeys.set(k, configs.length);
          configs.push(input.config);
        }
        config = configKeys.get(k) as number;
      }
    }
    let register: number | null = null;
    if (input.register) {
      const k = JSON.stringify(input.register);
      if (!registerKeys.has(k)) {
        registerKeys.set(k, registers.length);
        registers.push(input.register);
      }
      register = registerKeys.get(k) as number;
    }
    const key = JSON.stringify([sheet, config, register, input.fallbackYear]);
    if (seen.has(key)) continue;
    seen.add(key);
    const ctx = {
      config: config === null ? defaultConfig() : configs[config],
      register: register === null ? null : buildRegister(registers[register]).register,
      fallbackYear: input.fallbackYear,
    };
    const expected = JSON.parse(JSON.stringify(recogniseSheet(sheet, ctx))) as unknown;
    entries.push({ source: input.source, sheet, config, register, fallbackYear: input.fallbackYear, expected });
  }
  const corpus: Corpus = { built: new Date().toISOString().slice(0, 10), configs, registers, entries };
  fs.writeFileSync(CORPUS_FILE, gzipSync(JSON.stringify(corpus), { level: 9 }));
  process.stdout.write(`${entries.length} entries (${inputs.length} inputs) → ${path.relative(process.cwd(), CORPUS_FILE)} ${fs.statSync(CORPUS_FILE).size} bytes\n`);
}
