/**
 * Delimited text (CSV, tab- or semicolon-separated) → one SheetGrid. The text is already decoded
 * (guard/text.ts: by byte-order mark, else UTF-8, else GB18030, never guessed by a library). The
 * delimiter is the one Excel would use: a first line `sep=;` names it, else the candidate (comma,
 * tab, semicolon) found the same number of times on the most of the first 50 lines. Fields follow
 * RFC 4180 (quotes, doubled quotes, line breaks inside quotes), leniently as Excel reads them.
 * Each field is typed as Excel types it on opening (grid/typed-text.ts).
 *
 * A CSV has one sheet, named after the file (grid/sheet-name.ts), no formats, no formulas and no
 * merges: what depends on them cannot be checked, and the file's note says so (open/notes.ts).
 * Bounds are enforced while parsing, before anything is built: a field longer than Excel's 32,767
 * characters, more than 16,384 columns or 1,048,576 rows, more cells than the limit.
 */
import type { Cell, SheetGrid } from '../../domain/types';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from '../guard/limits';
import { DamagedWorkbook } from '../ooxml/workbook-grid';
import { typedText } from '../grid/typed-text';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

const CANDIDATES = [',', '\t', ';'] as const;
const QUOTE = 0x22;

/** Counts of each candidate delimiter outside quotes, per line, over the first `maxLines` lines. */
function counts(text: string, from: number, maxLines: number): Map<string, number[]> {
  const out = new Map<string, number[]>(CANDIDATES.map((d) => [d, []]));
  let line = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = from; i < text.length && lines < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      for (const d of CANDIDATES) out.get(d)?.push(line.get(d) ?? 0);
      line = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
      lines++;
    } else if (!quoted && line.has(ch)) line.set(ch, (line.get(ch) ?? 0) + 1);
  }
  if (lines < maxLines) for (const d of CANDIDATES) out.get(d)?.push(line.get(d) ?? 0);
  return out;
}

/** The delimiter: the candidate seen the same (non-zero) number of times on the most lines. */
export function detectDelimiter(text: string, from = 0): string {
  let best: string = ',';
  let bestScore = 0;
  for (const [d, perLine] of counts(text, from, 50)) {
    const freq = new Map<number, number>();
    for (const n of perLine) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    const score = Math.max(0, ...freq.values());
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Reads delimited text as one sheet named `sheetName`; throws DamagedWorkbook with a bound's code. */
export function readDelimited(text: string, sheetName: string, limits: InspectLimits): SheetGrid {
  let start = 0;
  let delim: string;
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (sep) {
    delim = sep[1];
    start = sep[0].length;
  } else delim = detectDelimiter(text);
  const d = delim.charCodeAt(0);
  const rows: (Cell | undefined)[][] = [];
  let row: (Cell | undefined)[] = [];
  let cells = 0;
  const n = text.length;
  let i = start;

  const put = (raw: string): void => {
    if (row.length >= EXCEL_MAX_COLS) throw new DamagedWorkbook('E_COL_LIMIT');
    const cell = typedText(raw);
    if (cell && ++cells > limits.maxCells) throw new DamagedWorkbook('E_TOO_LARGE');
    row.length++;
    if (cell) row[row.length - 1] = cell;
  };
  const endRow = (): void => {
    if (rows.length >= EXCEL_MAX_ROWS) throw new DamagedWorkbook('E_ROW_LIMIT');
    // trailing empty fields are no cells (an empty line is an empty row), as the other readers give them
    while (row.length > 0 && row[row.length - 1] === undefined) row.length--;
    rows.push(row);
    row = [];
  };

  while (i <= n) {
    // one field
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // an unterminated quote: the rest of the file is the field, as Excel reads it
          out += text.slice(j);
          j = n;
          break;
        }
        out += text.slice(j, q);
        if (out.length > MAX_CELL_CHARS) throw new DamagedWorkbook('E_CELL_TOO_LONG');
        if (text.charCodeAt(q + 1) === QUOTE) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // anything between the closing quote and the delimiter belongs to the field; a line break in
      // the field is one LF, as a cell holds it (Excel's Alt+Enter; the .xlsx reader normalises too)
      let k = j;
      while (k < n && text.charCodeAt(k) !== d && text[k] !== '\n' && text[k] !== '\r') k++;
      value = (out + text.slice(j, k)).replace(/\r\n?/g, '\n');
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text[k] !== '\n' && text[k] !== '\r') {
        k++;
        if (k - i > MAX_CELL_CHARS) throw new DamagedWorkbook('E_CELL_TOO_LONG');
      }
      value = text.slice(i, k);
      i = k;
    }
    if (value.length > MAX_CELL_CHARS) throw new DamagedWorkbook('E_CELL_TOO_LONG');
    put(value);
    if (i >= n) {
      endRow();
      break;
    }
    const c = text[i];
    if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      if (i >= n) break;
    } else i++; // the delimiter
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { name: sheetName, rows, merges: [] };
}
