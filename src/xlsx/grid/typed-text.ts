/**
 * A cell of a text format (a CSV field, an HTML table cell without a stored value) as Excel types it
 * when it opens the file: a number written as programs write numbers (optional sign, thousands
 * separators in groups of three, decimals, exponent, a trailing %), TRUE/FALSE, an error value
 * (#DIV/0! …), else text as written. Two departures, both so that nothing a clerk wrote changes:
 * digits with a leading zero ("01", an indicator code) stay text, where Excel would drop the zero;
 * dates stay text (the engine reads 统计期 text itself), where Excel would guess a date by locale.
 * Full-width digits are text, as in Excel: the engine reads them and says so (V-TEXTNUM).
 */
import type { Cell } from '../../domain/types';

const NUMBER = /^[+-]?(?:(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?%?$/;
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** The format Excel gives a percentage typed with `decimals` decimals. */
function percentFormat(decimals: number): string {
  return decimals === 0 ? '0%' : `0.${'0'.repeat(Math.min(decimals, 10))}%`;
}

/** The cell for text as it appears in a text format; undefined for an empty field. */
export function typedText(raw: string): Cell | undefined {
  if (raw === '') return undefined;
  const t = raw.trim();
  if (t === '') return { v: raw };
  if (NUMBER.test(t)) {
    const percent = t.endsWith('%');
    const body = (percent ? t.slice(0, -1) : t).replace(/,/g, '');
    const n = Number(body);
    if (Number.isFinite(n)) {
      if (!percent) return { v: n };
      const decimals = /\.([0-9]+)/.exec(body)?.[1].length ?? 0;
      // n/100 in decimal: 12.3% is 0.123, not 0.12300000000000001
      return { v: Number((n / 100).toPrecision(15)), fmt: percentFormat(decimals) };
    }
  }
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { v: true };
  if (upper === 'FALSE') return { v: false };
  if (ERRORS.has(upper)) return { v: { error: upper } };
  return { v: raw };
}
