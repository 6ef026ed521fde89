/** The sample-data generator: register, monthly figures, history, the canonical report sheet. */
export { sampleRegister, registerSheet } from './register';
export { sampleMonth, sampleHistory, periodKeyOf, taxShareShown, SAMPLE_CODES } from './month';
export type { SampleRow, SampleValues, SampleZoneMonth, SampleOptions } from './month';
export { reportSheet, periodText, REPORT_HEADERS, REPORT_TITLE, COL, FIRST_INDICATOR_ROW, HEADER_ROW } from './report-sheet';
export type { CellOverrides, ReportSheetOptions } from './report-sheet';
export { clerkMistakes, toFullWidth } from './mistakes';
export { outSheetToGrid } from './grid';
export { sampleArchive } from './archive';
export { cityTableSheet, CITY_TABLE_CODES } from './city-table';
export type { CityTableOptions } from './city-table';
