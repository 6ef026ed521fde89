/**
 * Sheet names for formats that have none of their own (a CSV file, an HTML table without a
 * heading): the file's name without its extension, made a valid Excel sheet name (no : \ / ? * [ ],
 * not empty, at most 31 characters, no apostrophe at either end), because findings name the sheet
 * and the annotated copy is an .xlsx whose sheet must carry that same name.
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** `name` as a valid Excel sheet name, or `fallback` when nothing of it remains. */
export function excelSheetName(name: string, fallback = 'Sheet1'): string {
  const clean = [...name.replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ').trim()].slice(0, MAX_SHEET_NAME).join('');
  const trimmed = clean.replace(/^'+|'+$/g, '').trim();
  return trimmed === '' ? fallback : trimmed;
}

/** A file name without its folder and its last extension ("a/月报.csv" → "月报"). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
