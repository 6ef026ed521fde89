/**
 * The formats SheetJS reads for the tool: legacy .xls (BIFF2-8, WPS's included), .xlsb, OpenDocument
 * (.ods, flat .fods) and SpreadsheetML 2003 XML. The input guard has already walked the file's
 * structure (ole2.ts and biff.ts, zip-inspect.ts, ods-rules.ts, xml2003-rules.ts) and refused what
 * would be dangerous to parse; what SheetJS builds is checked again as it becomes grids (to-grid.ts).
 * SheetJS writes warnings to the console (an ODS number format it cannot map…): they say nothing a
 * clerk can act on, so they are silenced while it parses. Its thrown messages are never shown.
 */
import type { ParsingOptions } from '@e965/xlsx';
import type { SheetGrid } from '../../domain/types';
import { DamagedWorkbook } from '../ooxml/workbook-grid';
import { loadSheetJs } from './load';
import { sheetJsGrids } from './to-grid';

const OPTIONS: ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellDates: false,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  bookProps: false,
  WTF: false,
};

type Console = Pick<typeof console, 'log' | 'warn' | 'error' | 'info' | 'debug'>;

function quietly<T>(run: () => T): T {
  const saved: Console = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  const none = (): void => undefined;
  Object.assign(console, { log: none, warn: none, error: none, info: none, debug: none });
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}

export interface SheetJsInput {
  /** the file's bytes (binary formats) or its decoded text (XML formats) */
  data: Uint8Array | string;
  format: 'xls' | 'xlsb' | 'ods' | 'xml2003';
  /** sheets known to be hidden that SheetJS cannot tell (an OpenDocument table style's display="false") */
  hidden?: readonly string[];
}

/**
 * Reads a workbook with SheetJS. Throws DamagedWorkbook with the code to report: an encrypted file,
 * or anything SheetJS cannot make sense of.
 *
 * OpenDocument: LibreOffice writes a formula whose result is empty text with no value at all, which
 * SheetJS keeps only as a placeholder cell (sheetStubs); without it the formula would vanish and a
 * 同比 formula look typed over. The inspector has counted those placeholders (ods-rules.ts).
 */
export async function readWithSheetJs(input: SheetJsInput): Promise<SheetGrid[]> {
  const XLSX = await loadSheetJs();
  const table = XLSX.SSF.get_table() as Record<number, string>;
  const ods = input.format === 'ods';
  let wb;
  try {
    const data = input.data;
    wb = quietly(() => XLSX.read(data, { ...OPTIONS, sheetStubs: ods, type: typeof data === 'string' ? 'string' : 'array' }));
  } catch (e) {
    // only the kind of failure is taken from SheetJS's message, never its text
    const message = e instanceof Error ? e.message : '';
    throw new DamagedWorkbook(/password|encrypt/i.test(message) ? 'E_ENCRYPTED' : 'E_CORRUPT');
  }
  return sheetJsGrids(wb, table, { emptyTextFormulas: ods, hidden: input.hidden ?? [] });
}
