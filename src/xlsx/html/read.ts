/**
 * HTML tables → SheetGrid[]: what Excel's "web page" saves, what LibreOffice writes as HTML, and
 * what city systems export as "xls" files that are really a page with a table. The text is already
 * decoded (guard/text.ts). One forward pass over the text, no DOM and no regular expression over the
 * document body, so its time is linear in the file whatever the markup.
 *
 * Layout, as Excel lays a page out when it opens one: every top-level table's rows, one after the
 * other, and text outside tables (a title in <h1>, "填报单位: …" in a <p>) as a row of its own in
 * column A; colspan/rowspan become merged ranges. A LibreOffice export of several sheets
 * (`<a name="table0"><h1>Sheet 1: <em>名称</em></h1></a>` before each table) gives one sheet per
 * table, named as the heading says.
 *
 * Values: where the producer stored the value beside the displayed text it is taken — LibreOffice's
 * `sdval` (with its number format in `sdnum`; an error shows its text and stores 0: read as the
 * error), Excel's `x:num`, `x:str`, `x:bool`, `x:err`, `x:fmla` (with `mso-number-format` from the
 * cell's class or style) — and a cell without one is text, as the producer marked it. A page from
 * any other producer has only displayed text, typed as Excel types it (grid/typed-text.ts).
 * Sheet names: Excel's `<x:Name>`, LibreOffice's headings, else the file's name.
 */
import type { Cell, ScalarValue, SheetGrid } from '../../domain/types';
import { columnLetters } from '../../domain/a1';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from '../guard/limits';
import { DamagedWorkbook } from '../ooxml/workbook-grid';
import { excelSheetName } from '../grid/sheet-name';
import { typedText } from '../grid/typed-text';
import { MAX_CELL_CHARS } from '../csv/read';
import { cssNumberFormats, htmlEntities, indexOfCi, styleNumberFormat } from './markup';

/** Browsers clamp colspan to 1,000 and rowspan to 65,534 (HTML §4.9.11); so does this reader. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'center', 'hr', 'caption', 'title']);

interface Tag {
  name: string;
  close: boolean;
  attrs: Map<string, string>;
}

/** The attributes of a start tag's text (after the name), lower-case names, entity-decoded values. */
function attributesOf(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(s[i])) i++;
    const ns = i;
    while (i < n && !/[\s=/>]/.test(s[i])) i++;
    if (i === ns) {
      i++;
      continue;
    }
    const name = s.slice(ns, i).toLowerCase();
    while (i < n && /\s/.test(s[i])) i++;
    let value = '';
    if (s[i] === '=') {
      i++;
      while (i < n && /\s/.test(s[i])) i++;
      const q = s[i];
      if (q === '"' || q === "'") {
        const e = s.indexOf(q, i + 1);
        value = s.slice(i + 1, e < 0 ? n : e);
        i = e < 0 ? n : e + 1;
      } else {
        const vs = i;
        while (i < n && !/[\s>]/.test(s[i])) i++;
        value = s.slice(vs, i);
      }
    }
    if (!out.has(name)) out.set(name, htmlEntities(value));
  }
  return out;
}

/** A LibreOffice sdnum ("1033;0;#,##0.0") → its format code, or undefined for General. */
function sdnumFormat(sdnum: string | undefined): string | undefined {
  if (sdnum === undefined) return undefined;
  const parts = sdnum.split(';');
  const code = parts.slice(2).join(';');
  return code === '' || /^(general|standard)$/i.test(code) ? undefined : code;
}

/** What the producer marks: LibreOffice (sdval) or Excel (x:num…), or nothing (text only). */
type Producer = 'libreoffice' | 'excel' | 'other';

