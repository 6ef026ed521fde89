/**
 * The pre-parse inspector of zip packages: what it says a package is, the bounded inflater against
 * node:zlib, and the limits a caller can tighten. (Every corpus file's expected code, through the
 * entry that dispatches by format: src/xlsx/open/read-workbook.test.ts.)
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { buildCorpus, type CorpusFile } from '../../../test/hostile/corpus';
import { bookParts, GOOD_ROWS, reportSheet } from '../../../test/hostile/workbook-xml';
import { zip } from '../../../test/hostile/zip-writer';
import { INPUT_ERROR_CODES } from './codes';
import { inflateRaw } from './inflate-raw';
import { parseRef, rangeArea, referencedSheets, isUnsafeName } from './ooxml-rules';
import { DEFAULT_INSPECT_LIMITS, inspectZip } from './zip-inspect';
import { XmlScan, type XmlVisitor } from './xml-scan';

let corpus: CorpusFile[];
beforeAll(() => {
  corpus = buildCorpus();
});

function inflateAll(comp: Uint8Array, max = 1e9): { status: string; data: Buffer } {
  const parts: Buffer[] = [];
  const r = inflateRaw(comp, 0, comp.length, max, (c, s, e) => {
    parts.push(Buffer.from(c.subarray(s, e)));
    return true;
  });
  return { status: r.status, data: Buffer.concat(parts) };
}

describe('inspectZip', () => {
  it('refuses a workbook over the total inflated size (E_TOO_LARGE from the declared sizes)', () => {
    const good = zip(bookParts({ sheets: [reportSheet('S', GOOD_ROWS)] }));
    expect(inspectZip(good, { maxTotalInflated: 1000 })).toMatchObject({ ok: false, code: 'E_TOO_LARGE' });
    expect(inspectZip(good).ok).toBe(true);
  });

  it('returns info for a valid workbook', () => {
    const r = inspectZip(zip(bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('大连', GOOD_ROWS)] })));
    expect(r).toMatchObject({ ok: true, info: { kind: 'xlsx', sheetNames: ['盘锦辽滨', '大连'], worksheetParts: 2 } });
  });

  it('accepts data validations whatever their size (the reader never expands them), and still refuses huge merges', () => {
    const sheet = (after: string): Uint8Array => {
      const rs = reportSheet('盘锦辽滨', GOOD_ROWS);
      return zip(bookParts({ sheets: [{ ...rs, after: (rs.after ?? '') + after }, reportSheet('大连', GOOD_ROWS)] }));
    };
    const wholeColumn = '<dataValidations count="2"><dataValidation type="list" sqref="C1:C1048576"><formula1>"万元"</formula1></dataValidation><dataValidation type="list" sqref="I:I A1:XFD1048576"><formula1>"是"</formula1></dataValidation></dataValidations>';
    expect(inspectZip(sheet(wholeColumn)).ok).toBe(true);
    const x14 = '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1"><x14:dataValidation type="list"><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">I1:I1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    expect(inspectZip(sheet(x14)).ok).toBe(true);
    // merges stay bounded: the reader visits the cells under each merge (and exceljs, which made
    // the summary workbook, expands them: C1:C1048576 took 3.3 s and 712 MB)
    expect(inspectZip(sheet('<mergeCells count="1"><mergeCell ref="C2:C1048576"/></mergeCells>'))).toMatchObject({ ok: false, code: 'E_RANGE_TOO_LARGE' });
    expect(inspectZip(sheet('<mergeCells count="1"><mergeCell ref="C2:C1048576"/></mergeCells>'), { maxMergedCells: 2_000_000 }).ok).toBe(true);
    // conditional formats, hyperlinks: exceljs does not expand them (A1:XFD1048576 loads in ~25 ms); only bounded
    expect(inspectZip(sheet('<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>')).ok).toBe(true);
    expect(inspectZip(sheet('<conditionalFormatting sqref="A1:A1048577"/>'))).toMatchObject({ ok: false, code: 'E_ROW_LIMIT' });
  });

  it('never throws on a mangled bomb, and answers a closed-list code or a bounded size', () => {
    const bomb = corpus.find((f) => f.name === 'bomb-lying-size.xlsx');
    if (!bomb) throw new Error('corpus changed');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), (junk, at) => {
        const b = Uint8Array.from(bomb.bytes);
        b.set(junk.subarray(0, Math.max(0, b.length - (at % b.length))), at % b.length);
        const r = inspectZip(b);
        if (r.ok) expect(r.info.inflatedBytes).toBeLessThanOrEqual(DEFAULT_INSPECT_LIMITS.maxTotalInflated);
        else expect(INPUT_ERROR_CODES).toContain(r.code);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('bounded inflater', () => {
  it('matches node:zlib on random data at every level', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 255 }), (raw, level, alpha) => {
        const data = Buffer.from(raw.map((x) => x % alpha));
        const r = inflateAll(deflateRawSync(data, { level }));
        expect(r.status).toBe('end');
        expect(r.data.equals(data)).toBe(true);
      }),
      { numRuns: 80, seed: 42 },
    );
  });

  it('stops at maxOut instead of trusting anything', () => {
    const comp = deflateRawSync(Buffer.alloc(5_000_000));
    const r = inflateAll(comp, 100_000);
    expect(r.status).toBe('limit');
    expect(r.data.length).toBeLessThan(100_000 + 200_000);
  });

  it('reports truncation and corruption rather than throwing', () => {
    const comp = deflateRawSync(Buffer.from('指标名称'.repeat(5000)));
    expect(inflateAll(comp.subarray(0, comp.length >> 1)).status).toBe('truncated');
    expect(inflateAll(Uint8Array.from([0xff, 0xff, 0xff])).status).toMatch(/corrupt|truncated/);
  });

  it('stops when the sink says so', () => {
    const comp = deflateRawSync(Buffer.alloc(1_000_000, 65));
    let calls = 0;
    const r = inflateRaw(comp, 0, comp.length, 1e9, () => ++calls < 2);
    expect(r.status).toBe('stopped');
    expect(calls).toBe(2);
  });
});

describe('reference and name rules', () => {
  it('bounds cell references at XFD1048576', () => {
    expect(parseRef('XFD1048576')).toEqual({ row: 1048576, col: 16384 });
    expect(parseRef('XFE1')).toBe('E_COL_LIMIT');
    expect(parseRef('A1048577')).toBe('E_ROW_LIMIT');
    expect(parseRef('A0')).toBe('E_BAD_REF');
    expect(parseRef('1A')).toBe('E_BAD_REF');
    expect(rangeArea('A1:B2 D4')).toBe(5);
    expect(rangeArea('A1:B2:C3')).toBe('E_BAD_REF');
  });

  it('finds reserved names, quoted or not, and sheet names in defined-name formulas', () => {
    expect(referencedSheets("'a''b'!A1+Sheet2!B2")).toEqual(["a'b", 'Sheet2']);
    expect(isUnsafeName("'__proto__'")).toBe(true);
    expect(isUnsafeName('Constructor')).toBe(true);
    expect(isUnsafeName('__proto__x')).toBe(false);
  });
});

describe('XML scan', () => {
  /** Scans `xml` fed in pieces of `step` bytes; returns the error and the r of every row tag. */
  function scan(xml: string | Uint8Array, step = 1 << 20): { error: string | null; rows: string[] } {
    const rows: string[] = [];
    const v: XmlVisitor = {
      tags: new Set(['row']),
      onTag: (_l, text) => {
        rows.push(/r="([^"]*)"/.exec(text)?.[1] ?? '');
        return null;
      },
    };
    const s = new XmlScan(v);
    const b = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    for (let i = 0; i < b.length; i += step) s.push(b, i, Math.min(b.length, i + step));
    return { error: s.finish(), rows };
  }

  it('refuses any declaration, but not one inside a comment, CDATA or processing instruction', () => {
    expect(scan('<?xml version="1.0"?><!DOCTYPE a><a/>').error).toBe('E_XML_DTD');
    expect(scan('<a><!ENTITY x "y"></a>').error).toBe('E_XML_DTD');
    expect(scan('<a><!-- <!DOCTYPE a> --><![CDATA[<!ENTITY x>]]><?pi <!DOCTYPE?><row r="1"/></a>')).toEqual({ error: null, rows: ['1'] });
  });

  it('finds the same tags whatever the chunk boundaries, including a > inside an attribute', () => {
    const xml = '<x:sheetData><x:row r="1" note="a>b"><c/></x:row><row r="2"/><!-- <row r="9"/> --></x:sheetData>';
    const whole = scan(xml);
    expect(whole).toEqual({ error: null, rows: ['1', '2'] });
    expect(scan(xml, 1)).toEqual(whole);
    expect(scan(xml, 3)).toEqual(whole);
  });

  it('validates UTF-8 across chunk boundaries', () => {
    expect(scan('<t>盘锦①​</t>', 1).error).toBeNull();
    const bad = (bytes: number[]): string | null => scan(Uint8Array.from([0x3c, 0x74, 0x3e, ...bytes])).error;
    expect(bad([0xc0, 0xaf])).toBe('E_BAD_ENCODING'); // overlong '/'
    expect(bad([0xed, 0xa0, 0x80])).toBe('E_BAD_ENCODING'); // a UTF-16 surrogate
    expect(bad([0xf4, 0x90, 0x80, 0x80])).toBe('E_BAD_ENCODING'); // past U+10FFFF
    expect(bad([0xe7, 0x9b])).toBe('E_BAD_ENCODING'); // cut short at the end
  });

  it('refuses a row tag longer than its cap instead of reading past it', () => {
    expect(scan(`<row pad="${'x'.repeat(20000)}" r="1"/>`).error).toBe('E_BAD_REF');
  });
});

describe('zip structure', () => {
  const good = (): Uint8Array => zip(bookParts({ sheets: [reportSheet('S', GOOD_ROWS)] }));

  it('accepts a zip comment after the central directory and refuses a split archive', () => {
    const b = Buffer.from(good());
    const withComment = Buffer.concat([b, Buffer.from('zone comment')]);
    withComment.writeUInt16LE(12, b.length - 2);
    expect(inspectZip(new Uint8Array(withComment)).ok).toBe(true);
    const split = Buffer.from(b);
    split.writeUInt16LE(1, b.length - 22 + 4);
    expect(inspectZip(new Uint8Array(split))).toMatchObject({ ok: false, code: 'E_CORRUPT' });
  });

  it('refuses an entry count over the limit before reading entries', () => {
    expect(inspectZip(good(), { maxEntries: 3 })).toMatchObject({ ok: false, code: 'E_TOO_MANY_PARTS' });
  });

  it('refuses a declared size smaller than the real one (the header lied)', () => {
    const parts = bookParts({ sheets: [reportSheet('S', GOOD_ROWS)] }).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 100 } : p,
    );
    expect(inspectZip(zip(parts))).toMatchObject({ ok: false, code: 'E_ZIP_BOMB' });
  });
});
