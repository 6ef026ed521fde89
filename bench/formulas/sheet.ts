/**
 * The consolidated sheet a bureau builds by hand, as HyperFormula input: one row per zone (sorted by
 * city, so each city is a block RANK.EQ can range over), the figures copied from the zone reports,
 * and Excel formulas for what the engine computes:
 * - 同比 with the labels of rules.md §2 as nested IFs (新增, 扭亏为盈, 由盈转亏, 减亏, 增亏, —);
 *   税收占比 as the template computes it (ROUND(税收/一般公共预算收入×100,1)) and its change in 百分点
 *   as the template's 同比 cell does, from the parts;
 * - 位次: RANK.EQ of the shown growth (flows) or level (税收占比) within the city block, and COUNT;
 * - warnings: W-NEG, W-PACE (序时进度 − 完成目标 from the two shown figures) and W-TAX.
 * Every rounding to one decimal is written as a careful statistician writes it in Excel,
 * ROUND(ROUND(x,10),1): the inner ROUND removes the binary noise of the division (an exact +3.25%
 * computes as 3.2499999999999996, which a bare ROUND shows as 3.2 where rules.md §2 asks for 3.3).
 * `naive: true` builds the same sheet with bare ROUND(x,1), to count what that costs.
 * Column positions are recorded so the values can be read back and compared with summarise().
 */
import type { Indicator } from '../../src/domain/config/schema';
import type { SampleZoneMonth } from '../../src/domain/sample';

export interface Columns {
  /** indicator code → column index of its 同比 (flows, stocks) or change in 百分点 (ratio) */
  growth: Map<string, number>;
  /** key indicator → [rank column, count column] */
  rank: Map<string, [number, number]>;
  /** key flow → W-NEG flag column (1/0) and W-PACE column (0 none, 1 yellow, 2 red) */
  neg: Map<string, number>;
  pace: Map<string, number>;
  /** W-TAX flag column */
  tax: number;
}

export interface FormulaSheet {
  rows: (string | number | null)[][];
  /** zone code of each data row (row i + 1 of `rows`) */
  codes: string[];
  cols: Columns;
  formulas: number;
}

/** 'A', 'B', … 'AA' for a 0-based column index. */
export function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rounding to one decimal, half away from zero on the decimal value (see the header), or bare. */
function round1(x: string, naive: boolean): string {
  return naive ? `ROUND(${x},1)` : `ROUND(ROUND(${x},10),1)`;
}

/** 同比 of cur (E) against base (F), rules.md §2 as a bureau writes it in one cell. */
function growthFormula(E: string, F: string, naive: boolean): string {
  const loss = `IF(ABS(${E})<ABS(${F}),"减亏",IF(ABS(${E})>ABS(${F}),"增亏","持平"))`;
  const noBase = `IF(${E}>0,"新增",IF(${E}=0,"—","增亏"))`;
  const byBase = `IF(${F}>0,IF(${E}>=0,${round1(`(${E}-${F})/${F}*100`, naive)},"由盈转亏"),IF(${E}>=0,"扭亏为盈",${loss}))`;
  return `=IF(ISNUMBER(${E}),IF(OR(NOT(ISNUMBER(${F})),${F}=0),${noBase},${byBase}),"—")`;
}

export interface SheetSpec {
  /** indicators whose 同比 is computed: every flow, stock and ratio of the catalogue, in its order */
  figures: Indicator[];
  /** key indicators ranked: flows by growth, ratios by level */
  ranked: Indicator[];
  /** key flows warned on */
  warned: Indicator[];
  /** the key ratio (税收占比) with its numerator and denominator */
  ratio: Indicator;
  month: number;
  paceYellowPp: number;
  paceRedPp: number;
  taxShareMin: number;
  taxShareDropPp: number;
  /** bare ROUND(x,1) instead of ROUND(ROUND(x,10),1) */
  naive?: boolean;
}

