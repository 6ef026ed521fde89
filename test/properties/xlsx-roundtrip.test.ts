/**
 * Property: any grid written with exceljs into an .xlsx, saved, then read back through the project's
 * reader (XlsxWorkbookPort.open(bytes).readWorkbook() → WorkbookGrid) gives the same logical values.
 * Cells: numbers (0, -0, subnormal, huge, integers, decimals), strings (CJK, full-width digits and
 * letters, zero-width characters, emoji surrogate pairs, leading/trailing spaces, line breaks, and
 * look-alikes "001", "1e5", "=A1", "TRUE", "#N/A"), rich text, booleans, error values, dates, and
 * formula cells with cached results (0, false, "" included) or without one.
 *
 * The normalisations the round trip applies, asserted exactly (and nothing else may change):
 *  - -0 → 0 (as a number and as a cached result);
 *  - "\r\n" and a lone "\r" → "\n" (XML end-of-line handling);
 *  - C0 control characters other than tab, line feed and carriage return are dropped (XML 1.0
 *    cannot carry them);
 *  - rich text → its runs' text joined, each run normalised on its own (so "\r" + "\n" in two runs
 *    gives two line feeds: found by the 10,000-run property, seed -63040547);
 *  - a date → its serial day number (as Excel stores it, days since 1899-12-30, the time as the
 *    fraction) with a date number format: what the Office.js port hands over too, and what the
 *    domain reads as a date (src/domain/cells/read-number.ts isDateFormat);
 *  - a formula without cached result → { v: null, noResult: true };
 *  - a string holding an OOXML escape "_xHHHH_" is kept out of the generator: exceljs writes it
 *    unescaped, so it comes back decoded (recorded below as a known limitation).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Cell, ScalarValue } from '../../src/domain/types';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { isDateFormat } from '../../src/domain/cells/read-number';
import { propertyParams, propertyTimeout } from './runs';

// ------------------------------------------------------------------ what is written

type ErrorCode = ExcelJS.CellErrorValue['error'];

type Written =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'rich'; runs: string[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: ErrorCode }
  | { kind: 'date'; ms: number }
  | { kind: 'formula'; formula: string; result: number | string | boolean | { error: ErrorCode } | null };

const ERRORS: ErrorCode[] = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'];

const number: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.1, 0.2 + 0.1, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e21, 123456789.123456),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => n / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Pieces strings are made of: what Chinese reports carry, and what tempts a reader to misread. */
const PIECES = [
  '规模以上工业总产值', '开发区', '万元', '亿元', '同比', '辽滨', '其中:', '填报单位：',
  '１２３', '４５６．７', 'ＡＢＣ', '（万元）', '％', '－', '：', '\u3000', '　　',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u00A0',
  '😀', '𠮷', '👍🏽', '🇨🇳',
  ' ', '  ', '\t', '\n', '\r\n', '\r',
  '001', '1e5', '-1e-5', '=A1', '=SUM(A1:A3)', '+1', '-0', '1,234', '12.3%', 'TRUE', 'FALSE', '#N/A', '#DIV/0!', '…', '—', '#', '①',
  'abc', 'Z', '0', '.', '"', "'", '<', '&', '>', ']]>', '_', 'x0041',
  '\u0001', '\u0008', '\u000B', '\u001F',
];
const OOXML_ESCAPE = /_x[0-9A-Fa-f]{4}_/;

const text: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 })
  .map((parts) => parts.join(''))
  // lone surrogates cannot be stored in XML at all (Excel never writes them); the OOXML escape is a known limitation
  .filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s) && !OOXML_ESCAPE.test(s));

const dateMs = fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });

const FORMULAS = ['A1+1', 'SUM(B1:B3)', 'IF(A1>0,"是","否")', 'A1&""', 'IFERROR(1/0,0)', "'表 一'!A1*2", 'ROUND(C3/1E4,2)'];

