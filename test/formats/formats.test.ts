/**
 * @jest-environment node
 *
 * Every format a zone sends gives the same check as the .xlsx it was saved from: the project's sample
 * reports written by LibreOffice as .xls (BIFF8), .ods and HTML, written here as SpreadsheetML 2003,
 * as CSV in UTF-8, GB18030 and UTF-16, and under wrong extensions, each checked by the real command
 * line (`check --json`): the same records and findings as the .xlsx originals, bar the note that
 * names the format, and bar exactly what a format cannot carry:
 *  - CSV holds no formulas (V-FORMULA-OVERWRITTEN cannot be found) and no types (a number typed as
 *    text with thousands separators reads as the number: its V-TEXTNUM cannot be found);
 *  - LibreOffice's HTML holds no formulas (V-FORMULA-OVERWRITTEN);
 *  - LibreOffice 7.4 writes the cached result of a shared formula whose result is empty text as the
 *    number 0 in .xls: those cells read as 0, as the file holds (checked in its bytes), and the check
 *    equals that of the .xlsx holding the same cached values.
 * Also: the register and history as .xls/.ods, and annotated copies of legacy files (always .xlsx).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckReport, Finding, SheetGrid } from '../../src/domain/types';
import { TOOL_SHEETS } from '../../src/domain/port';
import { inspectOle2 } from '../../src/xlsx/guard/ole2';
import { readWorkbookBytes } from '../../src/xlsx/open/read-workbook';
import { readPackage, setText, text, writePackage } from '../../src/xlsx/package/zip-parts';
import { cli, formatFixtures, hasSoffice, type FormatFixtures } from './fixtures';

jest.setTimeout(900_000);
const maybe = hasSoffice ? describe : describe.skip;
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the tests of the formats LibreOffice writes are skipped.');

let fx: FormatFixtures;
let tmp: string;
beforeAll(async () => {
  if (!hasSoffice) return;
  fx = await formatFixtures();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-formats-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const stem = (file: string | null): string => path.basename(file ?? '').replace(/\.[^.]*$/, '');
const isNote = (f: Finding): boolean => f.rule === 'V-INPUT' && f.sheet === null && f.level === 'info';

interface ZoneView {
  sheets: unknown;
  findings: string[];
  notes: Finding[];
}

/** The report per file (by name without extension): its sheets' records, its findings (the file named by stem), its notes. */
function view(report: CheckReport): Map<string, ZoneView> {
  const out = new Map<string, ZoneView>();
  for (const f of report.files) {
    expect([f.file, f.inputError]).toEqual([f.file, null]);
    out.set(stem(f.file), { sheets: f.sheets, findings: [], notes: [] });
  }
  for (const f of report.findings) {
    const v = out.get(stem(f.file));
    if (!v) continue;
    if (isNote(f)) v.notes.push(f);
    else v.findings.push(JSON.stringify({ ...f, file: stem(f.file) }));
  }
  return out;
}