export function buildSheet(month: SampleZoneMonth[], spec: SheetSpec): FormulaSheet {
  const zones = [...month].sort((a, b) => (a.zone.city ?? '').localeCompare(b.zone.city ?? '', 'zh'));
  const header: string[] = ['代码', '所属市'];
  const cur = new Map<string, number>();
  const base = new Map<string, number>();
  const target = new Map<string, number>();
  const cols: Columns = { growth: new Map(), rank: new Map(), neg: new Map(), pace: new Map(), tax: -1 };
  const add = (label: string): number => header.push(label) - 1;
  // Figures first, so every formula column can refer to any figure.
  for (const ind of spec.figures) {
    cur.set(ind.code, add(`${ind.code} 累计`));
    base.set(ind.code, add(`${ind.code} 上年同期`));
    if (spec.warned.includes(ind)) target.set(ind.code, add(`${ind.code} 年度目标`));
  }
  for (const ind of spec.figures) cols.growth.set(ind.code, add(`${ind.code} 同比`));
  for (const ind of spec.ranked) cols.rank.set(ind.code, [add(`${ind.code} 位次`), add(`${ind.code} 共`)]);
  for (const ind of spec.warned) {
    cols.neg.set(ind.code, add(`${ind.code} W-NEG`));
    cols.pace.set(ind.code, add(`${ind.code} W-PACE`));
  }
  cols.tax = add('W-TAX');

  // city blocks: first and last sheet row (1-based) of each city
  const blocks = new Map<string, [number, number]>();
  zones.forEach((z, i) => {
    const c = z.zone.city ?? '';
    const r = i + 2;
    const b = blocks.get(c);
    blocks.set(c, b ? [b[0], r] : [r, r]);
  });

  const { ratio } = spec;
  const naive = spec.naive ?? false;
  const num = ratio.ratio?.numerator ?? '';
  const den = ratio.ratio?.denominator ?? '';
  let formulas = 0;
  const rows: (string | number | null)[][] = [header];
  zones.forEach((z, i) => {
    const r = i + 2;
    const at = (col: number | undefined): string => `${colName(col ?? -1)}${r}`;
    const row: (string | number | null)[] = new Array<string | number | null>(header.length).fill(null);
    row[0] = z.zone.code;
    row[1] = z.zone.city;
    const f = (col: number, formula: string) => {
      row[col] = formula;
      formulas++;
    };
    for (const [code, c] of cur) {
      const v = z.values[code];
      if (code === ratio.code) {
        // the template's own formulas for 税收占比 (the report holds them, with these results)
        f(c, `=IF(AND(ISNUMBER(${at(cur.get(den))}),${at(cur.get(den))}>0),${round1(`${at(cur.get(num))}/${at(cur.get(den))}*100`, naive)},"")`);
        f(base.get(code) as number, `=IF(AND(ISNUMBER(${at(base.get(den))}),${at(base.get(den))}>0),${round1(`${at(base.get(num))}/${at(base.get(den))}*100`, naive)},"")`);
        continue;
      }
      row[c] = v?.ytd ?? null;
      row[base.get(code) as number] = v?.base ?? null;
      const t = target.get(code);
      if (t !== undefined) row[t] = v?.target ?? null;
    }
    for (const [code, c] of cols.growth) {
      const E = at(cur.get(code)), F = at(base.get(code));
      if (code === ratio.code) {
        // the template's own 同比 formula for a ratio: from the parts, unrounded (rules.md §2), not
        // from the two shown shares (which differs by 0.1 in about one zone in four)
        const [en, ed, fn, fd] = [at(cur.get(num)), at(cur.get(den)), at(base.get(num)), at(base.get(den))];
        f(c, `=IF(AND(ISNUMBER(${ed}),ISNUMBER(${fd})),IF(AND(${ed}>0,${fd}>0),${round1(`${en}/${ed}*100-${fn}/${fd}*100`, naive)},"—"),"—")`);
      }
      else f(c, growthFormula(E, F, naive));
    }
    const [first, last] = blocks.get(z.zone.city ?? '') as [number, number];
    for (const ind of spec.ranked) {
      const [rc, nc] = cols.rank.get(ind.code) as [number, number];
      const by = ind.kind === 'ratio' ? (cur.get(ind.code) as number) : (cols.growth.get(ind.code) as number);
      const range = `${colName(by)}$${first}:${colName(by)}$${last}`;
      f(rc, `=IF(ISNUMBER(${colName(by)}${r}),RANK.EQ(${colName(by)}${r},${range}),"—")`);
      f(nc, `=COUNT(${range})`);
    }
    for (const ind of spec.warned) {
      const G = at(cols.growth.get(ind.code));
      f(cols.neg.get(ind.code) as number, `=IF(OR(AND(ISNUMBER(${G}),${G}<0),${G}="由盈转亏",${G}="增亏"),1,0)`);
      const E = at(cur.get(ind.code)), H = at(target.get(ind.code));
      const gap = round1(`${round1(`${spec.month}/12*100`, naive)}-${round1(`${E}/${H}*100`, naive)}`, naive);
      f(cols.pace.get(ind.code) as number,
        `=IF(AND(ISNUMBER(${E}),ISNUMBER(${H})),IF(${H}>0,IF(${gap}>${spec.paceRedPp},2,IF(${gap}>=${spec.paceYellowPp},1,0)),0),0)`);
    }
    const S = at(cur.get(ratio.code)), C = at(cols.growth.get(ratio.code));
    f(cols.tax, `=IF(ISNUMBER(${S}),IF(OR(${S}<${spec.taxShareMin},AND(ISNUMBER(${C}),${C}<=-${spec.taxShareDropPp})),1,0),0)`);
    rows.push(row);
  });
  return { rows, codes: zones.map((z) => z.zone.code), cols, formulas };
}
