/**
 * The annotated copy is a patch on the user's package (reliability issue): for realistic report
 * workbooks — and one written by LibreOffice — every difference between input and annotated copy is
 * listed, and any not declared (package-diff.ts) fails; the copy opens in LibreOffice and each user
 * sheet's CSV equals the input's; exceljs and the port read the same user grids back; and clearing
 * the highlights gives back every user part byte for byte.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TOOL_SHEETS } from '../../src/domain/port';
import { sheetsOf } from '../../src/xlsx/package/opc';
import type { OutSheet } from '../../src/domain/output/sheet-model';
import { patchPackage } from '../../src/xlsx/package/patch';
import { children, root } from '../../src/xlsx/package/xml-scan';
import { readPackage, writePackage } from '../../src/xlsx/package/zip-parts';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { annotate } from './annotate';
import { fixtureWorkbook } from './fixture-writer';
import { fixtures, type Fixture } from './fixtures';
import { DECLARED_TEXT, diffPackages, undeclared } from './package-diff';
import { CSV_ALL_SHEETS, hasSoffice, sheetCsvs, soffice } from './soffice';

const TOOL_NAMES: ReadonlySet<string> = new Set(Object.values(TOOL_SHEETS));
const maybe = hasSoffice ? it : it.skip;
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the LibreOffice checks of the lossless tests are skipped.');

function tmp(tag: string): string {
  return mkdtempSync(path.join(tmpdir(), `zr-lossless-${tag}-`));
}

/** The tool sheets' parts in a package. */
function toolParts(bytes: Uint8Array): Set<string> {
  return new Set(sheetsOf(readPackage(bytes)).filter((s) => TOOL_NAMES.has(s.name)).map((s) => s.part));
}

/** Parts by name (content, whatever the zip compression). */
function partsOf(bytes: Uint8Array): Map<string, string> {
  const p = readPackage(bytes);
  return new Map(p.names.map((n) => [n, Buffer.from(p.parts.get(n) ?? new Uint8Array(0)).toString('base64')]));
}

const own: Fixture[] = fixtures();
/** own fixtures, then (with soffice) the first one as LibreOffice writes it */
const all: Fixture[] = [...own];

beforeAll(() => {
  if (!hasSoffice) return;
  const src = tmp('lo-src');
  const out = tmp('lo-out');
  writeFileSync(path.join(src, 'libreoffice.xlsx'), own[0].bytes);
  soffice('xlsx:Calc MS Excel 2007 XML', [path.join(src, 'libreoffice.xlsx')], out);
  all.push({ name: 'libreoffice.xlsx', bytes: new Uint8Array(readFileSync(path.join(out, 'libreoffice.xlsx'))) });
}, 120_000);

const annotated = new Map<string, Uint8Array>();
async function annotatedCopy(f: Fixture): Promise<Uint8Array> {
  let b = annotated.get(f.name);
  if (!b) {
    const a = await annotate(f.name, f.bytes);
    expect(a.highlights.length).toBeGreaterThan(0); // the fixtures carry real findings
    b = a.bytes;
    annotated.set(f.name, b);
  }
  return b;
}

describe('the annotated copy differs from the input only as declared', () => {
  it('declares a small list', () => {
    expect(DECLARED_TEXT.length).toBeLessThanOrEqual(8);
  });

  it.each(own.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const out = await annotatedCopy(f);
    const d = diffPackages(f.bytes, out);
    console.log(
      `${f.name}: ${d.same.length} of ${d.same.length + d.changed.length + d.removed.length} input parts byte-identical; changed ${d.changed.join(', ')}; added ${d.added.join(', ')}`,
    );
    expect(d.removed).toEqual([]);
    expect(d.cells).toEqual([]);
    expect(undeclared(f.bytes, out, toolParts(out))).toEqual([]);
    // the parts exceljs's writer dropped survive untouched
    for (const kept of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'docProps/custom.xml', 'xl/printerSettings/printerSettings1.bin', 'xl/sharedStrings.xml']) {
      if (d.same.includes(kept) || !readPackage(f.bytes).parts.has(kept)) continue;
      throw new Error(`${kept} changed`);
    }
  });

  maybe('a workbook written by LibreOffice', async () => {
    const f = all.find((x) => x.name === 'libreoffice.xlsx');
    if (!f) throw new Error('no LibreOffice fixture');
    const out = await annotatedCopy(f);
    const d = diffPackages(f.bytes, out);
    console.log(`${f.name}: ${d.same.length} of ${d.same.length + d.changed.length} input parts byte-identical; changed ${d.changed.join(', ')}; added ${d.added.join(', ')}`);
    expect(d.cells).toEqual([]);
    expect(undeclared(f.bytes, out, toolParts(out))).toEqual([]);
  });
});

