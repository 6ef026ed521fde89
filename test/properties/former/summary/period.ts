/** Period arithmetic of the summary: quarter ends, the previous quarter end, the previous month. */
import { parsePeriodKey, periodKey } from '../../../../src/domain/recognise/period';

export function isQuarterEnd(period: string): boolean {
  const p = parsePeriodKey(period);
  return p !== null && p.month % 3 === 0;
}

/**
 * The quarter end `back` quarters before the quarter `period` belongs to: for 2026-09 (or the
 * preview month 2026-08) one back is 2026-06, two back 2026-03; for 2026-03 one back is 2025-12.
 */
export function quarterEndBefore(period: string, back: number): string | null {
  const p = parsePeriodKey(period);
  if (!p) return null;
  const ownEnd = Math.ceil(p.month / 3) * 3;
  let index = p.year * 12 + (ownEnd - 1) - 3 * back;
  const year = Math.floor(index / 12);
  index -= year * 12;
  return periodKey({ year, month: index + 1 });
}

/** The month before: 2026-01 → 2025-12. */
export function previousMonth(period: string): string | null {
  const p = parsePeriodKey(period);
  if (!p) return null;
  return p.month === 1 ? periodKey({ year: p.year - 1, month: 12 }) : periodKey({ year: p.year, month: p.month - 1 });
}

export function monthOf(period: string): number | null {
  return parsePeriodKey(period)?.month ?? null;
}

/** 2026-09 → 2026年9月 / Sep 2026. */
export function periodText(period: string, lang: 'zh' | 'en'): string {
  const p = parsePeriodKey(period);
  if (!p) return period;
  if (lang === 'zh') return `${p.year}年${p.month}月`;
  const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][p.month - 1];
  return `${m} ${p.year}`;
}
