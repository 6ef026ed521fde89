/**
 * A small OOXML writer for the tool's own sheets (核查结果 … and the veryHidden ZoneReport配置):
 * worksheet XML from an OutSheet, with inline strings (so the user's shared-strings part is never
 * touched), numbers, formulas with cached results, the named styles (as cellXfs indexes made by
 * styles-patch.ts), column widths, a frozen header, merges, wrap and the row heights wrap needs.
 * The styling decisions follow render-sheet.ts (the exceljs renderer) so both look alike.
 */
import { a1 } from '../../domain/a1';
import type { OutCell, OutSheet } from '../../domain/output/sheet-model';
import { wrappedLines } from '../render-sheet';
import type { CellStyleSpec } from './styles-patch';
import { specKey } from './styles-patch';
import { escapeXml } from './xml-scan';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const LINE_HEIGHT = 15;

/** The style a cell needs (same rules as render-sheet.ts). */
export function cellSpec(sheet: OutSheet, c: OutCell, row: number, col: number): CellStyleSpec | null {
  const anyWrap = sheet.columns.some((x) => x.wrap);
  const masters = new Set((sheet.merges ?? []).map((m) => m.split(':')[0].toUpperCase()));
  const spec: CellStyleSpec = {};
  if (c.style) spec.style = c.style;
  if (c.fmt) spec.fmt = c.fmt;
  if (c.style === 'title') spec.align = { horizontal: masters.has(a1(row - 1, col - 1)) ? 'center' : 'left', vertical: 'center' };
  else if (c.style === 'header') spec.align = { horizontal: 'center', vertical: 'center', wrap: true };
  else if (sheet.columns[col - 1]?.wrap) spec.align = { vertical: 'top', wrap: true };
  else if (anyWrap) spec.align = { vertical: 'top' };
  return spec.style || spec.fmt || spec.align ? spec : null;
}

/** Every style spec the sheet uses (to append to styles.xml before rendering). */
export function sheetSpecs(sheet: OutSheet): CellStyleSpec[] {
  const out: CellStyleSpec[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((c, i) => {
      const s = c ? cellSpec(sheet, c, r + 1, i + 1) : null;
      if (s) out.push(s);
    }),
  );
  return out;
}

function inlineStr(s: string): string {
  return `<is><t xml:space="preserve">${escapeXml(s)}</t></is>`;
}

function cellXml(ref: string, c: OutCell, s: number | undefined): string {
  const sAttr = s === undefined ? '' : ` s="${s}"`;
  if (c.f !== undefined) {
    const f = `<f>${escapeXml(c.f.replace(/^=/, ''))}</f>`;
    if (typeof c.v === 'number') return `<c r="${ref}"${sAttr}>${f}<v>${c.v}</v></c>`;
    if (typeof c.v === 'string') return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeXml(c.v)}</v></c>`;
    return `<c r="${ref}"${sAttr}>${f}</c>`;
  }
  if (typeof c.v === 'number' && Number.isFinite(c.v)) return `<c r="${ref}"${sAttr}><v>${c.v}</v></c>`;
  if (typeof c.v === 'string') return `<c r="${ref}"${sAttr} t="inlineStr">${inlineStr(c.v)}</c>`;
  return s === undefined ? '' : `<c r="${ref}"${sAttr}/>`;
}

/** Worksheet XML for `sheet`; `styleIds` maps specKey → cellXfs index. */
export function toolSheetXml(sheet: OutSheet, styleIds: ReadonlyMap<string, number>): string {
  const anyWrap = sheet.columns.some((c) => c.wrap);
  const tab = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>` : '';
  const sheetPr = `<sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr>`;
  const fr = sheet.freeze;
  let pane = '';
  if (fr && (fr.rows > 0 || fr.cols > 0)) {
    const active = fr.rows > 0 && fr.cols > 0 ? 'bottomRight' : fr.rows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${fr.cols > 0 ? ` xSplit="${fr.cols}"` : ''}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ''}`;
    pane = `<pane${split} topLeftCell="${a1(fr.rows, fr.cols)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
  }
  const views = `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;
  const cols = sheet.columns.length
    ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const rows = sheet.rows
    .map((row, r) => {
      let lines = 1;
      const cells = row
        .map((c, i) => {
          if (!c) return '';
          const spec = cellSpec(sheet, c, r + 1, i + 1);
          const colSpec = sheet.columns[i];
          if (anyWrap && colSpec?.wrap && typeof c.v === 'string' && c.style !== 'title' && c.style !== 'header') {
            lines = Math.max(lines, wrappedLines(c.v, colSpec.width));
          }
          return cellXml(a1(r, i), c, spec ? styleIds.get(specKey(spec)) : undefined);
        })
        .join('');
      const ht = lines > 1 ? ` ht="${LINE_HEIGHT * lines}" customHeight="1"` : '';
      return cells || ht ? `<row r="${r + 1}"${ht}>${cells}</row>` : '';
    })
    .join('');
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${sheetPr}${views}<sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows}</sheetData>${merges}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

/** The veryHidden store sheet: column A the configuration, column B the highlight record (tool-store.ts layout). */
export function storeSheetXml(a: string[], b: string[]): string {
  const n = Math.max(a.length, b.length);
  let rows = '';
  for (let r = 0; r < n; r++) {
    const ca = a[r] !== undefined ? `<c r="A${r + 1}" t="inlineStr">${inlineStr(a[r])}</c>` : '';
    const cb = b[r] !== undefined ? `<c r="B${r + 1}" t="inlineStr">${inlineStr(b[r])}</c>` : '';
    rows += `<row r="${r + 1}">${ca}${cb}</row>`;
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