function producerOf(head: string): Producer {
  if (/<meta[^>]+content\s*=\s*["']?(?:LibreOffice|OpenOffice)/i.test(head)) return 'libreoffice';
  if (/ProgId[^>]*Excel\.Sheet|urn:schemas-microsoft-com:office:excel/i.test(head)) return 'excel';
  return 'other';
}

class Builder {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: string[] = [];
  /** cells covered by an earlier rowspan: row → columns */
  private readonly covered = new Map<number, Set<number>>();
  private col = 0;
  private merged = 0;
  cells = 0;

  constructor(
    readonly name: string,
    private readonly limits: InspectLimits,
    private readonly counter: { cells: number },
  ) {}

  newRow(): void {
    if (this.rows.length >= EXCEL_MAX_ROWS) throw new DamagedWorkbook('E_ROW_LIMIT');
    this.rows.push([]);
    this.col = 0;
  }

  /** Places a cell at the next free column of the current row, spanning as asked. */
  place(cell: Cell | undefined, colspan: number, rowspan: number): void {
    if (this.rows.length === 0) this.newRow();
    const r = this.rows.length - 1;
    const busy = this.covered.get(r);
    while (busy?.has(this.col)) this.col++;
    const c = this.col;
    if (c + colspan > EXCEL_MAX_COLS) throw new DamagedWorkbook('E_COL_LIMIT');
    if (r + rowspan > EXCEL_MAX_ROWS) throw new DamagedWorkbook('E_ROW_LIMIT');
    if (cell) {
      if (++this.counter.cells > this.limits.maxCells) throw new DamagedWorkbook('E_TOO_LARGE');
      this.rows[r][c] = cell;
    }
    if (colspan > 1 || rowspan > 1) {
      this.merged += colspan * rowspan;
      if (this.merged > this.limits.maxMergedCells) throw new DamagedWorkbook('E_RANGE_TOO_LARGE');
      this.merges.push(`${columnLetters(c)}${r + 1}:${columnLetters(c + colspan - 1)}${r + rowspan}`);
      for (let i = 1; i < rowspan; i++) {
        let set = this.covered.get(r + i);
        if (!set) this.covered.set(r + i, (set = new Set()));
        for (let j = 0; j < colspan; j++) set.add(c + j);
      }
    }
    this.col = c + colspan;
  }

  /** A line of text outside any table: a row with the text in column A. */
  textRow(text: string): void {
    const t = text.trim();
    if (t === '') return;
    this.newRow();
    this.place(this.cellOfText(t), 1, 1);
  }

  cellOfText(t: string): Cell | undefined {
    if (t.length > MAX_CELL_CHARS) throw new DamagedWorkbook('E_CELL_TOO_LONG');
    return typedText(t);
  }

  grid(): SheetGrid {
    const rows = this.rows;
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { name: this.name, rows, merges: this.merges };
  }
}

/** Reads the tables of an HTML page as sheets (see the module comment). */
export function readHtml(text: string, fallbackName: string, limits: InspectLimits): SheetGrid[] {
  const bodyAt = text.search(/<body[\s>]/i);
  const head = text.slice(0, Math.min(bodyAt > 0 ? bodyAt : 8192, 65536));
  const producer = producerOf(head);
  const formats = cssNumberFormats(text);
  // Excel's own sheet name (<x:ExcelWorksheet><x:Name>…), in the conditional comment of its page
  const excelName = /<x:ExcelWorksheet>\s*<x:Name>([^<]{1,200})<\/x:Name>/i.exec(text.slice(0, 1 << 20))?.[1];
  // LibreOffice's export of several sheets: a heading per table, text outside tables is its index
  const loSheets = /<a\s+name\s*=\s*["']?table\d+["']?\s*>\s*<h1>/i.test(text);
  const counter = { cells: 0 };
  const sheets: Builder[] = [];
  let current: Builder | null = null;
  const startSheet = (name: string): Builder => {
    const b = new Builder(name, limits, counter);
    sheets.push(b);
    return b;
  };

  let depth = 0; // table nesting
  let loHeading: string | null = null; // a LibreOffice sheet heading seen, awaiting its table
  let inH1 = false;
  let h1Em = '';
  let inEm = false;
  let block = '';
  let cell: { attrs: Map<string, string>; text: string } | null = null;
  let inRow = false;

  const sheet = (): Builder => (current ??= startSheet(excelSheetName(htmlEntities(excelName ?? fallbackName), 'Sheet1')));
  const flushBlock = (): void => {
    if (depth === 0 && !loSheets && block.trim() !== '') sheet().textRow(block);
    block = '';
  };
  const closeCell = (): void => {
    if (!cell || !current) return;
    const a = cell.attrs;
    const colspan = Math.min(MAX_COLSPAN, Math.max(1, parseInt(a.get('colspan') ?? '1', 10) || 1));
    const rowspan = Math.min(MAX_ROWSPAN, Math.max(1, parseInt(a.get('rowspan') ?? '1', 10) || 1));
    current.place(cellValue(cell.text.trim(), a, producer, formats, current), colspan, rowspan);
    cell = null;
  };
  const closeRow = (): void => {
    closeCell();
    inRow = false;
  };

  const n = text.length;
  let i = bodyAt > 0 ? bodyAt : 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? n : lt;
    if (stop > i) {
      const chunk = htmlEntities(text.slice(i, stop).replace(/[\t\r\n]+/g, ' '));
      if (cell) {
        cell.text += chunk;
        if (cell.text.length > MAX_CELL_CHARS * 4) throw new DamagedWorkbook('E_CELL_TOO_LONG');
      } else if (inEm && inH1) h1Em += chunk;
      else if (depth === 0) {
        block += chunk;
        if (block.length > MAX_CELL_CHARS * 4) throw new DamagedWorkbook('E_CELL_TOO_LONG');
      }
    }
    if (lt < 0) break;
    // markup
    if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text[lt + 1] === '!' || text[lt + 1] === '?') {
      const e = text.indexOf('>', lt + 2);
      i = e < 0 ? n : e + 1;
      continue;
    }
    const tag = readTag(text, lt);
    if (!tag) {
      // a '<' that opens no tag is text
      if (cell) cell.text += '<';
      else if (depth === 0) block += '<';
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const t = tag.tag;
    if (!t.close && (t.name === 'script' || t.name === 'style')) {
      const e = indexOfCi(text, `</${t.name}`, i);
      i = e < 0 ? n : e;
      continue;
    }
    switch (t.name) {
      case 'table':
        if (!t.close) {
          if (depth === 0) {
            flushBlock();
            if (loHeading !== null) {
              current = startSheet(loHeading);
              loHeading = null;
            } else sheet();
          } else if (cell) cell.text += ' ';
          depth++;
        } else if (depth > 0) {
          depth--;
          if (depth === 0) {
            closeRow();
          }
        }
        break;
      case 'tr':
        if (depth !== 1) break;
        if (!t.close) {
          closeRow();
          (current ?? sheet()).newRow();
          inRow = true;
        } else closeRow();
        break;
      case 'td':
      case 'th':
        if (depth !== 1) break;
        if (!t.close) {
          closeCell();
          if (!inRow) {
            (current ?? sheet()).newRow();
            inRow = true;
          }
          cell = { attrs: t.attrs, text: '' };
        } else closeCell();
        break;
      case 'br':
        if (cell) cell.text += '\n';
        else if (depth === 0) flushBlock();
        break;
      case 'a':
        if (!t.close && depth === 0 && loSheets && /^table\d+$/i.test(t.attrs.get('name') ?? '')) loHeading = '';
        break;
      case 'h1':
        if (loHeading !== null) {
          inH1 = !t.close;
          if (t.close) {
            loHeading = excelSheetName(h1Em.trim(), `Sheet${sheets.length + 1}`);
            h1Em = '';
          }
        } else if (depth === 0) flushBlock();
        break;
      case 'em':
        inEm = !t.close;
        break;
      default:
        if (BLOCKS.has(t.name) && depth === 0) flushBlock();
        else if (cell && (t.name === 'p' || t.name === 'div') && t.close) cell.text += '\n';
    }
  }
  if (depth > 0) closeRow();
  flushBlock();
  if (sheets.length === 0) throw new DamagedWorkbook('E_NO_SHEETS');
  const names = new Set<string>();
  return sheets.map((b) => {
    const key = b.name.toLowerCase();
    if (names.has(key)) throw new DamagedWorkbook('E_CORRUPT');
    names.add(key);
    return b.grid();
  });
}

/** The tag starting at `lt`, or null when '<' opens no tag. Attribute values may hold '>'. */
function readTag(text: string, lt: number): { tag: Tag; end: number } | null {
  let i = lt + 1;
  const close = text[i] === '/';
  if (close) i++;
  const ns = i;
  while (i < text.length && /[A-Za-z0-9:-]/.test(text[i])) i++;
  if (i === ns || !/[A-Za-z]/.test(text[ns])) return null;
  const name = text.slice(ns, i).toLowerCase();
  let q = '';
  let j = i;
  for (; j < text.length; j++) {
    const ch = text[j];
    if (q) {
      if (ch === q) q = '';
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '>') break;
  }
  const attrText = text.slice(i, j);
  return { tag: { name, close, attrs: close ? new Map() : attributesOf(attrText) }, end: Math.min(text.length, j + 1) };
}

/** A table cell's value from its attributes (what the producer stored) or its text. */
function cellValue(textRaw: string, a: Map<string, string>, producer: Producer, formats: Map<string, string>, b: Builder): Cell | undefined {
  const text = textRaw.replace(/\u00a0/g, ' ').trim() === '' ? '' : textRaw.trim();
  const fmt = sdnumFormat(a.get('sdnum')) ?? styleFormat(a, formats);
  const formula = a.get('x:fmla');
  let v: ScalarValue | undefined;
  if (a.has('sdval')) {
    const n = Number(a.get('sdval'));
    v = ERRORS.has(text) ? { error: text } : Number.isFinite(n) && a.get('sdval') !== '' ? n : text;
  } else if (a.has('x:num')) {
    const raw = a.get('x:num') || text.replace(/,/g, '');
    const n = Number(raw);
    v = Number.isFinite(n) && raw !== '' ? n : text;
  } else if (a.has('x:bool')) v = /^true$/i.test(a.get('x:bool') || text);
  else if (a.has('x:err')) v = { error: a.get('x:err') || text };
  else if (a.has('x:str')) v = a.get('x:str') || text;
  else if (producer !== 'other') v = text === '' ? undefined : ERRORS.has(text) && producer === 'excel' ? { error: text } : text;
  else {
    const typed = text === '' ? undefined : b.cellOfText(text);
    if (typed && fmt && !typed.fmt) typed.fmt = fmt;
    if (typed && formula) typed.f = formula.replace(/^=/, '');
    return typed;
  }
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new DamagedWorkbook('E_CELL_TOO_LONG');
  if (v === undefined && formula === undefined) return undefined;
  const cell: Cell = formula !== undefined ? { v: v ?? '', f: formula.replace(/^=/, '') } : { v: v ?? null };
  if (fmt) cell.fmt = fmt;
  return cell;
}

function styleFormat(a: Map<string, string>, formats: Map<string, string>): string | undefined {
  const inline = styleNumberFormat(a.get('style') ?? '');
  if (inline !== undefined) return inline;
  for (const cls of (a.get('class') ?? '').split(/\s+/)) {
    const f = formats.get(cls.toLowerCase());
    if (f !== undefined) return f;
  }
  return undefined;
}
