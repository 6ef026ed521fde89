import ExcelJS from 'exceljs';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { XlsxWorkbookPort, CONFIG_CHUNK } from './xlsx-port';
import { readPackage } from './package/zip-parts';

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('盘锦');
  ws.getCell('A1').value = '规模以上工业总产值';
  ws.getCell('E4').value = 398765.4;
  ws.getCell('E4').numFmt = '#,##0.0';
  ws.getCell('E4').font = { bold: true, color: { argb: 'FF112233' } };
  ws.getCell('E4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFABCDEF' } };
  ws.getCell('F4').value = 352011;
  ws.getCell('G4').value = { formula: 'IF(F4>0,ROUND((E4-F4)/F4*100,1),"")', result: 13.3 };
  ws.getCell('G4').numFmt = '0.0';
  ws.getCell('H4').value = 0;
  ws.getCell('H4').note = '用户自己的批注';
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}

/** The parts of a package, by name (their bytes), to compare packages whatever the zip compression. */
async function reloadBytes(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const pkg = readPackage(bytes);
  return new Map(pkg.names.map((n) => [n, pkg.parts.get(n) ?? new Uint8Array(0)]));
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

describe('XlsxWorkbookPort.open', () => {
  it('refuses non-workbooks with a stable code and no raw content in the message', async () => {
    const bad = new TextEncoder().encode('secret\u0000content\n1,2');
    await expect(XlsxWorkbookPort.open(bad, 'x.xlsx')).rejects.toMatchObject({ code: 'E_UNKNOWN_FORMAT' });
    try {
      await XlsxWorkbookPort.open(bad, 'x.xlsx');
    } catch (e) {
      expect(e).toBeInstanceOf(PortError);
      expect(String((e as PortError).en)).not.toContain('secret');
    }
    await expect(XlsxWorkbookPort.open(new Uint8Array(0), 'x.xlsx')).rejects.toMatchObject({ code: 'E_EMPTY' });
    // an OLE2 header alone: the compound file's structure is missing
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(XlsxWorkbookPort.open(ole, 'x.xlsx')).rejects.toMatchObject({ code: 'E_TRUNCATED' });
    // a zip header followed by garbage: the pre-parse inspector finds no directory
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(XlsxWorkbookPort.open(broken, 'x.xlsx')).rejects.toMatchObject({ code: 'E_TRUNCATED' });
  });

  it('reads a workbook by its bytes whatever its name, and notes a name that says otherwise', async () => {
    const port = await XlsxWorkbookPort.open(await userWorkbook(), 'x.xlsb');
    expect(port.format).toBe('xlsx');
    expect((await port.readWorkbook()).sheets[0].rows[3][4]).toEqual({ v: 398765.4, fmt: '#,##0.0' });
    expect(port.note?.message.zh).toContain('.xlsb');
    expect((await XlsxWorkbookPort.open(await userWorkbook(), 'x.xlsx')).note).toBeNull();
  });
});

describe('highlight / clearHighlights', () => {
  it('highlights with tool-owned conditional formats (no cell style changes), adds a note only where none existed, and clear gives the workbook back', async () => {
    const input = await userWorkbook();
    const port = await XlsxWorkbookPort.open(input, 'u.xlsx');
    await port.highlight([
      { sheet: '盘锦', cell: 'E4', level: 'warning', note: 'W' },
      { sheet: '盘锦', cell: 'E4', level: 'error', note: 'E' },
      { sheet: '盘锦', cell: 'H4', level: 'info', note: 'I' },
      { sheet: '盘锦', cell: 'G4', level: 'warning', note: 'G' },
    ]);
    expect(port.highlightedCells().sort()).toEqual(['盘锦!E4', '盘锦!G4', '盘锦!H4']);
    const annotated = await port.toBytes();
    const back = await reload(annotated);
    const ws = back.getWorksheet('盘锦');
    const orig = (await reload(input)).getWorksheet('盘锦');
    if (!ws || !orig) throw new Error('no sheet');
    for (const addr of ['E4', 'G4', 'H4']) expect(ws.getCell(addr).style).toEqual(orig.getCell(addr).style);
    const sheetXml = new TextDecoder().decode(readPackage(annotated).parts.get('xl/worksheets/sheet1.xml'));
    const rules = [...sheetXml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression" dxfId="\d+" priority="\d+" stopIfTrue="0"><formula>ISTEXT\("ZoneReport:highlight"\)<\/formula>/g)].map((m) => m[1]);
    expect(rules.sort()).toEqual(['E4', 'G4', 'H4']);
    expect(ws.getCell('E4').note).toBe('W\nE');
    expect(ws.getCell('H4').note).toBe('用户自己的批注');
    // the record, in column B of the veryHidden store sheet (the Office.js port's layout)
    const store = back.getWorksheet(TOOL_SHEETS.config);
    expect(store?.state).toBe('veryHidden');
    expect(JSON.parse(String(store?.getCell('B1').value))).toMatchObject({
      version: 1,
      entries: [
        { sheet: '盘锦', address: 'E4', level: 'error' },
        { sheet: '盘锦', address: 'G4', level: 'warning' },
        { sheet: '盘锦', address: 'H4', level: 'info' },
      ],
    });

    const again = await XlsxWorkbookPort.open(annotated, 'u.xlsx');
    expect((await again.readWorkbook()).sheets.map((s) => s.name)).toEqual(['盘锦']);
    await again.clearHighlights();
    expect(await reloadBytes(await again.toBytes())).toEqual(await reloadBytes(input));
  });

  it('keeps every user value, formula and number format in the saved annotated copy', async () => {
    const input = await userWorkbook();
    const port = await XlsxWorkbookPort.open(input, 'u.xlsx');
    await port.highlight([{ sheet: '盘锦', cell: 'G4', level: 'error', note: '同比不符' }]);
    await port.writeSheets([{ name: TOOL_SHEETS.findings, columns: [{ width: 10 }], rows: [[{ v: 'x' }]] }]);
    const orig = (await reload(input)).getWorksheet('盘锦');
    const out = (await reload(await port.toBytes())).getWorksheet('盘锦');
    if (!orig || !out) throw new Error('no sheet');
    for (const addr of ['A1', 'E4', 'F4', 'G4', 'H4']) {
      expect(out.getCell(addr).value).toEqual(orig.getCell(addr).value);
      expect(out.getCell(addr).numFmt).toEqual(orig.getCell(addr).numFmt);
      expect(out.getCell(addr).formula).toEqual(orig.getCell(addr).formula);
    }
    expect(out.getCell('G4').result).toBe(13.3);
    expect(out.getCell('G4').note).toBe('同比不符');
  });
});

describe('writeSheets', () => {
  it('renders values, formulas, styles, widths, freeze, merges and tab colour, replacing the old sheet', async () => {
    const port = await XlsxWorkbookPort.open(await userWorkbook(), 'u.xlsx');
    await port.writeSheets([{ name: TOOL_SHEETS.findings, columns: [{ width: 5 }], rows: [[{ v: 'old' }]] }]);
    await port.writeSheets([
      {
        name: TOOL_SHEETS.findings,
        columns: [{ width: 12 }, { width: 30 }],
        rows: [
          [{ v: '核查结果', style: 'title' }],
          [{ v: '级别', style: 'header' }, { v: '数值', style: 'header' }],
          [{ v: '错误', style: 'error' }, { v: 1234.5, fmt: '#,##0.0' }],
          [{ v: 3, f: "1+2" }],
        ],
        freeze: { rows: 2, cols: 0 },
        merges: ['A1:B1'],
        tabColor: 'C00000',
      },
    ]);
    const wb = await reload(await port.toBytes());
    expect(wb.worksheets.filter((w) => w.name === TOOL_SHEETS.findings)).toHaveLength(1);
    const ws = wb.getWorksheet(TOOL_SHEETS.findings);
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('核查结果');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('A3').font?.color).toEqual({ argb: 'FF9C0006' });
    expect(ws.getCell('B3').numFmt).toBe('#,##0.0');
    expect(ws.getCell('A4').formula).toBe('1+2');
    expect(ws.getCell('A4').result).toBe(3);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 0 });
    expect(ws.model.merges).toEqual(['A1:B1']);
    expect(ws.properties.tabColor).toEqual({ argb: 'FFC00000' });
    expect(wb.getWorksheet('盘锦')?.getCell('E4').value).toBe(398765.4);
  });

  it('refuses to write a user sheet name into an opened workbook, but not into a created one', async () => {
    const port = await XlsxWorkbookPort.open(await userWorkbook(), 'u.xlsx');
    await expect(port.writeSheets([{ name: '盘锦', columns: [], rows: [] }])).rejects.toMatchObject({ code: 'E_NOT_TOOL_SHEET' });
    const created = XlsxWorkbookPort.create('新.xlsx');
    await created.writeSheets([{ name: '任意', columns: [], rows: [[{ v: 1 }]] }]);
    const wb = await reload(await created.toBytes());
    expect(wb.getWorksheet('任意')?.getCell('A1').value).toBe(1);
  });
});

