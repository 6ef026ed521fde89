/**
 * What an annotated copy carries, decided once for the command line and the pane: the highlight of
 * each finding (its cell — the top-left cell of a range — with the message in both languages), the
 * part of a report that concerns one file, and the counts by level.
 */
import { a1, parseRange } from '../a1';
import type { CheckReport, Finding, Totals } from '../types';
import type { Highlight } from './sheet-model';

/** Counts of findings by level. */
export function countLevels(findings: readonly Finding[]): Totals {
  const t: Totals = { error: 0, warning: 0, info: 0 };
  for (const f of findings) t[f.level]++;
  return t;
}

/** The highlight of one finding, or null when it names no cell. */
export function highlightOf(f: Finding): Highlight | null {
  if (!f.sheet || !f.cell) return null;
  const r = parseRange(f.cell.replace(/^.*!/, ''));
  if (!r) return null;
  return { sheet: f.sheet, cell: a1(r.top, r.left), level: f.level, note: `[${f.rule}] ${f.message.zh}\n${f.message.en}` };
}

/** The highlights of a report's findings; of one file's only when `file` is given. */
export function highlightsOf(report: CheckReport, file: string | null): Highlight[] {
  const out: Highlight[] = [];
  for (const f of report.findings) {
    if (file !== null && f.file !== file) continue;
    const h = highlightOf(f);
    if (h) out.push(h);
  }
  return out;
}

/** The part of a report about one file: its findings, and the skipped rules that concern it. */
export function reportForFile(report: CheckReport, file: string): CheckReport {
  const fr = report.files.find((f) => f.file === file);
  const scopes = new Set<string>(['all', file]);
  for (const s of fr?.sheets ?? []) {
    scopes.add(s.sheet);
    scopes.add(`${file} / ${s.sheet}`);
    if (s.zone) scopes.add(s.zone.code);
  }
  const findings = report.findings.filter((f) => f.file === file);
  return {
    schemaVersion: '1',
    files: fr ? [fr] : [],
    findings,
    skipped: report.skipped.filter((s) => scopes.has(s.scope)),
    totals: countLevels(findings),
  };
}
