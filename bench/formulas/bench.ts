/**
 * Benchmark 3, against formulas: the consolidated sheet a bureau builds by hand (sheet.ts), evaluated
 * by HyperFormula (buildFromSheets: parse + evaluate, then the values read back), against the
 * engine's summarise() on the same month, at 100 and 1,000 zones; both timed alternately in this
 * process after a warm-up. The two must agree on every compared value (compare.ts).
 *
 * The sheet holds the zones the check left rated: a bureau leaves a zone whose report still has
 * unresolved findings out of the ranking (W-DATA, rules.md §3 and §6), as summarise() grays it.
 */
import { HyperFormula } from 'hyperformula';
import { checkWorkbooks } from '../../src/domain/check';
import { keyFlows, keyRatios } from '../../src/domain/summary/warnings';
import { summarise, type SummaryInput } from '../../src/domain/summary';
import { loadAverage } from '../lib/machine';
import { monthData, PERIOD } from '../lib/month-data';
import { timePair } from '../lib/stats';
import { compare, type Comparison } from './compare';
import { registerRankEq } from './rank-eq';
import { profileRuns, type SummaryProfile } from './profile';
import { buildSheet, type SheetSpec } from './sheet';

export interface FormulaResult {
  zones: number;
  rated: number;
  formulas: number;
  cells: number;
  reps: number;
  load: string;
  hfMs: number;
  engineMs: number;
  hfCpu: number;
  engineCpu: number;
  /** HyperFormula ÷ summarise(), on CPU time (wallRatio: on wall time) */
  ratio: number;
  wallRatio: number;
  comparison: Comparison;
  /** the same sheet written with bare ROUND(x,1) (evaluated once, untimed) */
  naive: Comparison;
  /** where summarise()'s time goes (a CPU profile of a few runs, untimed), when asked for */
  profile: SummaryProfile | null;
}

export async function formulaBench(n: number, reps: number, profile = false): Promise<FormulaResult> {
  registerRankEq();
  const d = monthData(n, { lossCases: true });
  const check = checkWorkbooks(d.inputs, { config: d.config, registerZones: d.zones, history: d.history });
  const input: SummaryInput = { report: check.report, register: check.register, history: check.history, config: d.config };
  const summary = summarise(input);
  const rated = new Set(summary.zones.filter((z) => z.status === 'rated').map((z) => z.zone.code));
  const ratio = keyRatios(d.config)[0];
  const w = d.config.warnings;
  const spec: SheetSpec = {
    figures: d.config.catalogue.filter((i) => i.kind !== 'rate'),
    ranked: d.config.catalogue.filter((i) => i.key && i.kind !== 'rate'),
    warned: keyFlows(d.config),
    ratio,
    month: PERIOD.month,
    paceYellowPp: w.paceYellowPp,
    paceRedPp: w.paceRedPp,
    taxShareMin: w.taxShareMin,
    taxShareDropPp: w.taxShareDropPp,
  };
  const sheet = buildSheet(d.month.filter((zm) => rated.has(zm.zone.code)), spec);
  const evaluate = (rows = sheet.rows) => {
    const hf = HyperFormula.buildFromSheets({ 汇总: rows }, { licenseKey: 'gpl-v3' });
    const values = hf.getSheetValues(0);
    hf.destroy();
    return values;
  };
  const load = loadAverage();
  const t = await timePair(() => evaluate(), () => summarise(input), reps);
  const comparison = compare(sheet, evaluate() as Parameters<typeof compare>[1], summary, check.report, spec);
  const naiveSheet = buildSheet(d.month.filter((zm) => rated.has(zm.zone.code)), { ...spec, naive: true });
  const naive = compare(naiveSheet, evaluate(naiveSheet.rows) as Parameters<typeof compare>[1], summary, check.report, spec);
  const prof = profile ? await profileRuns(() => summarise(input), 'summarise', 10) : null;
  return {
    zones: n,
    rated: rated.size,
    formulas: sheet.formulas,
    cells: sheet.rows.length * (sheet.rows[0]?.length ?? 0),
    reps,
    load,
    hfMs: t.a.ms,
    engineMs: t.b.ms,
    hfCpu: t.a.cpu,
    engineCpu: t.b.cpu,
    ratio: t.a.cpu / t.b.cpu,
    wallRatio: t.a.ms / t.b.ms,
    comparison,
    naive,
    profile: prof,
  };
}
