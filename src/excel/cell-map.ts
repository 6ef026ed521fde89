/**
 * One cell as Office.js reports it (value, formula, number format, value type) → the domain's Cell.
 * A date stays a serial number with its date format: the domain's cell reader recognises it
 * (src/domain/cells/read-number.ts, isDateFormat), as Excel itself stores it.
 */
import type { Cell, ScalarValue } from '../domain/types';

/** Cached value → ScalarValue by the value type Excel reports. */
function scalar(value: unknown, type: string): ScalarValue {
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'string') return value === '' ? null : value;
  return null;
}

/** The domain cell, or undefined for a blank cell without formula. */
export function toCell(value: unknown, formula: unknown, numberFormat: unknown, type: string): Cell | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1;
  const v = scalar(value, type);
  if (!isFormula && (type === 'Empty' || v === null)) return undefined;
  const cell: Cell = { v };
  if (isFormula) cell.f = formula.slice(1);
  if (typeof numberFormat === 'string' && numberFormat !== '' && numberFormat !== 'General') cell.fmt = numberFormat;
  return cell;
}
