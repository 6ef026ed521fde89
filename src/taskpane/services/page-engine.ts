/**
 * The engine code the page runs itself for a user's action on results it already has: the sheets
 * written to Excel or into a download (核查结果, 汇总, 预警清单, 历史数据), the highlights, the month
 * archived, the bulletin's model. One chunk, loaded by engine.ts with the first such action; the
 * check and the summary themselves run in the engine thread (engine-thread.ts).
 */
export { summarySheets } from '../../domain/summary/sheets';
export { archiveRows } from '../../domain/summary/archive';
export { bulletinModel } from '../../domain/bulletin';
export { findingsSheet } from '../../domain/output/findings-sheet';
export { historySheet, mergeHistory } from '../../domain/recognise/history-sheet';
export { highlightsOf, reportForFile } from '../../domain/output/annotations';
