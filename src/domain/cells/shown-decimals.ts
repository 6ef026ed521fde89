/**
 * How many decimals a cell SHOWS (rules.md §1: the money tolerance is 0.5 of the last digit shown).
 * With a number format the format decides what the clerk sees: 90000.4 formatted `#,##0` shows
 * 90,000, so its last digit is the unit. Without one (General), the typed figure is what is shown.
 * Typed text ("11000.0") shows the decimals it was typed with, trailing zeros included.
 */
import { memoFormat } from './memo';

/** The section of a format that applies to a value: positive;negative;zero;text (Excel's order). */
function sectionFor(fmt: string, value: number): string {
  const sections: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '\\' && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (!quoted && ch === ';') {
      sections.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  sections.push(cur);
  if (value < 0 && sections.length >= 2) return sections[1];
  if (value === 0 && sections.length >= 3) return sections[2];
  return sections[0];
}

/**
 * Decimals of the STORED value that the format shows, or null when the format does not tell
 * (General, text, scientific, fractions, dates, no digit placeholder at all). A percent sign adds 2
 * (0.123 as `0.0%` shows 12.3%: the stored value to 3 decimals); a thousands-scaling comma after the
 * last placeholder takes 3 (`#,##0,` shows thousands).
 */
export function formatDecimals(fmt: string | undefined, value: number): number | null {
  if (!fmt) return null;
  // the result depends on the value only through the section it picks: by sign
  return value < 0 ? negativeDecimals(fmt) : value === 0 ? zeroDecimals(fmt) : positiveDecimals(fmt);
}

const negativeDecimals = memoFormat((fmt: string) => sectionDecimals(fmt, -1));
const zeroDecimals = memoFormat((fmt: string) => sectionDecimals(fmt, 0));
const positiveDecimals = memoFormat((fmt: string) => sectionDecimals(fmt, 1));

function sectionDecimals(fmt: string, value: number): number | null {
  const section = sectionFor(fmt, value)
    .replace(/"[^"]*"/g, '') // quoted literals
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales
    .replace(/[\\_*]./g, ''); // escapes, padding and fill characters
  if (/general/i.test(section) || section.includes('@') || /e[+-]/i.test(section) || section.includes('/')) return null;
  if (/[dmyhs]/i.test(section)) return null; // a date or time
  // a comma between placeholders groups thousands; commas after the last one scale the display
  const m = /[0#?](?:[0#?]|,(?=[0#?]))*(?:\.([0#?]*))?(,*)/.exec(section);
  if (!m) return null;
  const decimals = m[1]?.length ?? 0;
  const scaling = m[2].length * 3;
  const percent = (section.match(/%/g) ?? []).length * 2;
  return decimals + percent - scaling;
}

/** Decimals typed in a number's text: "11000.0" → 1, "1.2e3" → 0 (1200), "12" → 0. */
export function typedDecimals(text: string): number {
  const m = /^[+-]?(\d[\d,]*|)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 0;
  const frac = m[2]?.length ?? 0;
  const exp = m[3] !== undefined ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}