describe('readers see the same user sheets', () => {
  it.each(own.map((f) => [f.name, f] as const))('%s: the port and exceljs read the same grids back', async (_name, f) => {
    const out = await annotatedCopy(f);
    const a = await (await XlsxWorkbookPort.open(f.bytes, f.name)).readWorkbook();
    const b = await (await XlsxWorkbookPort.open(out, f.name)).readWorkbook();
    expect(b.sheets.filter((s) => !TOOL_NAMES.has(s.name))).toEqual(a.sheets.filter((s) => !TOOL_NAMES.has(s.name)));
    const wa = new ExcelJS.Workbook();
    const wb = new ExcelJS.Workbook();
    await wa.xlsx.load(f.bytes.slice().buffer);
    await wb.xlsx.load(out.slice().buffer);
    for (const ws of wa.worksheets) {
      const other = wb.getWorksheet(ws.name);
      if (!other) throw new Error(`sheet ${ws.name} missing`);
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const o = other.getCell(r, c);
          expect([cell.address, o.value, o.style, o.note]).toEqual([cell.address, cell.value, cell.style, cell.note ?? o.note]);
        }),
      );
      expect(other.model.merges).toEqual(ws.model.merges);
    }
  });

  maybe(
    'LibreOffice opens every copy and each user sheet converts to the same CSV',
    async () => {
      const ins = tmp('in');
      const outs = tmp('out');
      for (const f of all) {
        writeFileSync(path.join(ins, f.name), f.bytes);
        writeFileSync(path.join(outs, f.name), await annotatedCopy(f));
      }
      soffice(CSV_ALL_SHEETS, all.map((f) => path.join(ins, f.name)), ins);
      soffice(CSV_ALL_SHEETS, all.map((f) => path.join(outs, f.name)), outs);
      for (const f of all) {
        const base = f.name.replace(/\.xlsx$/, '');
        const a = sheetCsvs(ins, base);
        const b = sheetCsvs(outs, base);
        expect(a.size).toBeGreaterThan(1);
        for (const [sheet, csv] of a) expect([f.name, sheet, b.get(sheet)]).toEqual([f.name, sheet, csv]);
        expect(b.get(TOOL_SHEETS.findings)).toMatch(/^"?核查结果/);
        console.log(`${f.name}: LibreOffice CSV equal for ${a.size} user sheets`);
      }
      copyFileSync(path.join(outs, own[0].name), path.join(outs, 'render.xlsx'));
    },
    400_000,
  );
});

describe('highlight → clear gives the user parts back', () => {
  it.each([...own.map((f) => [f.name, f] as const)])('%s', async (_name, f) => {
    // highlights only: every part of the input comes back, and nothing else
    const a = await annotate(f.name, f.bytes, { findingsSheet: false });
    const port = await XlsxWorkbookPort.open(a.bytes, f.name);
    await port.clearHighlights();
    expect(partsOf(await port.toBytes())).toEqual(partsOf(f.bytes));
    // with 核查结果 (which clearing keeps): equal to a copy that only had 核查结果 written
    const again = await XlsxWorkbookPort.open(await annotatedCopy(f), f.name);
    await again.clearHighlights();
    const sheetOnly = (await annotate(f.name, f.bytes, { highlight: false })).bytes;
    expect(partsOf(await again.toBytes())).toEqual(partsOf(sheetOnly));
  });
});

describe('the differences test itself', () => {
  it('reports a changed user cell, a removed part and an undeclared edit', async () => {
    const f = own[0];
    const out = readPackage(await annotatedCopy(f));
    const dec = new TextDecoder();
    const enc = new TextEncoder();
    const sheet = dec.decode(out.parts.get('xl/worksheets/sheet1.xml'));
    out.parts.set('xl/worksheets/sheet1.xml', enc.encode(sheet.replace('<v>0</v>', '<v>1</v>').replace('<sheetProtection ', '<sheetProtection password="CC3D" ')));
    out.parts.delete('docProps/custom.xml');
    out.names = out.names.filter((n) => n !== 'docProps/custom.xml');
    const bytes = await writePackage(out);
    const problems = undeclared(f.bytes, bytes, toolParts(bytes));
    expect(problems).toContain('removed: docProps/custom.xml');
    expect(problems.some((p) => p.startsWith('cell: xl/worksheets/sheet1.xml!'))).toBe(true);
    expect(problems).toContain('changed beyond what is declared: xl/worksheets/sheet1.xml');
  });
});

describe('SpreadsheetML written with an x: prefix (as some generators do; exceljs cannot read it)', () => {
  it('gets prefixed elements in schema order, and clearing gives every part back', async () => {
    const f = fixtureWorkbook({ reports: [reportOf()], chart: true, prefixed: true });
    const highlights = [
      { sheet: '盘锦', cell: 'E5', level: 'error' as const, note: '错' },
      { sheet: '盘锦', cell: 'G7', level: 'info' as const, note: '提示' },
    ];
    const out = await patchPackage(f, { highlights });
    const xml = new TextDecoder().decode(readPackage(out).parts.get('xl/worksheets/sheet1.xml'));
    const r = root(xml);
    if (!r) throw new Error('no root');
    const order = children(xml, r).map((k) => k.local).filter((n, i, a) => a.indexOf(n) === i);
    const top = ['sheetProtection', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'pageMargins', 'pageSetup', 'drawing', 'legacyDrawing', 'extLst'];
    expect(order.filter((n) => top.includes(n))).toEqual(top);
    expect(xml).toContain('<x:conditionalFormatting sqref="E5"><x:cfRule type="expression"');
    // ours first, then the user's own, which keep their priorities 1 and 2
    expect(xml.indexOf('sqref="E5"')).toBeLessThan(xml.indexOf('type="cellIs" dxfId="0" priority="1"'));
    expect(xml).toMatch(/<x:legacyDrawing r:id="rId\d+"\/>/);
    expect(partsOf(await patchPackage(out, { highlights: [] }))).toEqual(partsOf(f));
  });
});

function reportOf(): OutSheet {
  return { name: '盘锦', columns: [], rows: [[{ v: '标题' }], [{ v: 1 }], [{ v: '指标' }, { v: 2 }, { v: 3 }, { v: 4 }, { v: 5 }, { v: 6 }, { v: 7 }]], merges: ['A1:I1'] };
}
