/**
 * Request budgets of the Office.js port. Excel on the web rejects requests and responses over 5 MB
 * and may answer an oversized read with `values: null`: the port plans every read and write to stay
 * under REQUEST_BUDGET_BYTES and splits by row blocks when a workbook does not fit one request.
 */
import { utf8Length } from '../domain/utf8';

/** Excel's hard limit per request/response. */
export const EXCEL_PAYLOAD_LIMIT = 5_000_000;
/** What the port plans for: leaves a fifth of the limit for envelopes and estimation error. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/**
 * Estimated response bytes per cell when reading values + formulas + numberFormat + valueTypes
 * (JSON): a number is ~45 bytes for the four, a short Chinese label ~70. Text-heavy sheets that
 * exceed the estimate are caught by the size error and retried in halves.
 */
export const READ_BYTES_PER_CELL = 64;
/** Cells per read request by the estimate (62,500). */
export const READ_CELLS_PER_REQUEST = Math.floor(REQUEST_BUDGET_BYTES / READ_BYTES_PER_CELL);
/** Excel's documented ceiling for one range read (5 million cells); far above the budget anyway. */
export const MAX_CELLS_PER_RANGE = 5_000_000;

/** UTF-8 size of a value as JSON (what travels in the request). */
export function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? '');
}
