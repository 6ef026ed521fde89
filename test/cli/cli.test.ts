/**
 * End-to-end tests of `zone-report sample` and `zone-report check` through main(): exit codes, the
 * --json report, annotated copies (user cells unchanged), refusals and bilingual messages.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CheckReport } from '../../src/domain/types';
import { run, tempDir } from './helpers';
import { sheetsOf } from '../../src/xlsx/package/opc';
import { readPackage } from '../../src/xlsx/package/zip-parts';

const MISTAKES = '盘锦高新技术产业开发区.xlsx';
let dir: string;
let month: string;
let register: string;
let history: string;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file).buffer.slice(0));
  return wb;
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = tempDir('cli');
  const r = await run(['sample', '--out', dir]);
  expect(r.code).toBe(0);
  month = path.join(dir, '2026-09');
  register = path.join(dir, '开发区名录.xlsx');
  history = path.join(dir, '历史数据.xlsx');
});

describe('zone-report sample', () => {
  it('writes the template, register, history and one workbook per zone', () => {
    for (const f of ['月报模板.xlsx', '开发区名录.xlsx', '历史数据.xlsx']) expect(existsSync(path.join(dir, f))).toBe(true);
    expect(readdirSync(month).sort()).toHaveLength(10);
    expect(readdirSync(month)).toContain(MISTAKES);
  });

  it('rewrites its own samples, but never a workbook it did not write', async () => {
    expect((await run(['sample', '--out', dir])).code).toBe(0);
    const other = tempDir('foreign');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名录').getCell('A1').value = '用户自己的名录';
    writeFileSync(path.join(other, '开发区名录.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = sha(path.join(other, '开发区名录.xlsx'));
    const r = await run(['sample', '--out', other, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('was not overwritten');
    expect(sha(path.join(other, '开发区名录.xlsx'))).toBe(before);
    expect(readdirSync(other)).toEqual(['开发区名录.xlsx']);
  });

  it('refuses a bad --zones with both languages', async () => {
    const r = await run(['sample', '--zones', 'many', '--out', path.join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--zones 须为');
    expect(r.err).toContain('--zones must be');
  });
});

describe('zone-report check --json', () => {
  let report: CheckReport;
  let code: number;
  beforeAll(async () => {
    const r = await run(['check', month, '--register', register, '--history', history, '--json']);
    code = r.code;
    report = JSON.parse(r.out) as CheckReport; // stdout is the report and nothing else
  });

  it('exits 1 because the mistakes zone has errors, and reports every file with its sha256', () => {
    expect(code).toBe(1);
    expect(report.schemaVersion).toBe('1');
    expect(report.files).toHaveLength(10);
    for (const f of report.files) {
      expect(f.inputError).toBeNull();
      const abs = path.isAbsolute(f.file) ? f.file : path.resolve(f.file);
      expect(f.sha256).toBe(sha(abs));
    }
  });

  it('finds the typed mistakes, at their cells, and only in that zone', () => {
    const mine = report.findings.filter((f) => f.file?.endsWith(MISTAKES));
    const at = (rule: string) => mine.filter((f) => f.rule === rule).map((f) => f.cell);
    expect(at('V-PART')).toEqual(['E15']);
    expect(at('V-REQ')).toEqual(['F11']);
    expect(at('V-UNITSLIP')).toEqual(['E25']);
    expect(at('V-FORMULA-OVERWRITTEN')).toEqual(['G19']);
    expect(at('V-TEXTNUM').sort()).toEqual(['D20', 'D4']);
    const otherErrors = report.findings.filter((f) => f.level === 'error' && !f.file?.endsWith(MISTAKES));
    expect(otherErrors).toEqual([]);
    expect(report.totals.error).toBe(report.findings.filter((f) => f.level === 'error').length);
  });

  it('carries the growth labels of the sample: 新增 and 由盈转亏', () => {
    const records = report.files.flatMap((f) => f.sheets.flatMap((s) => s.records));
    const labels = records.map((r) => r.growth.label);
    expect(labels).toContain('新增');
    expect(labels).toContain('由盈转亏');
  });
});

describe('zone-report check (text)', () => {
  it('exits 0 on a clean workbook and prints the counts line', async () => {
    const r = await run(['check', path.join(month, '营口经济技术开发区.xlsx'), '--register', register, '--history', history]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 个错误');
    expect(r.err).toBe('');
  });

  it('speaks English with --lang en, errors first', async () => {
    const r = await run(['check', path.join(month, MISTAKES), '--register', register, '--history', history, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/6 errors, \d+ warnings, \d+ infos?/);
    const lines = r.out.split('\n').filter((l) => /^ {4}(error|warning|info) /.test(l));
    const firstWarning = lines.findIndex((l) => l.startsWith('    warning'));
    const lastError = lines.map((l) => l.startsWith('    error')).lastIndexOf(true);
    expect(lastError).toBeLessThan(firstWarning);
  });

  it('lists the rules not run when there is no history', async () => {
    const r = await run(['check', path.join(month, '营口经济技术开发区.xlsx'), '--register', register]);
    expect(r.out).toContain('未执行的规则');
    expect(r.out).toContain('V-BASE');
  });
});

describe('zone-report check --out', () => {
  it('writes annotated copies whose user cells equal the input’s, with highlights, notes and 核查结果', async () => {
    const out = path.join(tempDir('ann'), 'annotated');
    const r = await run(['check', month, '--register', register, '--history', history, '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(readdirSync(month).sort());
    const input = await load(path.join(month, MISTAKES));
    const annotated = await load(path.join(out, MISTAKES));
    const src = input.worksheets[0];
    const dst = annotated.getWorksheet(src.name);
    if (!dst) throw new Error('report sheet missing');
    src.eachRow({ includeEmpty: true }, (row, rn) => {
      row.eachCell({ includeEmpty: true }, (cell, cn) => {
        const other = dst.getCell(rn, cn);
        expect(other.value).toEqual(cell.value);
        expect(other.numFmt).toEqual(cell.numFmt);
        expect(other.formula).toEqual(cell.formula);
      });
    });
    // highlighted by a tool-owned conditional format (the cell's own fill is untouched)
    expect(dst.getCell('E15').fill).toEqual(src.getCell('E15').fill);
    const pkg = readPackage(new Uint8Array(readFileSync(path.join(out, MISTAKES))));
    const part = sheetsOf(pkg).find((s) => s.name === src.name)?.part ?? '';
    const sqrefs = [...new TextDecoder().decode(pkg.parts.get(part)).matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression"[^>]*><formula>ISTEXT\("ZoneReport:highlight"\)</g)].map((m) => m[1]);
    const covers = (area: string): boolean => {
      const m = /^E(\d+)(?::E(\d+))?$/.exec(area);
      return m !== null && Number(m[1]) <= 15 && Number(m[2] ?? m[1]) >= 15;
    };
    expect(sqrefs.join(' ').split(' ').some(covers)).toBe(true);
    expect(String(dst.getCell('E15').note)).toContain('V-PART');
    expect(dst.getCell('A4').note).toBeUndefined();
    const findings = annotated.getWorksheet('核查结果');
    expect(String(findings?.getCell('A1').value)).toContain('6 个错误');
    // checking the annotated copy finds exactly what checking the input found
    const key = (rep: CheckReport) => rep.findings.map((f) => `${f.rule} ${f.sheet} ${f.cell}`).sort();
    const a = await run(['check', path.join(month, MISTAKES), '--register', register, '--history', history, '--json']);
    const b = await run(['check', path.join(out, MISTAKES), '--register', register, '--history', history, '--json']);
    expect(key(JSON.parse(b.out) as CheckReport)).toEqual(key(JSON.parse(a.out) as CheckReport));
  });

  it('keeps the pictures of the original in the annotated copy (the copy is a patch on the original package)', async () => {
    const work = tempDir('img');
    const wb = await load(path.join(month, '营口经济技术开发区.xlsx'));
    // a 1×1 PNG
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const id = wb.addImage({ base64: png, extension: 'png' });
    wb.worksheets[0].addImage(id, 'K2:L4');
    const file = path.join(work, 'img.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await run(['check', file, '--register', register, '--history', history, '--out', path.join(work, 'out')]);
    expect(r.code).toBe(0);
    const parts = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      const out = new Map<string, string>();
      for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('base64'));
      return out;
    };
    const before = await parts(file);
    const after = await parts(path.join(work, 'out', 'img.xlsx'));
    const media = [...before.keys()].filter((n) => n.startsWith('xl/media/') || n.startsWith('xl/drawings/'));
    expect(media.length).toBeGreaterThan(0);
    for (const n of media) expect(after.get(n)).toBe(before.get(n));
  });

  it('refuses to write over an input (out = the checked folder) and exits 2, leaving inputs untouched', async () => {
    const work = tempDir('same');
    copyFileSync(path.join(month, MISTAKES), path.join(work, MISTAKES));
    const before = sha(path.join(work, MISTAKES));
    const r = await run(['check', work, '--out', work]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('拒绝写入');
    expect(sha(path.join(work, MISTAKES))).toBe(before);
  });

  it('replaces its own earlier copies but never a user workbook already in the --out folder', async () => {
    const out = tempDir('own');
    const first = await run(['check', path.join(month, '营口经济技术开发区.xlsx'), '--out', out, '--register', register]);
    expect(first.code).toBe(0);
    expect((await run(['check', path.join(month, '营口经济技术开发区.xlsx'), '--out', out, '--register', register])).code).toBe(0);
    const foreign = tempDir('foreign-out');
    copyFileSync(path.join(month, '大石桥经济开发区.xlsx'), path.join(foreign, '营口经济技术开发区.xlsx'));
    const before = sha(path.join(foreign, '营口经济技术开发区.xlsx'));
    const r = await run(['check', path.join(month, '营口经济技术开发区.xlsx'), '--out', foreign, '--register', register]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未覆盖');
    expect(sha(path.join(foreign, '营口经济技术开发区.xlsx'))).toBe(before);
  });

  it('does not read the --out folder or Office lock files as inputs', async () => {
    const work = tempDir('skip');
    copyFileSync(path.join(month, '营口经济技术开发区.xlsx'), path.join(work, 'a.xlsx'));
    writeFileSync(path.join(work, '~$a.xlsx'), 'lock');
    mkdirSync(path.join(work, 'out'));
    writeFileSync(path.join(work, 'out', 'old.xlsx'), 'not a workbook');
    const r = await run(['check', work, '--register', register, '--history', history, '--out', path.join(work, 'out'), '--json']);
    const report = JSON.parse(r.out) as CheckReport;
    expect(report.files.map((f) => path.basename(f.file))).toEqual(['a.xlsx']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('已写出 1 个标注副本');
  });
});

describe('zone-report check: inputs that cannot be read', () => {
  it('exits 2 with the reason for a missing file and a non-workbook, still checking the others', async () => {
    const work = tempDir('bad');
    // binary bytes that are no spreadsheet format (a CSV renamed .xlsx is read: test/formats)
    writeFileSync(path.join(work, 'text.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    copyFileSync(path.join(month, '营口经济技术开发区.xlsx'), path.join(work, 'ok.xlsx'));
    const r = await run(['check', path.join(work, 'missing.xlsx'), path.join(work, 'text.xlsx'), path.join(work, 'ok.xlsx'), '--json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as CheckReport;
    const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
    expect(byName.get('missing.xlsx')?.inputError?.code).toBe('E_NOT_FOUND');
    expect(byName.get('text.xlsx')?.inputError?.code).toBe('E_UNKNOWN_FORMAT');
    expect(byName.get('text.xlsx')?.inputError?.message.zh).toContain('.xlsx');
    expect(byName.get('ok.xlsx')?.sheets.length).toBeGreaterThan(0);
    const text = await run(['check', path.join(work, 'missing.xlsx')]);
    expect(text.out).toContain('找不到该文件');
    expect(text.code).toBe(2);
  });

  it('refuses a bad --config listing every problem, without a stack trace', async () => {
    const work = tempDir('cfg');
    const cfg = path.join(work, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ catalogue: [{ code: '01', id: 'BAD ID', name: 'x', nameEn: 'x', unit: '万元', kind: 'nope' }], score: { dimensions: [] } }));
    const r = await run(['check', month, '--config', cfg, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not valid');
    expect(r.err.split('\n').filter((l) => l.startsWith('  - ')).length).toBeGreaterThanOrEqual(3);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(r.out).toBe('');
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{ not json');
    const b = await run(['check', month, '--config', broken]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('不是有效的 JSON');
  });

  it('exits 2 on bad arguments, with both languages; --help exits 0', async () => {
    const r = await run(['check', month, '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项');
    expect(r.err).toContain('Unknown option');
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['check', month, '--lang', 'fr'])).code).toBe(2);
    const h = await run(['check', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--register');
    expect((await run(['nonsense'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});
