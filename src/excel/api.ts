/**
 * The subset of the Excel JavaScript API the Office.js port uses, as structural types. The port is
 * written against these, so the recording fake (testing/fake-excel.ts) can implement exactly this
 * surface with real proxy semantics, without casts. The compile-time check at the bottom proves that
 * the real `Excel.RequestContext` satisfies the subset, so production passes `Excel.run` unchanged.
 *
 * Enum-typed properties are widened to `string` here (the real types are string enums or literal
 * unions, which are assignable to string); the port only ever writes the documented literals.
 */

export interface XlLoadable {
  load(propertyNames?: string | string[]): this;
}

export interface XlFill {
  color: string;
}
export interface XlFont {
  color: string;
  bold: boolean;
  size: number;
}
export interface XlRangeFormat {
  readonly fill: XlFill;
  readonly font: XlFont;
  columnWidth: number;
}

export interface XlConditionalFormat extends XlLoadable {
  readonly id: string;
  /** 'Custom', 'CellValue', 'DataBar'… (ExcelApi 1.6); `custom` may be read only when 'Custom' */
  readonly type: string;
  /** ExcelApi 1.6; `custom/rule/formula` can be loaded by path (highlight-fallback.ts) */
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
  /** the areas it applies to (ExcelApi 1.9) */
  getRanges(): XlRangeAreas;
  /** the one area it applies to; a null object when it applies to several (ExcelApi 1.6) */
  getRangeOrNullObject(): XlRange;
  delete(): void;
}

export interface XlConditionalFormatCollection extends XlLoadable {
  readonly items: XlConditionalFormat[];
  add(type: 'Custom'): XlConditionalFormat;
  getItem(id: string): XlConditionalFormat;
}

export interface XlRangeAreas extends XlLoadable {
  readonly address: string;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
}

export interface XlRange extends XlLoadable {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  /** null when Excel on the web declines an oversized read (it does not always throw) */
  values: unknown[][] | null;
  formulas: unknown[][] | null;
  numberFormat: unknown[][] | null;
  readonly valueTypes: string[][] | null;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  getMergedAreasOrNullObject(): XlRangeAreas;
  merge(across?: boolean): void;
  select(): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: string): void;
}

/** Page setup of a sheet (ExcelApi 1.9): margins in points. */
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
}

/** The part of a chart the one-page view uses (ExcelApi 1.1; reversePlotOrder 1.7). */
export interface XlChart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly dataLabels: { showValue: boolean };
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean } };
  readonly series: {
    getItemAt(index: number): { readonly points: { getItemAt(index: number): { readonly format: { readonly fill: { setSolidColor(color: string): void } } } } };
  };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XlChartCollection {
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
}

export interface XlWorksheet extends XlLoadable {
  readonly id: string;
  readonly name: string;
  visibility: string;
  tabColor: string;
  readonly isNullObject: boolean;
  /** ExcelApi 1.2 */
  readonly protection: XlLoadable & { readonly protected: boolean };
  /** ExcelApi 1.7 (and tabColor) */
  readonly freezePanes: XlFreezePanes;
  /** ExcelApi 1.9 */
  readonly pageLayout: XlPageLayout;
  readonly charts: XlChartCollection;
  getRange(address?: string): XlRange;
  /** ExcelApi 1.9 */
  getRanges(address?: string): XlRangeAreas;
  /** ExcelApi 1.1 (valuesOnly 1.2); the top-left cell for a blank sheet */
  getUsedRange(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  /** edits of this sheet (ExcelApi 1.7) */
  readonly onChanged: XlEvent<XlChangedArgs>;
}

/**
 * What `worksheets.onChanged` hands its handler (Excel.WorksheetChangedEventArgs, ExcelApi 1.7).
 * `address` is the changed area (a paste: the whole pasted range); `changeType` one of
 * Excel.DataChangeType ('RangeEdited', 'RowInserted', 'RowDeleted', 'ColumnInserted',
 * 'ColumnDeleted', 'CellInserted', 'CellDeleted', 'Unknown'); `details` (ExcelApi 1.9) only when a
 * single cell changed, undefined for several (office-js #5347); `triggerSource` ExcelApi 1.14.
 */
export interface XlChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  /** 'Local' or 'Remote' (a co-author's edit) */
  readonly source: string;
  readonly type: string;
  readonly details?: { readonly valueBefore: unknown; readonly valueAfter: unknown; readonly valueTypeBefore: string; readonly valueTypeAfter: string };
  /** ExcelApi 1.14; absent (undefined) before */
  readonly triggerSource?: string;
}

export interface XlEventResult {
  remove(): void;
  readonly context: { sync(): Promise<void> };
}

export interface XlEvent<A> {
  add(handler: (args: A) => Promise<unknown>): XlEventResult;
}

/** What `worksheets.onAdded` hands its handler. */
export interface XlAddedArgs {
  readonly worksheetId: string;
}

/** What `worksheets.onDeleted` hands its handler (ExcelApi 1.7). */
export interface XlDeletedArgs {
  readonly worksheetId: string;
}

/** What `worksheets.onNameChanged` hands its handler (ExcelApi 1.17). */
export interface XlNameChangedArgs {
  readonly worksheetId: string;
  readonly nameBefore: string;
  readonly nameAfter: string;
}

/** What `worksheets.onMoved` hands its handler (ExcelApi 1.17). */
export interface XlMovedArgs {
  readonly worksheetId: string;
  readonly positionBefore: number;
  readonly positionAfter: number;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  /** ExcelApi 1.4 */
  getItemOrNullObject(key: string): XlWorksheet;
  /** ExcelApi 1.1; fails when a chart sheet is active */
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
  /** edits of any sheet (ExcelApi 1.9; per sheet, worksheet.onChanged, 1.7) */
  readonly onChanged: XlEvent<XlChangedArgs>;
  /** a sheet was added (ExcelApi 1.7) */
  readonly onAdded: XlEvent<XlAddedArgs>;
  /** a sheet was deleted (ExcelApi 1.7) */
  readonly onDeleted: XlEvent<XlDeletedArgs>;
  /** a sheet was renamed (ExcelApi 1.17) */
  readonly onNameChanged: XlEvent<XlNameChangedArgs>;
  /** a sheet was moved (ExcelApi 1.17) */
  readonly onMoved: XlEvent<XlMovedArgs>;
}

export interface XlApplication {
  /** ExcelApi 1.6 */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9 */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlWorkbook extends XlLoadable {
  readonly name: string;
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;
  /** workbook structure protection (审阅 → 保护工作簿), ExcelApi 1.7 */
  readonly protection: XlLoadable & { readonly protected: boolean };
  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' }): { readonly value: string[] };
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

/** Runs one batch against a request context: `Excel.run` in Excel, the fake's runner in tests. */
export type ExcelRunner = <T>(batch: (ctx: XlContext) => Promise<T>) => Promise<T>;

/** Set support as Office reports it (false outside Excel). */
export type SetSupport = (name: string, version: string) => boolean;

// Compile-time proof that the real API satisfies the subset (type-only; erased at runtime).
export type RealContextFitsSubset = Excel.RequestContext extends XlContext ? true : never;
const realContextFits: RealContextFitsSubset = true;
void realContextFits;