const written: fc.Arbitrary<Written> = fc.oneof(
  { weight: 4, arbitrary: number.map((value): Written => ({ kind: 'number', value })) },
  { weight: 4, arbitrary: text.map((value): Written => ({ kind: 'string', value })) },
  { weight: 1, arbitrary: fc.array(text.filter((s) => s !== ''), { minLength: 1, maxLength: 3 }).map((runs): Written => ({ kind: 'rich', runs })) },
  { weight: 1, arbitrary: fc.boolean().map((value): Written => ({ kind: 'boolean', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((value): Written => ({ kind: 'error', value })) },
  { weight: 1, arbitrary: dateMs.map((ms): Written => ({ kind: 'date', ms })) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        formula: fc.constantFrom(...FORMULAS),
        result: fc.oneof(
          fc.constantFrom<number | string | boolean | null>(0, -0, false, true, '', null),
          number,
          text,
          fc.constantFrom(...ERRORS).map((error): { error: ErrorCode } => ({ error })),
        ),
      })
      .map((r): Written => ({ kind: 'formula', ...r })),
  },
);

interface SheetSpec {
  name: string;
  cells: { row: number; col: number; w: Written }[];
}

const SHEET_NAMES = ['辽滨', '大连经开区', '表 一', 'Sheet1', '开发区名录', '２０２６年９月', '（汇）', "O'Brien"];

const sheetCells = fc.uniqueArray(
  fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }), w: written }),
  { selector: (c) => `${c.row},${c.col}`, minLength: 1, maxLength: 30 },
);

const workbookSpec: fc.Arbitrary<SheetSpec[]> = fc
  .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => sheetCells.map((cells): SheetSpec => ({ name, cells })))));

function exceljsValue(w: Written): ExcelJS.CellValue {
  switch (w.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return w.value;
    case 'rich':
      return { richText: w.runs.map((t, i) => (i % 2 === 1 ? { text: t, font: { bold: true } } : { text: t })) };
    case 'error':
      return { error: w.value };
    case 'date':
      return new Date(w.ms);
    case 'formula':
      return w.result === null ? { formula: w.formula, date1904: false } : { formula: w.formula, result: w.result, date1904: false };
  }
}

async function writeWorkbook(spec: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) ws.getCell(c.row, c.col).value = exceljsValue(c.w);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ------------------------------------------------------------------ what must come back

/** The round trip's text normalisation (see the header): line ends, C0 controls. */
export function xmlText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function scalar(x: number | string | boolean | { error: string }): ScalarValue {
  if (typeof x === 'number') return x === 0 ? 0 : x; // -0 → 0
  if (typeof x === 'string') return xmlText(x);
  return x;
}

function expected(w: Written): Cell {
  switch (w.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return { v: scalar(w.value) };
    case 'rich':
      // each run is its own XML text: "\r" ending one run and "\n" starting the next are two line feeds
      return { v: w.runs.map(xmlText).join('') };
    case 'error':
      return { v: { error: w.value } };
    case 'date':
      // exceljs writes 25569 + ms/86,400,000 (its dateToExcel); the shortest decimal reads back exactly
      return { v: 25569 + w.ms / 86_400_000 };
    case 'formula':
      return w.result === null ? { v: null, f: w.formula, noResult: true } : { v: scalar(w.result), f: w.formula };
  }
}

/** A read cell without its number format (asserted separately: only dates carry one). */
function logical(c: Cell): Cell {
  const { fmt: _fmt, ...rest } = c;
  return rest;
}

