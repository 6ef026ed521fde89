/**
 * Clearing, in Excel, highlights a copy got from the .xlsx port (command line, standalone pane): its
 * record names sheets by name and rules by file ids (`xlsx:<sheetId>:<priority>`) Excel never hands
 * out. Its rules carry the tool's signature formula and are found by it; rules from before the
 * signature (`=TRUE`) are found by that formula and exactly the recorded areas — which below
 * ExcelApi 1.9 can only be told for a rule on one area.
 */
import ExcelJS from 'exceljs';
import { a1 } from '../domain/a1';
import type { Highlight } from '../domain/output/sheet-model';
import { STYLES } from '../domain/output/sheet-model';
import { HIGHLIGHT_FORMULA } from '../domain/output/highlight-record';
import { TOOL_SHEETS } from '../domain/port';
import { sheetsOf } from '../xlsx/package/opc';
import { readStore } from '../xlsx/package/store';
import { unescapeXml } from '../xlsx/package/xml-scan';
import { readPackage, text } from '../xlsx/package/zip-parts';
import { XlsxWorkbookPort } from '../xlsx/xlsx-port';
import { packCells } from '../domain/a1-areas';
import { groupHighlights, parseRecord, type HighlightEntry } from './highlight';
import { canonicalAreas, isFileId, isLegacyFormula } from './highlight-find';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';
import { chunkText } from './tool-store';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

/** The user's sheets of a snapshot (the tool sheet left out: its record changes by design). */
function userPart(snapshot: string): unknown {
  return (JSON.parse(snapshot) as { name: string }[]).filter((s) => s.name !== TOOL_SHEETS.config);
}

/** The store sheet as the .xlsx port writes it: the record JSON in column B, chunked, text-formatted. */
function addStore(fx: FakeExcel, recordJson: string): void {
  fx.addSheet(TOOL_SHEETS.config, {
    visibility: 'VeryHidden',
    rows: chunkText(recordJson).map((c) => [null, { v: c, nf: '@' }]),
  });
}

/**
 * What Excel shows after opening a copy the .xlsx port annotated with `items`: per sheet and level one
 * expression rule TRUE per packed address (the patch's layout), a fresh runtime id each, and the
 * record with `xlsx:` ids. `formula` is how Excel reports the rule back.
 */
function addXlsxHighlights(fx: FakeExcel, items: Highlight[], formula = '=TRUE'): HighlightEntry[] {
  const entries: HighlightEntry[] = [];
  let priority = 10;
  for (const [sheet, levels] of groupHighlights(items)) {
    for (const level of ['error', 'warning', 'info'] as const) {
      for (const address of packCells(levels.get(level) ?? [])) {
        priority += 1;
        entries.push({ sheet, address, id: `xlsx:1:${priority}`, level });
        const fill = STYLES[level].fill;
        fx.addCf(sheet, { address, formula, fill: fill ? `#${fill}` : null, owner: 'addin' });
      }
    }
  }
  addStore(fx, JSON.stringify({ version: 1, entries, dxfsCreated: true }));
  return entries;
}

function scattered(n: number, sheet: string): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ sheet, cell: a1((i % 200) * 2 + 3, Math.floor(i / 200) + 1), level: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info', note: '' });
  }
  return out;
}

function recordOf(fx: FakeExcel): HighlightEntry[] {
  const rows = fx.sheet(TOOL_SHEETS.config)?.rows ?? [];
  let t = '';
  for (const r of rows) {
    const v = r[1]?.v;
    if (typeof v !== 'string' || v === '') break;
    t += v;
  }
  return parseRecord(t === '' ? null : t).entries;
}

