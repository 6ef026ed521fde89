/**
 * Reading a numeric cell (template.md §4): a number, no data (blank or a no-data mark: never 0),
 * text that is a number once normalised (reported), a number with an in-cell unit, or something that
 * is not a number (with the reason). Never uses Number()/parseFloat on raw text: those turn "" into 0
 * and "1,234" into 1.
 */
import type { Cell } from '../types';
import { cleanText, normaliseLabel } from './normalise';
import { formatDecimals, typedDecimals } from './shown-decimals';
import { memoFormat } from './memo';

export type InvalidReason = 'text' | 'date' | 'boolean' | 'formulaError' | 'noResult';

export type NumberRead =
  | {
      kind: 'number';
      value: number;
      /** the cell held text that reads as a number (V-TEXTNUM) */
      fromText: boolean;
      /** a unit written in the cell's text or in its number format, e.g. '亿元' */
      unit: string | null;
      /**
       * decimals of `value` the cell shows: from its number format, or as typed in its text; null for
       * a number in General format (then what was typed is what is shown: see rounding.decimalsOf)
       */
      shown: number | null;
    }
  | { kind: 'nodata'; mark: string | null }
  | { kind: 'invalid'; reason: InvalidReason; text: string };

/** Marks that mean "no data" (after normalisation and removing spaces). */
const NO_DATA = new Set(['', '-', '--', '—', '——', '―', '/', '无', '…', '……', '...', '−', '－', '─', '一一', 'N/A', 'n/a', '#N/A']);

/** Units accepted after a number, longest first so 万美元 wins over 美元. */
export const IN_CELL_UNITS = ['亿美元', '万美元', '千美元', '美元', '亿元', '万元', '千元', '元', '个', '家', '项', '户', '人'] as const;

// sign, digits with optional well-formed thousands groups, optional decimals, optional exponent
const NUMBER_GRAMMAR = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE]([+-]?\d{1,3}))?$/;

/** Normalise text for number reading: NFKC, invisible chars, spaces, minus-like signs, Chinese full stop between digits. */
export function normaliseNumberText(raw: string): string {
  // normaliseLabel: NFKC, invisible characters and every space removed, re-normalised to a fixed point.
  return normaliseLabel(raw)
    .replace(/^[\u2212\u2010\u2011\u2012\u2013\uFE63](?=[\d.])/, '-') // − ‐ ‑ ‒ – ﹣ before a digit: minus
    // lookarounds, not a consumed digit on each side: "1。2。3" must become "1.2.3" in one pass (idempotence)
    .replace(/(?<=\d)[。｡](?=\d)/g, '.');
}

/** Parse normalised text against the number grammar; null when it is not a number. */
export function parseNumberText(t: string): number | null {
  const m = NUMBER_GRAMMAR.exec(t);
  if (!m) return null;
  const n = Number(m[1] + m[2].replace(/,/g, '') + (m[3] !== undefined ? 'e' + m[3] : ''));
  return Number.isFinite(n) ? n : null;
}

/** Clean binary noise from a scaled value: 0.123 × 100 is 12.300000000000001 in floating point. */
export function tidy(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/** The literal unit of a number format such as 0"万元" or #,##0.00"亿元", if any. */
export function unitFromFormat(fmt: string | undefined): string | null {
  return fmt ? formatUnit(fmt) : null;
}

const formatUnit = memoFormat((fmt: string): string | null => {
  const m = /"([^"]+)"\s*(?:;|$)/.exec(fmt);
  if (!m) return null;
  const u = cleanText(m[1]).trim();
  return (IN_CELL_UNITS as readonly string[]).includes(u) ? u : null;
});

/**
 * A date or time number format (yyyy-mm-dd, m/d, h:mm…): letters d m y h s outside quoted literals,
 * escapes, fill/padding characters and [..] sections. Office.js hands dates over as serial numbers with
 * such a format, so without this a date typed into a numeric column would read as 46000-odd.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  return fmt ? dateFormat(fmt) : false;
}

const dateFormat = memoFormat((fmt: string): boolean => {
  if (/^general$/i.test(fmt.trim())) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/[\\_*]./g, '');
  return /[dmyhs]/i.test(bare.replace(/general/gi, ''));
});

/** An Excel serial day number (1900 date system) as an ISO date, for messages. */
export function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && percentFormat(fmt);
}

// a % outside quoted literals
const percentFormat = memoFormat((fmt: string): boolean => /%/.test(fmt.replace(/"[^"]*"/g, '')));

export interface ReadOptions {
  /** the column holds percentages (同比, 税收占比, rates): "12.3%" and 12.3%-formatted 0.123 mean 12.3 */
  percent: boolean;
}

/** Read one cell as a number. Total: never throws, whatever the cell holds. */
export function readNumber(cell: Cell | undefined, opts: ReadOptions): NumberRead {
  if (!cell) return { kind: 'nodata', mark: null };
  if (cell.noResult) return { kind: 'invalid', reason: 'noResult', text: cell.f ? '=' + cell.f : '' };
  const v = cell.v;
  if (v === null) return { kind: 'nodata', mark: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', reason: 'text', text: String(v) };
    if (isDateFormat(cell.fmt)) return { kind: 'invalid', reason: 'date', text: serialToIso(v) };
    const scaled = opts.percent && isPercentFormat(cell.fmt);
    const value = scaled ? tidy(v * 100) : v;
    // ×100 can overflow a value near the largest double: never hand back an infinite "number"
    if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'text', text: String(v) };
    const fd = formatDecimals(cell.fmt, v);
    const shown = fd === null ? null : scaled ? fd - 2 : fd;
    return { kind: 'number', value, fromText: false, unit: unitFromFormat(cell.fmt), shown };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', reason: 'boolean', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'object' && 'error' in v) return { kind: 'invalid', reason: 'formulaError', text: v.error };
  if (typeof v === 'object' && 'date' in v) return { kind: 'invalid', reason: 'date', text: v.date };
  return readNumberText(v, opts);
}

/** Read text as a number: no-data marks, the number grammar, a % sign (percent columns), a unit suffix. */
export function readNumberText(raw: string, opts: ReadOptions): NumberRead {
  const t = normaliseNumberText(raw);
  if (NO_DATA.has(t)) return { kind: 'nodata', mark: t === '' ? null : t };
  const display = raw.length > 40 ? raw.slice(0, 40) + '…' : raw;
  let body = t;
  let unit: string | null = null;
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  } else {
    for (const u of IN_CELL_UNITS) {
      if (body.endsWith(u) && body.length > u.length) {
        unit = u;
        body = body.slice(0, -u.length);
        break;
      }
    }
  }
  if (percent && !opts.percent) return { kind: 'invalid', reason: 'text', text: display };
  const n = parseNumberText(body);
  if (n === null) return { kind: 'invalid', reason: 'text', text: display };
  return { kind: 'number', value: n, fromText: true, unit, shown: typedDecimals(body) };
}