describe('stored configuration', () => {
  it('round-trips long JSON through a veryHidden sheet in chunks, and is not read as a report sheet', async () => {
    const port = await XlsxWorkbookPort.open(await userWorkbook(), 'u.xlsx');
    expect(await port.loadStoredConfig()).toBeNull();
    const json = JSON.stringify({ name: '盘锦市商务局', pad: 'x'.repeat(CONFIG_CHUNK * 2 + 17), emoji: '😀' });
    await port.storeConfig('{"old":1}');
    await port.storeConfig(json);
    const again = await XlsxWorkbookPort.open(await port.toBytes(), 'u.xlsx');
    expect(await again.loadStoredConfig()).toBe(json);
    const ws = (await reload(await port.toBytes())).getWorksheet(TOOL_SHEETS.config);
    expect(ws?.state).toBe('veryHidden');
    expect(ws?.rowCount).toBe(3);
    const grid = await again.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual(['盘锦']);
  });

  it('does not split a surrogate pair across chunks', async () => {
    const port = XlsxWorkbookPort.create('c.xlsx');
    const json = 'a'.repeat(CONFIG_CHUNK - 1) + '😀' + 'b';
    await port.storeConfig(json);
    const ws = (await reload(await port.toBytes())).getWorksheet(TOOL_SHEETS.config);
    expect(String(ws?.getCell(1, 1).value)).toHaveLength(CONFIG_CHUNK - 1);
    expect(await port.loadStoredConfig()).toBe(json);
  });
});