describe('clearing highlights recorded by the .xlsx port', () => {
  test('ExcelApi 1.9, rules from before the signature (=TRUE): exactly the tool formats and the record go; the user formats stay byte for byte', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('辽滨', { rows: [['指标', '本月', '累计'], ['税收', { v: 12, fill: '#FFFF00' }, 30], ['产值', 5, 7]] });
    fx.addSheet('其他', { rows: [['x']] });
    // the user's own: a custom rule on exactly the tool's cells (another formula), a TRUE rule on
    // other cells that overlap, a TRUE rule elsewhere, a cell-value rule, one on another sheet
    fx.addUserCf('辽滨', 'B2:B3,C3', '#DDEBF7', { formula: '=B2>10' });
    fx.addUserCf('辽滨', 'A1:C3', '#FF0000');
    fx.addUserCf('辽滨', 'F1', '#00FF00', { formula: 'TRUE' });
    fx.addUserCf('辽滨', 'A1', '#0000FF', { type: 'CellValue', formula: '' });
    fx.addUserCf('其他', 'A1', '#123456');
    const before = fx.formatSnapshot();

    const entries = addXlsxHighlights(fx, [
      { sheet: '辽滨', cell: 'B2', level: 'error', note: '' },
      { sheet: '辽滨', cell: 'B3', level: 'error', note: '' },
      { sheet: '辽滨', cell: 'C3', level: 'error', note: '' },
      { sheet: '辽滨', cell: 'A1', level: 'info', note: '' },
    ]);
    expect(entries.map((e) => [e.address, isFileId(e.id)])).toEqual([
      ['B2:B3,C3', true],
      ['A1', true],
    ]);
    expect(fx.sheet('辽滨')?.cfs.filter((c) => c.owner === 'addin')).toHaveLength(2);

    const p = port(fx);
    const syncs = fx.stats.syncs;
    await p.clearHighlights();
    // 1 sheets, 2 record, 3 types, 4 formulas + areas of the Custom ones, 5 deletes + record
    expect(fx.stats.syncs - syncs).toBe(5);
    expect(p.lastHighlightNotice).toBeNull();
    expect(userPart(fx.formatSnapshot())).toEqual(userPart(before));
    expect(recordOf(fx)).toEqual([]);
  });

  test('ExcelApi 1.7, rules from before the signature: one on a single area goes; one on several areas cannot be verified, stays recorded and is reported', async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('辽滨', { rows: [['x']] });
    fx.addUserCf('辽滨', 'A1:C3', '#FF0000');
    const userOnly = fx.formatSnapshot();
    addXlsxHighlights(fx, [
      { sheet: '辽滨', cell: 'B2', level: 'error', note: '' },
      { sheet: '辽滨', cell: 'C3', level: 'error', note: '' },
      { sheet: '辽滨', cell: 'A1', level: 'info', note: '' },
    ]);
    const p = port(fx);
    await p.clearHighlights();
    expect(fx.sheet('辽滨')?.cfs.filter((c) => c.owner === 'addin').map((c) => c.address)).toEqual(['B2,C3']);
    expect(p.lastHighlightNotice?.sheets).toEqual(['辽滨']);
    expect(p.lastHighlightNotice?.en).toContain('cannot be verified');
    expect(recordOf(fx).map((e) => e.address)).toEqual(['B2,C3']);
    const userPartNow = (JSON.parse(fx.formatSnapshot()) as { cfs: { owner: string }[] }[])[0].cfs.filter((c) => c.owner === 'user');
    expect(userPartNow).toEqual((JSON.parse(userOnly) as { cfs: unknown[] }[])[0].cfs);
  });

  test.each(['1.7', '1.9'])('ExcelApi %s, rules with the signature (what the .xlsx port writes now): all found, on any number of areas', async (api) => {
    const fx = new FakeExcel({ api });
    fx.addSheet('辽滨', { rows: [['x']] });
    fx.addUserCf('辽滨', 'A1:C3', '#FF0000');
    const userOnly = fx.formatSnapshot();
    addXlsxHighlights(
      fx,
      [
        { sheet: '辽滨', cell: 'B2', level: 'error', note: '' },
        { sheet: '辽滨', cell: 'C3', level: 'error', note: '' },
        { sheet: '辽滨', cell: 'A1', level: 'info', note: '' },
      ],
      HIGHLIGHT_FORMULA.slice(1),
    );
    fx.insertRows('辽滨', 0, 2); // and the clerk inserted two rows at the top since
    const p = port(fx);
    await p.clearHighlights();
    expect(p.lastHighlightNotice).toBeNull();
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.owner)).toEqual(['user']);
    expect(recordOf(fx)).toEqual([]);
    // the user's rule moved down with the rows, and is otherwise as it was
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.address)).toEqual(['A3:C5']);
    expect(userOnly).toContain('"address":"A1:C3"');
  });

  test('the rule is recognised as Excel may report it: TRUE, =true, and areas in another order or with $', async () => {
    for (const formula of ['TRUE', '=true', ' = TRUE ']) {
      const fx = new FakeExcel({ api: '1.9' });
      fx.addSheet('S', { rows: [['x']] });
      addStore(fx, JSON.stringify({ version: 1, entries: [{ sheet: 'S', address: 'B2:B3,D5', id: 'xlsx:1:1', level: 'error' }] }));
      fx.addCf('S', { address: '$D$5,$B$2:$B$3', formula, fill: '#FFC7CE', owner: 'addin' });
      await port(fx).clearHighlights();
      expect(fx.sheet('S')?.cfs).toEqual([]);
    }
    expect(isLegacyFormula('=TRUE()')).toBe(false);
    expect(isLegacyFormula('=B2=TRUE')).toBe(false);
    expect(canonicalAreas("'S'!$D$5,S!b2:b3")).toBe('B2:B3,D5');
  });

  test('never removes a TRUE rule on other cells, nor a second copy: each entry removes at most one', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('S', { rows: [['x']] });
    addStore(fx, JSON.stringify({ version: 1, entries: [{ sheet: 'S', address: 'B2', id: 'xlsx:1:1', level: 'error' }] }));
    fx.addCf('S', { address: 'B2:B3', formula: '=TRUE', fill: '#111111', owner: 'user' }); // contains B2, but not exactly it
    fx.addCf('S', { address: 'B2', formula: '=TRUE', fill: '#222222', owner: 'user' }); // exactly it: indistinguishable from the tool's own…
    fx.addCf('S', { address: 'B2', formula: '=TRUE', fill: '#333333', owner: 'user' }); // …so one of the two goes, never both
    await port(fx).clearHighlights();
    expect(fx.sheet('S')?.cfs.map((c) => c.address)).toEqual(['B2:B3', 'B2']);
  });

  test('sync count is the same for 10 and 10,000 recorded cells (clear 5, replace 5)', async () => {
    const counts: number[][] = [];
    for (const n of [10, 10_000]) {
      const fx = new FakeExcel({ api: '1.9' });
      fx.addSheet('S', { rows: [['x']] });
      fx.addUserCf('S', 'A1:Z500', '#ABCDEF', { formula: '=A1>0' });
      const entries = addXlsxHighlights(fx, scattered(n, 'S'));
      const p = port(fx);
      const s0 = fx.stats.syncs;
      await p.highlight([{ sheet: 'S', cell: 'A1', level: 'error', note: '' }]);
      const replace = fx.stats.syncs - s0;
      // the file's formats are gone, the new one and the user's remain
      expect(fx.sheet('S')?.cfs.map((c) => [c.owner, c.address])).toEqual([
        ['addin', 'A1'],
        ['user', 'A1:Z500'],
      ]);
      expect(recordOf(fx).some((e) => isFileId(e.id))).toBe(false);
      expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5_000_000);

      // a clear straight after opening the file
      const fx2 = new FakeExcel({ api: '1.9' });
      fx2.addSheet('S', { rows: [['x']] });
      addXlsxHighlights(fx2, scattered(n, 'S'));
      const p2 = port(fx2);
      await p2.clearHighlights();
      expect(fx2.sheet('S')?.cfs).toEqual([]);
      counts.push([entries.length, replace, fx2.stats.syncs]);
    }
    expect(counts[0][0]).toBeLessThan(counts[1][0]); // 3 vs 27 formats
    expect(counts.map((c) => c.slice(1))).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });

  test('a sheet whose formats cannot be read is left alone: no PortError, a notice, its entries stay recorded', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('坏', { rows: [['x']] });
    fx.addSheet('好', { rows: [['x']] });
    // two cell-value rules on the recorded cells: reading formats back there throws in Excel
    fx.addUserCf('坏', 'A1:C9', '#010101', { type: 'CellValue', formula: '' });
    fx.addUserCf('坏', 'B2:D4', '#020202', { type: 'CellValue', formula: '' });
    fx.addUserCf('好', 'A1:C9', '#030303', { formula: '=A1<0' });
    const userOnly = fx.formatSnapshot();
    addXlsxHighlights(fx, [
      { sheet: '坏', cell: 'B2', level: 'error', note: '' },
      { sheet: '好', cell: 'B2', level: 'warning', note: '' },
    ]);
    const bad = JSON.stringify(fx.sheet('坏')?.cfs);
    const p = port(fx);
    const s0 = fx.stats.syncs;
    await expect(p.clearHighlights()).resolves.toBeUndefined();
    // 1 sheets, 2 record, 3 types (fails), 3a 坏 alone (fails), 3b 好 alone, 3c 坏 on its recorded area (fails),
    // 4 formulas, 5 deletes + record
    expect(fx.stats.syncs - s0).toBe(8);
    expect(JSON.stringify(fx.sheet('坏')?.cfs)).toBe(bad);
    expect((JSON.parse(userOnly) as { name: string; cfs: unknown }[]).find((s) => s.name === '好')?.cfs).toEqual(fx.sheet('好')?.cfs);
    expect(p.lastHighlightNotice?.sheets).toEqual(['坏']);
    expect(p.lastHighlightNotice?.zh).toContain('坏');
    expect(p.lastHighlightNotice?.en).toContain('cannot read back');
    expect(recordOf(fx).map((e) => [e.sheet, e.address])).toEqual([['坏', 'B2']]);

    // once the user removes one of the two rules, clearing again finishes the job
    const s = fx.sheet('坏');
    if (!s) throw new Error('sheet');
    s.cfs.splice(1, 1);
    await p.clearHighlights();
    expect(p.lastHighlightNotice).toBeNull();
    expect(fx.sheet('坏')?.cfs.map((c) => c.owner)).toEqual(['user']);
    expect(recordOf(fx)).toEqual([]);
  });

  test('cell-edit mode while reading is still an error (not taken for an unreadable sheet), and nothing is deleted', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('S', { rows: [['x']] });
    addXlsxHighlights(fx, [{ sheet: 'S', cell: 'B2', level: 'error', note: '' }]);
    const before = fx.formatSnapshot();
    fx.failSync(3, 'InvalidOperationInCellEditMode');
    await expect(port(fx).clearHighlights()).rejects.toMatchObject({ code: 'E_EXCEL_CELL_EDIT' });
    expect(fx.formatSnapshot()).toBe(before);
  });

  test('a damaged entry (an address no API call would take) does not fail the batch; the sheet is still cleared', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('S', { rows: [['x']] });
    const long = Array.from({ length: 500 }, (_, i) => `A${i * 2 + 1}`).join(',');
    addStore(
      fx,
      JSON.stringify({
        version: 1,
        entries: [
          { sheet: 'S', address: long, id: 'xlsx:1:1', level: 'info' },
          { sheet: 'S', address: 'C3', id: 'xlsx:1:2', level: 'error' },
        ],
      }),
    );
    fx.addCf('S', { address: 'C3', formula: 'TRUE', fill: '#FFC7CE', owner: 'addin' });
    await port(fx).clearHighlights();
    expect(fx.sheet('S')?.cfs).toEqual([]);
    expect(recordOf(fx)).toEqual([]);
  });
});

