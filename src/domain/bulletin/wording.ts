/**
 * Figures and phrases as a bulletin writes them (rules.md §2, §3): amounts in 亿元 converted exactly
 * from 万元, growth as 增长/下降 x% or its label (新增, 扭亏为盈, 减亏…), ratio changes in 百分点,
 * places as 第N位 / 并列第N位, the cumulative span (1-9月) and the quarter (三季度).
 */
import type { Indicator } from '../config/schema';
import { roundHalfAway } from '../rounding';
import type { GrowthLabel } from '../types';
import type { RankPlace } from '../summary/types';
import { one } from '../summary/wording';

/**
 * 万元 → 亿元 to 1 decimal, half away from zero, on the exact decimal: the figure's decimal form is
 * shifted by four places ("5490553.4e-4" parses to the double nearest 549.05534), and roundHalfAway
 * reads a double by its 15 significant digits, so binary noise never decides the last digit.
 */
export function wanToYi(wan: number): number {
  return roundHalfAway(Number(`${wan}e-4`), 1);
}

/** An amount as the bulletin prints it: 万元 as 亿元 (1 decimal), counts whole, other units to 1 decimal. */
export function amountText(ytd: number, ind: Indicator): string {
  if (ind.unit === '万元') return `${one(wanToYi(ytd))}亿元`;
  if (ind.unit === '个') return `${roundHalfAway(ytd, 0)}个`;
  return `${one(roundHalfAway(ytd, 1))}${ind.unit}`;
}

const LABEL_PHRASE: Record<GrowthLabel, string> = {
  新增: '同比新增(上年同期为零)',
  扭亏为盈: '同比扭亏为盈',
  由盈转亏: '同比由盈转亏',
  减亏: '同比减亏',
  增亏: '同比增亏',
  '—': '无可比数据',
};

/** 同比增长7.9% / 同比下降1.1% / 与上年同期持平 / the label's phrase; null when nothing can be said. */
export function growthPhrase(yoy: number | null, label: GrowthLabel | null): string | null {
  if (yoy !== null) {
    if (one(yoy) === '0.0') return '与上年同期持平';
    return yoy > 0 ? `同比增长${one(yoy)}%` : `同比下降${one(-yoy)}%`;
  }
  return label === null ? null : LABEL_PHRASE[label];
}

/** 比上年同期提高0.5个百分点 / 下降… / 与上年同期持平 (a ratio's change, 百分点). */
export function ppPhrase(pp: number | null): string | null {
  if (pp === null) return null;
  if (one(pp) === '0.0') return '与上年同期持平';
  return pp > 0 ? `比上年同期提高${one(pp)}个百分点` : `比上年同期下降${one(-pp)}个百分点`;
}

/** 第2位 / 并列第2位 / — (rules.md §3). */
export function placeText(p: RankPlace | null): string {
  if (!p) return '—';
  return `${p.tied ? '并列' : ''}第${p.n}位`;
}

/** The cumulative span of a month: 1月, 1-9月. */
export function spanText(month: number): string {
  return month === 1 ? '1月' : `1-${month}月`;
}

const QUARTER = ['一', '二', '三', '四'];

/** 三季度 for months 7–9. */
export function quarterText(month: number): string {
  return `${QUARTER[Math.ceil(month / 3) - 1]}季度`;
}

/** A shown growth or change in a table cell: 7.9, −1.1 written with an ASCII minus, 0.0. */
export function cellNumber(x: number): string {
  return one(x);
}

/**
 * Chinese punctuation in full width (GB/T 15834) for the printed document: the engine's reasons and
 * labels are written with ASCII , ; : ( ) — fine in a cell, wrong in an official document. Digits,
 * the decimal point, % and the hyphen of 1-9月 are left as they are.
 */
export function zhPunct(text: string): string {
  return text
    .replace(/,/g, '\uFF0C')
    .replace(/;/g, '\uFF1B')
    .replace(/:/g, '\uFF1A')
    .replace(/\(/g, '\uFF08')
    .replace(/\)/g, '\uFF09');
}
