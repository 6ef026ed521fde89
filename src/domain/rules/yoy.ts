/**
 * V-YOY (warning): a reported 同比 differs from the computed one (unrounded) by more than
 * thresholds.yoyMismatchPp; or a % is typed where no % can be computed (新增, 扭亏为盈, 由盈转亏, —),
 * or a signed % is typed for two losses (to be written 亏损额下降/增长 x%); or the 同比 cell gives last
 * year's figure ("上年为1.43") and it is not the row's 上年同期累计. A published growth with no
 * 上年同期 figure (template.md §5) has nothing to be compared with: listed as not run.
 * V-SWING (warning): |同比| as shown is above the indicator's swingPct; not raised when V-UNITSLIP
 * already explains the jump.
 */
import type { Finding } from '../types';
import { growthText } from '../growth';
import { fmtOne } from '../messages/format';
import type { Skipped } from '../types';
import { fmtNum } from '../messages/format';
import { beyond, makeFinding, type Rule, shownFigure, tolerance, where } from './context';
import { slipApplies, slipPower } from './unit-slip';

export const yoyRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const pp = ctx.config.thresholds.yoyMismatchPp;
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (ind && rec.yoyLastYear && rec.base !== null) {
      const tol = tolerance(ctx.config, ind.unit, [shownFigure(rec, 'base'), rec.yoyLastYear.value]);
      if (beyond(rec.base, rec.yoyLastYear.value, tol)) {
        const w = where(ind, rec.yoyLastYear.cell);
        findings.push(
          makeFinding(ctx, {
            level: 'warning', rule: 'V-YOY', rec, indicator: rec.indicator, cell: rec.yoyLastYear.cell, value: rec.yoyLastYear.value, expected: rec.base,
            message: {
              zh: `${w.zh}同比栏写明上年为${fmtNum(rec.yoyLastYear.value, ind.unit)},而上年同期累计为${fmtNum(rec.base, ind.unit)};请核对其中一个。`,
              en: `${w.en}: the growth cell gives last year's figure as ${fmtNum(rec.yoyLastYear.value, ind.unit)}, but the same-period-last-year figure is ${fmtNum(rec.base, ind.unit)}; check one of them.`,
            },
          }),
        );
      }
    }
    if (rec.noBase) continue;
    const g = ctx.growth.get(rec.indicator);
    if (!ind || !g || rec.yoy === null || ind.kind === 'rate') continue;
    const w = where(ind, rec.cells.yoy);
    const typed = fmtOne(rec.yoy);
    const zhText = growthText(g, 'zh');
    const enText = growthText(g, 'en');
    const base = { level: 'warning' as const, rule: 'V-YOY' as const, rec, indicator: rec.indicator, col: 'yoy' as const, value: rec.yoy };
    if (g.unit === 'loss') {
      if (g.value === 0 && rec.yoy === 0) continue; // equal losses typed as 0: nothing misleading
      findings.push(
        makeFinding(ctx, {
          ...base, expected: zhText,
          message: {
            zh: `${w.zh}同比填为${typed};上年同期和本期均为亏损,不能用带符号的百分比表示,应写作“${zhText}”;请更正同比栏。`,
            en: `${w.en}: the growth is typed as ${typed}; both this year and last year are losses, so a signed % misleads: write "${enText}" instead.`,
          },
        }),
      );
      continue;
    }
    if (g.label !== null) {
      findings.push(
        makeFinding(ctx, {
          ...base, expected: zhText,
          message: {
            zh: `${w.zh}同比填为${typed},但按本期和上年同期数据无法计算百分比,应为“${zhText}”;请更正同比栏。`,
            en: `${w.en}: the growth is typed as ${typed}, but no % can be computed from this year's and last year's figures; it should read "${enText}".`,
          },
        }),
      );
      continue;
    }
    if (g.value === null || g.shown === null || !beyond(rec.yoy, g.value, pp)) continue;
    const unitZh = g.unit === 'pp' ? '个百分点' : '%';
    const unitEn = g.unit === 'pp' ? ' pp' : '%';
    findings.push(
      makeFinding(ctx, {
        ...base, expected: g.shown,
        message: {
          zh: `${w.zh}填报同比${typed}${unitZh},按1-本月累计和上年同期累计计算应为${fmtOne(g.shown)}${unitZh},相差超过${pp}个百分点;请核对同比或两项累计数。`,
          en: `${w.en}: the reported growth ${typed}${unitEn} differs from the ${fmtOne(g.shown)}${unitEn} computed from the year-to-date and last year's figures by more than ${pp} pp; check the growth or the two figures.`,
        },
      }),
    );
  }
  const published = [...ctx.records.values()].filter((r) => r.noBase && (r.yoy !== null || r.yoyLabel));
  if (published.length > 0) skipped.push(...publishedSkips(ctx.scope, published.map((r) => r.indicator)));
  return { findings, skipped };
};

/** Rules that need the 上年同期 figure, listed as not run for growth taken as published (never as passed). */
function publishedSkips(scope: string, codes: string[]): Skipped[] {
  const list = codes.join('、');
  const reason = {
    zh: `指标 ${list} 没有上年同期累计数,同比按报表公布数采用,未按数据复算,也未与历史数据核对。`,
    en: `Indicators ${codes.join(', ')} have no same-period-last-year figure: their growth was taken as published, not recomputed, and not compared with the history.`,
  };
  return [{ rule: 'V-YOY', reason, scope }, { rule: 'V-BASE', reason, scope }];
}

export const swingRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    const g = ctx.growth.get(rec.indicator);
    if (!ind || !g || g.shown === null || g.unit === 'pp') continue;
    // Judged on the figure as shown (to 0.1): the bulletin figure a reader sees against the threshold.
    if (!(Math.abs(g.shown) > ind.swingPct)) continue;
    if (slipApplies(ind) && rec.ytd !== null && rec.base !== null && slipPower(rec.ytd, rec.base, ctx.config.thresholds.unitSlipLog10) !== null) continue;
    const w = where(ind, rec.cells.yoy ?? rec.cells.ytd);
    const zhText = growthText(g, 'zh');
    const enText = growthText(g, 'en');
    findings.push(
      makeFinding(ctx, {
        level: 'warning', rule: 'V-SWING', rec, indicator: rec.indicator, col: rec.cells.yoy ? 'yoy' : 'ytd', value: g.shown, expected: `±${ind.swingPct}`,
        message: {
          zh: `${w.zh}同比${zhText},波动超过±${ind.swingPct}%;请核实数据,并在说明栏写明原因。`,
          en: `${w.en}: year-on-year ${enText}, a swing beyond ±${ind.swingPct}%; verify the figures and explain the reason in the note column.`,
        },
      }),
    );
  }
  return { findings, skipped: [] };
};
