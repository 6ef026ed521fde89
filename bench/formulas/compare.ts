/**
 * Reads the evaluated formula sheet back and compares it, value by value, with the engine: every
 * 同比 shown to 0.1 (or its label) of every indicator of every report (the check's records) and of
 * the indicators summarise() lists, every city rank (place and count), every W-NEG, W-PACE and
 * W-TAX flag. Returns the count of compared values and the mismatches, each named.
 */
import type { SummaryReport } from '../../src/domain/summary';
import type { CheckReport, Growth } from '../../src/domain/types';
import type { FormulaSheet, SheetSpec } from './sheet';

type Value = string | number | boolean | null | { value: string };

export interface Comparison {
  compared: number;
  mismatches: string[];
  /**
   * Mismatches where the exact growth lies on a half (41.3 against 40: exactly 3.25%): rules.md §2
   * rounds half away from zero (3.3, the engine), while the formula's binary arithmetic lands just
   * below (3.2499999999999933 → 3.2); and the ranks in that city and indicator that follow from it.
   */
  halfway: string[];
  byKind: Record<string, number>;
  /** how often each non-trivial outcome occurs (engine side), so a 0-mismatch result is not all zeros */
  seen: Record<string, number>;
}

/** A value as compared: numbers in tenths (the shown precision), everything else as text. */
function token(v: Value | undefined): string {
  if (typeof v === 'number') return `#${Math.round(v * 10)}`;
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return `error ${v.value}`;
  return String(v);
}

/** A computed growth as the formula sheet shows it: the figure, or its label. */
function growthToken(g: Growth): string {
  if (g.label !== null) return g.label;
  if (g.unit === 'loss') return '持平'; // two equal losses: neither 减亏 nor 增亏
  return g.shown === null ? '—' : token(g.shown);
}

export function compare(sheet: FormulaSheet, values: Value[][], summary: SummaryReport, report: CheckReport, spec: SheetSpec): Comparison {
  const out: Comparison = { compared: 0, mismatches: [], halfway: [], byKind: { growth: 0, 'summary growth': 0, rank: 0, warning: 0 }, seen: {} };
  const records = new Map<string, Map<string, Growth>>();
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind === 'report' && s.zone) records.set(s.zone.code, new Map(s.records.map((r) => [r.indicator, r.growth])));
    }
  }
  const seen = (k: string) => (out.seen[k] = (out.seen[k] ?? 0) + 1);
  const byCode = new Map(summary.zones.map((z) => [z.zone.code, z]));
  // (city, indicator) groups holding a half-way growth: their ranks may differ as a consequence
  const halfGroups = new Set<string>();
  const cityOf = new Map(sheet.codes.map((c, i) => [c, String(values[i + 1]?.[1] ?? '')]));
  const isHalf = (g: Growth | undefined): boolean => g?.value != null && Math.abs(Math.abs(g.value * 10) % 1 - 0.5) < 1e-9;
  let half: Growth | undefined;
  const check = (kind: string, what: string, engine: string, formula: string) => {
    out.compared++;
    out.byKind[kind]++;
    if (kind === 'growth' && !engine.startsWith('#')) seen(`label ${engine}`);
    if (kind === 'summary growth' && !engine.startsWith('#')) seen(`summary label ${engine}`);
    if (kind === 'growth' && engine.startsWith('#-')) seen('negative growth');
    if (kind === 'rank' && engine === '—') seen('unranked');
    if (kind === 'warning' && engine !== '0') seen(`${what.split(' ').pop()} ${engine === '2' ? 'red' : 'fired'}`);
    if (engine === formula) return;
    const [code, ind] = what.split(' ');
    if ((kind === 'growth' || kind === 'summary growth') && isHalf(half)) {
      halfGroups.add(`${cityOf.get(code)}|${ind}`);
      out.halfway.push(`${what}: engine ${engine}, formulas ${formula} (exact ${half?.value})`);
    } else if (kind === 'rank' && halfGroups.has(`${cityOf.get(code)}|${ind}`)) {
      out.halfway.push(`${what}: engine ${engine}, formulas ${formula} (same city as a half-way growth)`);
    } else out.mismatches.push(`${what}: engine ${engine}, formulas ${formula}`);
  };
  // Growth first over every zone, so that the ranks of a city holding a half-way growth are known
  // to follow from it whichever row comes first.
  for (const pass of ['growth', 'rest'] as const) {
    sheet.codes.forEach((code, i) => {
      const row = values[i + 1];
      const z = byCode.get(code);
      if (!z) {
        if (pass === 'growth') out.mismatches.push(`${code}: not in the summary`);
        return;
      }
      if (pass === 'growth') {
        const own = records.get(code);
        for (const [ind, col] of sheet.cols.growth) {
          const g = own?.get(ind);
          half = g;
          check('growth', `${code} ${ind} 同比 (check)`, g ? growthToken(g) : 'no record', token(row[col]));
          const s = z.indicators[ind];
          if (!s) continue;
          const engine = ind === spec.ratio.code
            ? token(s.change_pp)
            : s.yoy !== null ? token(s.yoy) : s.yoyLabel ?? '持平';
          check('summary growth', `${code} ${ind} 同比 (summary)`, engine, token(row[col]));
        }
        return;
      }
      for (const [ind, [rc, nc]] of sheet.cols.rank) {
        const place = z.indicators[ind]?.rank?.city ?? null;
        check('rank', `${code} ${ind} 位次`, place ? `${place.n}` : '—', typeof row[rc] === 'number' ? `${row[rc]}` : '—');
        if (place) check('rank', `${code} ${ind} 共`, `${place.of}`, `${row[nc]}`);
      }
      const rules = (rule: string, ind: string) => z.warning.triggers.some((t) => t.rule === rule && t.indicator === ind);
      for (const [ind, col] of sheet.cols.neg) check('warning', `${code} ${ind} W-NEG`, rules('W-NEG', ind) ? '1' : '0', `${row[col]}`);
      for (const [ind, col] of sheet.cols.pace) {
        const engine = rules('W-PACE-R', ind) ? '2' : rules('W-PACE-Y', ind) ? '1' : '0';
        check('warning', `${code} ${ind} W-PACE`, engine, `${row[col]}`);
      }
      check('warning', `${code} W-TAX`, rules('W-TAX', spec.ratio.code) ? '1' : '0', `${row[sheet.cols.tax]}`);
    });
  }
  return out;
}
