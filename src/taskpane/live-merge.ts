/**
 * Live mode re-checks only the sheet the user edited; this puts that sheet's fresh findings in
 * place of its old ones in the report on screen. Totals are recounted from the findings.
 * Decision: cross-sheet findings (V-DUP) on other sheets keep their last state until the next
 * full check; a full check is one click away.
 */
import type { CheckReport } from '../domain/types';
import { countLevels } from '../domain/output/annotations';

export function mergeSheetReport(old: CheckReport, fresh: CheckReport, sheets: string[]): CheckReport {
  const set = new Set(sheets);
  const keep = old.findings.filter((f) => f.sheet === null || !set.has(f.sheet));
  const added = fresh.findings.filter((f) => f.sheet !== null && set.has(f.sheet));
  const findings = [...keep, ...added];
  const skipped = [...old.skipped.filter((k) => !set.has(k.scope)), ...fresh.skipped.filter((k) => set.has(k.scope))];
  return { ...old, findings, skipped, totals: countLevels(findings) };
}
