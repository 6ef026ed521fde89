/**
 * A city's table of its zones for one month, as cities publish them and bureaus keep them by hand
 * (template.md §5 "Many zones in one table"): a title with the period, a unit line (单位:亿元、%),
 * zones down the rows, each indicator's name merged over 1-N月累计 | 同比(%) | 位次, a 全市 row first.
 * Money in 亿元 to two decimals (实际使用外资 in 万美元, said in its name); 同比 as published (from the
 * unrounded figures; no 上年同期 column, as in most published tables); 位次 by 同比 among the city's
 * zones (并列 for equal shown figures). `wrongRank` misprints one 位次, as tables typed by hand do, so
 * the summary has a published rank to question.
 */
import type { Period } from '../types';
import type { Indicator } from '../config/schema';
import { defaultConfig } from '../config/validate';
import { computeGrowth } from '../growth';
import type { OutCell, OutSheet } from '../output/sheet-model';
import { roundHalfAway } from '../rounding';
import { columnLetters } from '../a1';
import { competitionRank } from '../summary/rank';
import type { SampleZoneMonth } from './month';

/** The indicators of the sample city table: the key flows and the parts of 税收占比. */
export const CITY_TABLE_CODES = ['01', '08', '11', '12', '15'] as const;

export interface CityTableOptions {
  /** misprint one 位次 (the second indicator: the first two ranked zones swapped) */
  wrongRank?: boolean;
  /** the indicators across (default CITY_TABLE_CODES; the benchmark takes all 23) */
  codes?: readonly string[];
}

const amount = (ind: Indicator, v: number | null): number | null => (v === null ? null : ind.unit === '万元' ? roundHalfAway(v / 10000, 2) : ind.unit === '个' ? v : roundHalfAway(v, 1));

/** The table of `city`'s zones (their sample figures for `period`). */
export function cityTableSheet(city: string, month: SampleZoneMonth[], period: Period, opts: CityTableOptions = {}): OutSheet {
  const catalogue = defaultConfig().catalogue;
  const inds = (opts.codes ?? CITY_TABLE_CODES).map((c) => catalogue.find((i) => i.code === c) as Indicator);
  const ncols = 1 + inds.length * 3;
  const last = columnLetters(ncols - 1);
  const title: OutCell[] = [{ v: `${period.year}年1-${period.month}月${city}开发区主要经济指标完成情况`, style: 'title' }];
  const unitLine: OutCell[] = [{ v: '单位:亿元、%' }];
  const head1: OutCell[] = [{ v: '开发区', style: 'header' }];
  const head2: OutCell[] = [{ v: null, style: 'header' }];
  const merges = [`A1:${last}1`, `A2:${last}2`, 'A3:A4'];
  inds.forEach((ind, i) => {
    const c = 1 + i * 3;
    head1.push({ v: ind.unit === '万元' || ind.unit === '%' ? ind.name : `${ind.name}(${ind.unit})`, style: 'header' }, { v: null, style: 'header' }, { v: null, style: 'header' });
    head2.push({ v: `1-${period.month}月累计`, style: 'header' }, { v: '同比(%)', style: 'header' }, { v: '位次', style: 'header' });
    merges.push(`${columnLetters(c)}3:${columnLetters(c + 2)}3`);
  });

  const growthOf = (ind: Indicator, ytd: number | null, base: number | null) => computeGrowth(ind.kind, ytd, base);
  const ranks = inds.map((ind, i) => {
    const items = month.flatMap((zm) => {
      const v = zm.values[ind.code];
      const g = v ? growthOf(ind, v.ytd, v.base) : null;
      return g && g.label === null && g.shown !== null ? [{ key: zm.zone.code, value: g.shown }] : [];
    });
    const r = competitionRank(items, ind.direction, 1);
    if (opts.wrongRank && i === 1 && items.length >= 2) {
      const order = [...r].sort((a, b) => a[1].n - b[1].n);
      const [a, b] = [order[0][0], order[1][0]];
      const pa = r.get(a) as { n: number; of: number; tied: boolean };
      r.set(a, { ...(r.get(b) as typeof pa) });
      r.set(b, pa);
    }
    return r;
  });

  const figureCells = (ind: Indicator, ytd: number | null, base: number | null, rank: number | null): OutCell[] => {
    const g = growthOf(ind, ytd, base);
    const shown = amount(ind, ytd);
    return [
      { v: shown, fmt: ind.unit === '万元' ? '0.00' : '0.0' },
      g.label === null && g.shown !== null ? { v: g.shown, fmt: '0.0' } : { v: g.label ?? null },
      { v: rank },
    ];
  };
  const total: OutCell[] = [{ v: '全市', style: 'total' }];
  inds.forEach((ind) => {
    let ytd = 0;
    let base = 0;
    for (const zm of month) {
      ytd += zm.values[ind.code]?.ytd ?? 0;
      base += zm.values[ind.code]?.base ?? 0;
    }
    total.push(...figureCells(ind, roundHalfAway(ytd, 1), roundHalfAway(base, 1), null).map((c) => ({ ...c, style: 'total' as const })));
  });
  const zoneRows = month.map((zm) => {
    const row: OutCell[] = [{ v: zm.zone.name }];
    inds.forEach((ind, i) => {
      const v = zm.values[ind.code];
      row.push(...figureCells(ind, v?.ytd ?? null, v?.base ?? null, ranks[i].get(zm.zone.code)?.n ?? null));
    });
    return row;
  });
  return {
    name: `${city}开发区`.slice(0, 31),
    columns: [{ width: 30 }, ...inds.flatMap(() => [{ width: 12 }, { width: 9 }, { width: 6 }])],
    rows: [title, unitLine, head1, head2, total, ...zoneRows],
    merges,
    freeze: { rows: 4, cols: 1 },
  };
}
