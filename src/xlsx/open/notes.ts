/**
 * The note a file's format earns in the check report (an info finding, V-INPUT, on the file): read
 * as what it is when that is not an .xlsx, or when its name says otherwise; what a text format
 * cannot carry (formulas, formats: the checks that need them cannot run on it); and that the
 * annotated copy of a legacy file is an .xlsx. A plain .xlsx named .xlsx earns none.
 */
import type { Finding, SheetGrid } from '../../domain/types';
import { extensionOf, FORMAT_EXTENSIONS, FORMAT_NAMES, type Format } from './formats';

/** "an Excel 97-2003 workbook (.xls)", "a web-page (HTML) table", "CSV text". */
function described(format: Format): string {
  const en = FORMAT_NAMES[format].en;
  return format === 'csv' ? en : `${/^[aeiou]/i.test(en) ? 'an' : 'a'} ${en}`;
}

const hasFormula = (sheets: readonly SheetGrid[]): boolean => sheets.some((s) => s.rows.some((r) => r.some((c) => c?.f !== undefined)));

/** The note for a file read as `format` under the name `fileName`, or null. */
export function formatNote(format: Format, fileName: string, sheets: readonly SheetGrid[]): Finding | null {
  const ext = extensionOf(fileName);
  const mismatch = ext !== '' && !FORMAT_EXTENSIONS[format].includes(ext);
  if (format === 'xlsx' && !mismatch) return null;
  const name = FORMAT_NAMES[format];
  const zh: string[] = [];
  const en: string[] = [];
  if (mismatch) {
    zh.push(`文件扩展名为 .${ext}，但内容是${name.zh}，已按内容读取。`);
    en.push(`The file is named .${ext} but holds ${described(format)}; it was read as what it holds.`);
  } else {
    zh.push(`文件是${name.zh}，已读取。`);
    en.push(`The file is ${described(format)}; it was read.`);
  }
  if (format === 'csv') {
    zh.push('CSV 文本没有公式、数字格式和合并单元格:公式是否被手工数值覆盖(V-FORMULA-OVERWRITTEN)无法核查，带千位分隔符的数字按数值读取(是否为文本型数字无法识别)。');
    en.push('CSV text has no formulas, number formats or merged cells: whether a formula was typed over (V-FORMULA-OVERWRITTEN) cannot be checked, and numbers with thousands separators are read as numbers (whether they were text cannot be told).');
  } else if (!hasFormula(sheets)) {
    zh.push('文件中没有公式:公式是否被手工数值覆盖(V-FORMULA-OVERWRITTEN)无法核查。');
    en.push('The file holds no formulas: whether a formula was typed over (V-FORMULA-OVERWRITTEN) cannot be checked.');
  }
  if (format !== 'xlsx') {
    zh.push('标注副本另存为 .xlsx(原格式无法在原文件上标注)。');
    en.push('The annotated copy is saved as .xlsx (a file of this format cannot be annotated in place).');
  }
  return {
    level: 'info',
    rule: 'V-INPUT',
    file: null,
    sheet: null,
    cell: null,
    zone: null,
    period: null,
    indicator: null,
    value: format,
    expected: null,
    message: { zh: zh.join(''), en: en.join(' ') },
    explained: false,
  };
}