function check(args: string[]): CheckReport {
  const r = cli(['check', ...args, '--json'], tmp);
  if (r.code !== 0 && r.code !== 1) throw new Error(`check ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as CheckReport;
}

const books = (): string[] => ['--register', fx.register('xlsx'), '--history', fx.history('xlsx')];

/** The check of a fixture folder (with the register and history as .xlsx), run once. */
const views = new Map<string, Map<string, ZoneView>>();
function viewOf(folder: string): Map<string, ZoneView> {
  let v = views.get(folder);
  if (!v) views.set(folder, (v = view(check([fx.folder(folder), ...books()]))));
  return v;
}

async function grids(file: string): Promise<SheetGrid[]> {
  const r = await readWorkbookBytes(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  if (!r.ok) throw new Error(`${file}: ${r.error.code}`);
  return r.sheets;
}

/** A number typed as text the way programs write numbers (ASCII digits, thousands separators): a CSV cannot tell it from a number. */
const ASCII_NUMBER_TEXT = /^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

maybe('every format a zone sends', () => {
  let original: Map<string, ZoneView>;
  beforeAll(() => {
    original = viewOf('xlsx');
    expect(original.size).toBe(10);
  });

  it.each(['ods', 'xml2003'])('%s: the same records and findings as the .xlsx originals', (format) => {
    const got = viewOf(format);
    for (const zone of fx.zones) {
      const g = got.get(zone);
      const o = original.get(zone);
      expect([zone, g?.sheets]).toEqual([zone, o?.sheets]);
      expect([zone, g?.findings]).toEqual([zone, o?.findings]);
      expect(g?.notes.map((n) => n.value)).toEqual([format === 'xml2003' ? 'xml2003' : 'ods']);
    }
  });

  it('HTML (LibreOffice\'s): the same, bar formulas being typed over (the page holds no formulas)', () => {
    const got = viewOf('html');
    let missing = 0;
    for (const zone of fx.zones) {
      const o = original.get(zone);
      const expected = (o?.findings ?? []).filter((f) => JSON.parse(f).rule !== 'V-FORMULA-OVERWRITTEN');
      missing += (o?.findings.length ?? 0) - expected.length;
      expect([zone, got.get(zone)?.sheets]).toEqual([zone, o?.sheets]);
      expect([zone, got.get(zone)?.findings]).toEqual([zone, expected]);
      expect(got.get(zone)?.notes.map((n) => n.value)).toEqual(['html']);
      expect(got.get(zone)?.notes[0].message.zh).toContain('V-FORMULA-OVERWRITTEN');
    }
    expect(missing).toBeGreaterThan(0); // the samples do hold a 同比 typed over its formula
  });

  it.each(['csv', 'csv-gb18030', 'csv-utf16'])('%s: the same, bar typed-over formulas and numbers typed as text with separators', async (folder) => {
    const got = viewOf(folder);
    let textNumbers = 0;
    let keptTextNumbers = 0;
    for (const zone of fx.zones) {
      const o = original.get(zone);
      const sheet = (await grids(path.join(fx.folder('xlsx'), `${zone}.xlsx`)))[0];
      const shown = (cell: string): string => {
        const m = /^([A-Z]+)(\d+)$/.exec(cell);
        const v = m ? sheet.rows[Number(m[2]) - 1]?.[[...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1]?.v : undefined;
        return typeof v === 'string' ? v : '';
      };
      const expected = (o?.findings ?? []).filter((s) => {
        const f = JSON.parse(s) as Finding;
        if (f.rule === 'V-FORMULA-OVERWRITTEN') return false;
        if (f.rule === 'V-TEXTNUM' && f.cell && ASCII_NUMBER_TEXT.test(shown(f.cell))) {
          textNumbers++;
          return false;
        }
        if (f.rule === 'V-TEXTNUM') keptTextNumbers++;
        return true;
      });
      expect([zone, got.get(zone)?.sheets]).toEqual([zone, o?.sheets]);
      expect([zone, got.get(zone)?.findings]).toEqual([zone, expected]);
      expect(got.get(zone)?.notes.map((n) => n.value)).toEqual(['csv']);
    }
    // both kinds occur in the samples: "157,862.5" typed as text (lost) and full-width digits (kept)
    expect(textNumbers).toBeGreaterThan(0);
    expect(keptTextNumbers).toBeGreaterThan(0);
  });

  it('.xls (BIFF8 by LibreOffice): the check of the .xlsx holding the same cached results', async () => {
    const adjusted = path.join(tmp, 'adjusted');
    fs.mkdirSync(adjusted);
    let zeroed = 0;
    for (const zone of fx.zones) {
      const xlsxFile = path.join(fx.folder('xlsx'), `${zone}.xlsx`);
      const xlsFile = path.join(fx.folder('xls'), `${zone}.xls`);
      const [a] = await grids(xlsxFile);
      const [b] = await grids(xlsFile);
      expect(b.name).toBe(a.name);
      expect(b.merges).toEqual(a.merges);
      // every cell the same, but LibreOffice's shared formulas whose result is empty text
      const differing: string[] = [];
      for (let r = 0; r < Math.max(a.rows.length, b.rows.length); r++) {
        for (let c = 0; c < Math.max(a.rows[r]?.length ?? 0, b.rows[r]?.length ?? 0); c++) {
          const x = a.rows[r]?.[c];
          const y = b.rows[r]?.[c];
          if (JSON.stringify(x) === JSON.stringify(y)) continue;
          expect([r, c, x?.v, y?.v, y?.f]).toEqual([r, c, '', 0, x?.f]);
          expect(cachedNumberInBiff(new Uint8Array(fs.readFileSync(xlsFile)), r, c)).toBe(0);
          differing.push(`${String.fromCharCode(65 + c)}${r + 1}`);
        }
      }
      zeroed += differing.length;
      fs.writeFileSync(path.join(adjusted, `${zone}.xlsx`), await withCachedZeros(new Uint8Array(fs.readFileSync(xlsxFile)), differing));
    }
    expect(zeroed).toBeGreaterThan(0);
    const expected = view(check([adjusted, ...books()]));
    const got = viewOf('xls');
    for (const zone of fx.zones) {
      expect([zone, got.get(zone)?.sheets]).toEqual([zone, expected.get(zone)?.sheets]);
      expect([zone, got.get(zone)?.findings]).toEqual([zone, expected.get(zone)?.findings]);
      expect(got.get(zone)?.notes.map((n) => n.value)).toEqual(['xls']);
    }
    // and where LibreOffice wrote every cached result right, the .xls checks as the original itself
    const clean = fx.zones.filter((z) => JSON.stringify(expected.get(z)) === JSON.stringify({ ...original.get(z), notes: [] }));
    expect(clean.length).toBeGreaterThanOrEqual(5);
    for (const zone of clean) expect([zone, got.get(zone)?.findings]).toEqual([zone, original.get(zone)?.findings]);
  });

  it('reads a file by its content under any extension, and the note says the name is wrong', () => {
    const got = check([fx.renamed, ...books()]);
    for (const [name, folder] of Object.entries(fx.renamedFrom)) {
      const file = got.files.find((f) => path.basename(f.file) === name);
      expect([name, file?.inputError]).toEqual([name, null]);
      const mine = view({ ...got, files: got.files.filter((f) => f === file), findings: got.findings.filter((f) => path.basename(f.file ?? '') === name) });
      const theirs = viewOf(folder).get(stem(name));
      expect([name, mine.get(stem(name))?.findings]).toEqual([name, theirs?.findings]);
      expect([name, mine.get(stem(name))?.sheets]).toEqual([name, theirs?.sheets]);
      const note = mine.get(stem(name))?.notes[0];
      expect(note?.message.zh).toContain(`文件扩展名为 ${path.extname(name)}`);
    }
  });

  it('reads the register and the history as .xls or .ods as it reads them as .xlsx', () => {
    const asXlsx = check([fx.folder('xlsx'), ...books()]);
    const asLegacy = check([fx.folder('xlsx'), '--register', fx.register('xls'), '--history', fx.history('ods')]);
    const norm = (r: CheckReport): unknown => ({ ...r, files: r.files.map((f) => ({ ...f, file: stem(f.file) })), findings: r.findings.map((f) => ({ ...f, file: stem(f.file) })) });
    expect(norm(asLegacy)).toEqual(norm(asXlsx));
  });

  it('writes an .xlsx annotated copy of each legacy file, its cells those of the file, and says so', async () => {
    const out = path.join(tmp, 'annotated');
    const r = cli(['check', fx.folder('ods'), ...books(), '--out', out], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`已写出 10 个标注副本到 ${out}(其中 10 个原文件不是 .xlsx 格式`);
    expect(fs.readdirSync(out).sort()).toEqual(fx.zones.map((z) => `${z}.xlsx`).sort());
    for (const zone of fx.zones) {
      const copy = await grids(path.join(out, `${zone}.xlsx`));
      const [source] = await grids(path.join(fx.folder('ods'), `${zone}.ods`));
      // the zone's sheet and the findings (and, where cells are highlighted, the tool's veryHidden record)
      expect(copy.filter((s) => s.name !== TOOL_SHEETS.config).map((s) => s.name)).toEqual([source.name, TOOL_SHEETS.findings]);
      expect(copy.filter((s) => s.name === TOOL_SHEETS.config).every((s) => s.hidden)).toBe(true);
      expect(copy[0].rows).toEqual(source.rows);
      expect(copy[0].merges).toEqual(source.merges);
    }
  });
});

/** The cached value of the FORMULA record at (row, col) of an .xls's first sheet, when it is a number; else null. */
function cachedNumberInBiff(xls: Uint8Array, row: number, col: number): number | null {
  const r = inspectOle2(xls);
  if (!r.ok || !r.workbook) throw new Error('not an .xls');
  const b = r.workbook;
  for (let o = 0; o + 4 <= b.length; ) {
    const type = b[o] | (b[o + 1] << 8);
    const len = b[o + 2] | (b[o + 3] << 8);
    if (type === 0x0006 && (b[o + 4] | (b[o + 5] << 8)) === row && (b[o + 6] | (b[o + 7] << 8)) === col) {
      const v = o + 4 + 6;
      // a result that is not a number has 0xFFFF in its last two bytes
      if (b[v + 6] === 0xff && b[v + 7] === 0xff) return null;
      return Buffer.from(b.subarray(v, v + 8)).readDoubleLE(0);
    }
    o += 4 + len;
  }
  return null;
}

/** The .xlsx with the cached results of these cells (formulas with an empty-text result) made the number 0. */
async function withCachedZeros(xlsx: Uint8Array, cells: string[]): Promise<Uint8Array> {
  if (cells.length === 0) return xlsx;
  const pkg = readPackage(xlsx);
  const part = 'xl/worksheets/sheet1.xml';
  let xml = text(pkg, part) ?? '';
  for (const ref of cells) {
    const re = new RegExp(`<c r="${ref}"([^>]*?)( t="str")([^>]*)>(<f>[^<]*</f>)<v>[^<]*</v></c>`);
    expect(re.test(xml)).toBe(true);
    xml = xml.replace(re, `<c r="${ref}"$1$3>$4<v>0</v></c>`);
  }
  setText(pkg, part, xml);
  return writePackage(pkg);
}
