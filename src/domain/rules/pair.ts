/**
 * V-PAIR (error): of two paired indicators (新签约项目数 and 签约项目协议投资额) exactly one has data
 * and is non-zero: projects signed with no agreed investment, or investment with no project.
 * Each pair is checked once, on 本月, 1-本月累计 and 上年同期累计.
 */
import type { Finding } from '../types';
import { fmtNum } from '../messages/format';
import { COLUMN_NAMES, makeFinding, type Rule, type ValueCol, where } from './context';

const COLS: readonly ValueCol[] = ['month', 'ytd', 'base'];

export const pairRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const done = new Set<string>();
  for (const ind of ctx.config.catalogue) {
    if (ind.pair === null) continue;
    const other = ctx.catalogue.get(ind.pair);
    if (!other) continue;
    const key = [ind.code, other.code].sort().join('|');
    if (done.has(key)) continue;
    done.add(key);
    const a = ctx.records.get(ind.code);
    const b = ctx.records.get(other.code);
    if (!a && !b) continue;
    for (const col of COLS) {
      if (a?.invalidCols.includes(col) || b?.invalidCols.includes(col)) continue; // already V-TYPE
      const va = a?.[col] ?? null;
      const vb = b?.[col] ?? null;
      const hasA = va !== null && va !== 0;
      const hasB = vb !== null && vb !== 0;
      if (hasA === hasB) continue;
      // Report at the figure that is missing or zero: that is the one to fill in or correct.
      const [withInd, withRec, withVal, lackInd, lackRec, lackVal] = hasA
        ? [ind, a, va as number, other, b, vb]
        : [other, b, vb as number, ind, a, va];
      const wWith = where(withInd, withRec?.cells[col]);
      const wLack = where(lackInd, lackRec?.cells[col]);
      const lackZh = lackVal === null ? '没有数据' : '为0';
      const lackEn = lackVal === null ? 'has no figure' : 'is 0';
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-PAIR', rec: lackRec ?? null, indicator: lackInd.code, col, cell: lackRec?.cells[col] ?? null,
          value: lackVal, expected: null,
          message: {
            zh: `${wWith.zh}为${fmtNum(withVal, withInd.unit)},而${wLack.zh}${lackZh}(${COLUMN_NAMES[col].zh});两项必须同时填报,请补齐或更正。`,
            en: `${wWith.en} is ${fmtNum(withVal, withInd.unit)} but ${wLack.en} ${lackEn} (${COLUMN_NAMES[col].en}); the two must be reported together: complete or correct them.`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};