describe('property: .xlsx write → read gives the same logical values', () => {
  test(
    'every written cell comes back as written (normalisations as stated), no other cell appears, 0 stays 0',
    async () => {
      let cells = 0;
      await fc.assert(
        fc.asyncProperty(workbookSpec, async (spec) => {
          const bytes = await writeWorkbook(spec);
          const port = await XlsxWorkbookPort.open(bytes, '往返.xlsx');
          const grid = await port.readWorkbook();
          expect(grid.sheets.map((s) => s.name)).toEqual(spec.map((s) => s.name));
          for (const [i, s] of spec.entries()) {
            const rows = grid.sheets[i].rows;
            const want = new Map(s.cells.map((c) => [`${c.row - 1},${c.col - 1}`, c.w]));
            // nothing read that was not written
            rows.forEach((row, r) =>
              row.forEach((cell, c) => {
                if (cell !== undefined) expect({ at: `${r},${c}`, written: want.has(`${r},${c}`) }).toEqual({ at: `${r},${c}`, written: true });
              }),
            );
            for (const c of s.cells) {
              const got = rows[c.row - 1]?.[c.col - 1];
              const w = c.w;
              if (got === undefined) throw new Error(`${s.name}!R${c.row}C${c.col}: written ${JSON.stringify(w)}, read nothing`);
              expect({ at: `${s.name}!R${c.row}C${c.col}`, cell: logical(got) }).toEqual({ at: `${s.name}!R${c.row}C${c.col}`, cell: expected(w) });
              // a zero is the number 0, never blank, false or ""
              if ((w.kind === 'number' && w.value === 0) || (w.kind === 'formula' && w.result === 0)) expect(Object.is(got.v, 0)).toBe(true);
              // look-alikes stay text: the reader never turns a string into a number
              if (w.kind === 'string') expect(typeof got.v).toBe('string');
              // only dates carry a number format here
              const isDate = w.kind === 'date';
              expect({ at: `${s.name}!R${c.row}C${c.col}`, hasFormat: got.fmt !== undefined }).toEqual({ at: `${s.name}!R${c.row}C${c.col}`, hasFormat: isDate });
              if (isDate) expect(isDateFormat(got.fmt)).toBe(true);
              cells += 1;
            }
          }
        }),
        propertyParams(),
      );
      expect(cells).toBeGreaterThan(0);
    },
    propertyTimeout(150),
  );

  test('fixed examples of each normalisation', async () => {
    const spec: SheetSpec[] = [
      {
        name: '例',
        cells: [
          { row: 1, col: 1, w: { kind: 'number', value: -0 } },
          { row: 1, col: 2, w: { kind: 'formula', formula: 'A1-0', result: -0 } },
          { row: 1, col: 3, w: { kind: 'formula', formula: 'A1=1', result: false } },
          { row: 1, col: 4, w: { kind: 'formula', formula: 'A1&""', result: '' } },
          { row: 2, col: 1, w: { kind: 'string', value: '甲\r\n乙\r丙' } },
          { row: 2, col: 2, w: { kind: 'string', value: 'a\u0001b\u001Fc\td' } },
          { row: 2, col: 3, w: { kind: 'string', value: ' \u200B１２３\u3000' } },
          { row: 2, col: 4, w: { kind: 'rich', runs: ['\r', '\n', ' '] } },
          { row: 3, col: 1, w: { kind: 'date', ms: Date.UTC(2026, 8, 30) } },
          { row: 3, col: 2, w: { kind: 'date', ms: Date.UTC(2026, 8, 30, 8, 15, 0, 250) } },
        ],
      },
    ];
    const grid = await (await XlsxWorkbookPort.open(await writeWorkbook(spec), 'x.xlsx')).readWorkbook();
    const rows = grid.sheets[0].rows.map((r) => r.map((c) => (c ? logical(c) : c)));
    expect(rows[0]).toEqual([{ v: 0 }, { v: 0, f: 'A1-0' }, { v: false, f: 'A1=1' }, { v: '', f: 'A1&""' }]);
    expect(Object.is(rows[0][0]?.v, 0)).toBe(true);
    expect(rows[1]).toEqual([{ v: '甲\n乙\n丙' }, { v: 'abc\td' }, { v: ' \u200B１２３\u3000' }, { v: '\n\n ' }]);
    expect(rows[2]).toEqual([{ v: 46295 }, { v: 46295 + (8 * 3600 + 15 * 60 + 0.25) / 86_400 }]);
  });

  // KNOWN LIMITATION (exceljs 4.4.0's writer, not the reader): a text that happens to look like an
  // OOXML escape "_xHHHH_" is written unescaped (Excel would write "_x005F_xHHHH_"), so reading it
  // back decodes it. Excel's own files are read correctly; a copy written by exceljs (annotated
  // workbook, summary) would change such a text. `test.failing` passes while this holds.
  test.failing('a text "_x0041_" survives the round trip (today: comes back as "A")', async () => {
    const grid = await (
      await XlsxWorkbookPort.open(await writeWorkbook([{ name: 'S', cells: [{ row: 1, col: 1, w: { kind: 'string', value: '_x0041_' } }] }]), 'x.xlsx')
    ).readWorkbook();
    expect(grid.sheets[0].rows[0][0]).toEqual({ v: '_x0041_' });
  });
});