// ------------------------------------------------------------------ end to end with the real .xlsx port

const CF_TYPES: Record<string, string> = { expression: 'Custom', cellIs: 'CellValue', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet' };

interface FileCf {
  sheet: string;
  address: string;
  type: string;
  formula: string;
  fill: string | null;
}

/** The classic conditional formats of every worksheet of a package, as Excel would load them. */
function fileCfs(bytes: Uint8Array): FileCf[] {
  const pkg = readPackage(bytes);
  const styles = text(pkg, 'xl/styles.xml') ?? '';
  const dxfs = /<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '';
  const fills = [...dxfs.matchAll(/<dxf\b[^>]*?(?:\/>|>([\s\S]*?)<\/dxf>)/g)].map((m) => {
    const rgb = /<bgColor\b[^>]*\brgb="(?:FF)?([0-9A-Fa-f]{6})"/.exec(m[1] ?? '')?.[1];
    return rgb ? `#${rgb.toUpperCase()}` : null;
  });
  const out: FileCf[] = [];
  for (const s of sheetsOf(pkg)) {
    const xml = text(pkg, s.part) ?? '';
    for (const block of xml.matchAll(/<conditionalFormatting\b[^>]*\bsqref="([^"]+)"[^>]*>([\s\S]*?)<\/conditionalFormatting>/g)) {
      for (const rule of block[2].matchAll(/<cfRule\b([^>]*)>([\s\S]*?)<\/cfRule>/g)) {
        const type = /\btype="([^"]+)"/.exec(rule[1])?.[1] ?? '';
        const dxf = /\bdxfId="(\d+)"/.exec(rule[1])?.[1];
        out.push({
          sheet: s.name,
          address: block[1].trim().split(/\s+/).join(','),
          type: CF_TYPES[type] ?? type,
          formula: unescapeXml(/<formula>([\s\S]*?)<\/formula>/.exec(rule[2])?.[1] ?? ''),
          fill: dxf === undefined ? null : (fills[Number(dxf)] ?? null),
        });
      }
    }
  }
  return out;
}

