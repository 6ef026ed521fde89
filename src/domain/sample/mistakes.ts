/**
 * Typical clerk mistakes, typed over one zone's sample report so the demo and the end-to-end tests
 * have findings to show. Each override is a cell of the canonical template (report-sheet.ts);
 * the rules each is meant to trigger are listed beside it.
 */
import { roundHalfAway } from '../rounding';
import type { SampleValues } from './month';
import type { CellOverrides } from './report-sheet';

/** Full-width digits and punctuation, as an input method in full-width mode types them. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9.,\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function withSeparators(n: number): string {
  const [int, frac] = n.toFixed(1).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + frac;
}

/** The mistakes for one zone, given its correct figures. */
export function clerkMistakes(values: SampleValues): CellOverrides {
  const o: CellOverrides = {};
  const v = (code: string) => values[code];
  // 实际到位资金 typed in 元 into a 万元 cell → V-UNITSLIP (and the 同比 formula explodes: V-SWING).
  const funds = v('22')?.ytd;
  if (funds != null) o['22:ytd'] = { v: roundHalfAway(funds * 10000, 0) };
  // 税收收入 typed larger than 一般公共预算收入 → V-PART (and V-SUM, 税收占比 over 100: V-RATIO).
  const budget = v('11')?.ytd;
  if (budget != null) o['12:ytd'] = { v: roundHalfAway(budget * 1.06, 1) };
  // 本月 of 规上工业总产值 pasted as text with thousands separators → V-TEXTNUM.
  const output = v('01')?.month;
  if (output != null) o['01:month'] = { v: withSeparators(output), fmt: '@' };
  // 上年同期累计 of 固定资产投资 (a key indicator) left empty → V-REQ.
  o['08:base'] = { v: null };
  // 本月 of 出口额 typed with a full-width input method → read, and V-TEXTNUM.
  const exports = v('17')?.month;
  if (exports != null) o['17:month'] = { v: toFullWidth(exports.toFixed(1)), fmt: '@' };
  // 同比 of 进出口总额 typed over the template's formula, and wrong by 2.3 百分点
  // → V-FORMULA-OVERWRITTEN and V-YOY.
  const trade = v('16');
  if (trade?.ytd != null && trade.base != null && trade.base > 0) {
    o['16:yoy'] = { v: roundHalfAway(((trade.ytd - trade.base) / trade.base) * 100 + 2.3, 1) };
  }
  return o;
}
