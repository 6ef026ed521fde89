/**
 * The spreadsheet formats the tool reads, named as a clerk knows them, and how a refusal says which
 * format the file was taken for. The format always comes from the file's bytes (detect.ts), never
 * from its name; the name's extension only serves to say when the two disagree.
 */
import type { Bilingual, InputError } from '../../domain/types';
import { inputError, type InputErrorCode } from '../guard/codes';

export type Format =
  /** Office Open XML workbook (.xlsx, .xlsm, .xltx, .xltm): the project's own reader */
  | 'xlsx'
  /** Excel binary workbook (.xlsb) */
  | 'xlsb'
  /** Excel 97-2003 / 5.0-95 workbook (BIFF8 / BIFF5 in an OLE2 compound file; BIFF2-4 files) */
  | 'xls'
  /** OpenDocument spreadsheet (.ods zip, or flat .fods XML) */
  | 'ods'
  /** SpreadsheetML 2003 XML ("XML 电子表格 2003") */
  | 'xml2003'
  /** an HTML table (Excel's "web page", LibreOffice's HTML, a system's export named .xls) */
  | 'html'
  /** delimited text: CSV, tab- or semicolon-separated */
  | 'csv';

export const FORMAT_NAMES: Readonly<Record<Format, Bilingual>> = Object.freeze({
  xlsx: { zh: 'Excel 工作簿(.xlsx)', en: 'Excel workbook (.xlsx)' },
  xlsb: { zh: 'Excel 二进制工作簿(.xlsb)', en: 'Excel binary workbook (.xlsb)' },
  xls: { zh: 'Excel 97-2003 工作簿(.xls)', en: 'Excel 97-2003 workbook (.xls)' },
  ods: { zh: 'OpenDocument 电子表格(.ods)', en: 'OpenDocument spreadsheet (.ods)' },
  xml2003: { zh: 'Excel 2003 XML 电子表格', en: 'Excel 2003 XML spreadsheet' },
  html: { zh: '网页表格(HTML)', en: 'web-page (HTML) table' },
  csv: { zh: 'CSV 文本', en: 'CSV text' },
});

/**
 * The extensions each format is saved under by the programs that write it (lower case, without the
 * dot). A 2003 XML, an HTML page or a CSV named .xls (what many reporting systems export) is read as
 * what it is, and its note says the name does not match.
 */
export const FORMAT_EXTENSIONS: Readonly<Record<Format, readonly string[]>> = Object.freeze({
  xlsx: ['xlsx', 'xlsm', 'xltx', 'xltm'],
  xlsb: ['xlsb'],
  xls: ['xls', 'xlt', 'et', 'ett'],
  ods: ['ods', 'ots', 'fods'],
  xml2003: ['xml'],
  html: ['htm', 'html'],
  csv: ['csv', 'tsv', 'txt'],
});

/** The extension of a file name (lower case, without the dot), or ''. */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/**
 * The refusal for a file taken for `format`: the code's message, preceded by the format found when
 * it is not an .xlsx (whose messages already speak of it).
 */
export function refusal(code: InputErrorCode, format: Format | null): InputError {
  const e = inputError(code);
  if (format === null || format === 'xlsx') return e;
  const f = FORMAT_NAMES[format];
  return { code, message: { zh: `(按${f.zh}读取)${e.message.zh}`, en: `(Read as: ${f.en}.) ${e.message.en}` } };
}