async function userXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('盘锦');
  ws.getCell('A1').value = '指标';
  ws.getCell('E4').value = 398765.4;
  ws.getCell('E5').value = 12;
  ws.addConditionalFormatting({
    ref: 'E4:E5',
    rules: [{ type: 'expression', priority: 1, formulae: ['E4>100'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00B050' } } } }],
  });
  ws.addConditionalFormatting({
    ref: 'A1:H20',
    rules: [{ type: 'expression', priority: 2, formulae: ['TRUE'], style: { font: { bold: true } } }],
  });
  wb.addWorksheet('Other').getCell('A1').value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('end to end: a copy annotated by the real .xlsx port, opened in (fake) Excel, is cleared exactly', async () => {
  const original = await userXlsx();
  const xp = await XlsxWorkbookPort.open(original, 'user.xlsx');
  await xp.highlight([
    { sheet: '盘锦', cell: 'E4', level: 'error', note: '错' },
    { sheet: '盘锦', cell: 'E5', level: 'error', note: '错' },
    { sheet: '盘锦', cell: 'H9', level: 'warning', note: '警' },
  ]);
  const annotated = await xp.toBytes();

  const userCfs = fileCfs(original);
  const all = fileCfs(annotated);
  const toolCfs = all.filter((c) => !userCfs.some((u) => u.sheet === c.sheet && u.address === c.address && u.formula === c.formula));
  expect(toolCfs.map((c) => [c.address, c.type, c.formula, c.fill])).toEqual([
    ['E4:E5', 'Custom', HIGHLIGHT_FORMULA.slice(1), `#${STYLES.error.fill ?? ''}`],
    ['H9', 'Custom', HIGHLIGHT_FORMULA.slice(1), `#${STYLES.warning.fill ?? ''}`],
  ]);
  const record = readStore(readPackage(annotated)).b;
  expect(parseRecord(record).entries.every((e) => isFileId(e.id))).toBe(true);

  // Excel (the minimum level, 1.7) opens the copy: the formats as the file has them
  const fx = new FakeExcel({ api: '1.7' });
  for (const s of sheetsOf(readPackage(annotated))) if (s.name !== TOOL_SHEETS.config) fx.addSheet(s.name, { rows: [['x']] });
  for (const c of userCfs) fx.addCf(c.sheet, { address: c.address, type: c.type, formula: `=${c.formula}`, fill: c.fill, owner: 'user' });
  const userOnly = fx.formatSnapshot();
  for (const c of toolCfs) fx.addCf(c.sheet, { address: c.address, type: c.type, formula: `=${c.formula}`, fill: c.fill, owner: 'addin' });
  addStore(fx, record ?? '');

  const p = port(fx);
  await p.clearHighlights();
  expect(p.lastHighlightNotice).toBeNull();
  expect(userPart(fx.formatSnapshot())).toEqual(userPart(userOnly));
  expect(fx.sheet('盘锦')?.cfs.map((c) => [c.address, c.formula])).toEqual([
    ['E4:E5', '=E4>100'],
    ['A1:H20', '=TRUE'],
  ]);
  expect(recordOf(fx)).toEqual([]);
});

test('the other way: what the Office.js port recorded (signature, sheet id) is cleared by the .xlsx port from the saved file', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('盘锦');
  ws.getCell('E4').value = 1;
  ws.addConditionalFormatting({
    ref: 'E4:E6',
    rules: [{ type: 'expression', priority: 2, formulae: ['E4>100'], style: { font: { bold: true } } }],
  });
  // as Excel saves the tool's rule: the signature formula on the area it applies to
  ws.addConditionalFormatting({
    ref: 'E4',
    rules: [{ type: 'expression', priority: 1, formulae: [HIGHLIGHT_FORMULA.slice(1)], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  const store = wb.addWorksheet(TOOL_SHEETS.config, { state: 'veryHidden' });
  store.getCell('B1').value = JSON.stringify({ version: 1, entries: [{ sheet: '盘锦', sheetId: '{00000000-0001-0000-0000-000000000000}', address: 'E4', id: 'sig', level: 'error' }] });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(fileCfs(bytes).map((c) => c.formula)).toContain(HIGHLIGHT_FORMULA.slice(1));

  const xp = await XlsxWorkbookPort.open(bytes, 'from-excel.xlsx');
  await xp.clearHighlights();
  const after = fileCfs(await xp.toBytes());
  expect(after.map((c) => [c.address, c.formula])).toEqual([['E4:E6', 'E4>100']]);
});
