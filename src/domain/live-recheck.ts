/**
 * Live mode's re-check: the report of a workbook kept up to date as its sheets change, equal to a
 * full check of the workbook as it now is, while re-checking only the sheets an edit can affect.
 *
 * It holds the workbook's sheets as last read and the full check's result. When sheets change it
 * runs the engine's own check (checkWorkbooks — no rule is written twice) on a reduced workbook:
 * the changed sheets, the other report sheets of the same zones (their months compare with each
 * other through "rows of this check"), and the register sheets; with the archived history cut down
 * to those zones (the history is looked up by zone only). The findings, skipped rules and sheet
 * results of the re-checked sheets replace theirs; V-DUP (across sheets) is judged again over every
 * report; the whole is sorted as the check sorts it.
 *
 * What a reduced check cannot reproduce falls back to a full check of the held sheets (still no
 * re-read): a register or 历史数据 sheet changed (every zone depends on it), a table of many zones,
 * a sheet whose period names no year (it takes the workbook's majority year) or whose stated year
 * changed (the majority may move), no archived history at all (rules are then skipped workbook-wide,
 * once), sheets added, removed or renamed.
 */
import { checkWorkbooks, sortFindings, type CheckInput, type CheckOptions, type CheckResult } from './check';
import { countLevels } from './output/annotations';
import { recogniseSheet } from './recognise/sheet';
import type { RecognisedReport, SheetRecognition } from './recognise/types';
import { findDuplicates } from './rules/duplicates';
import type { CheckReport, Finding, HistoryRow, SheetGrid, SheetResult, Skipped, WorkbookGrid } from './types';

/** What one update did: which sheets were re-checked, or 'all' (and why). */
export interface RecheckOutcome {
  report: CheckReport;
  rechecked: string[] | 'all';
  /** why the whole workbook was checked again (absent when only some sheets were) */
  fullReason?: FullReason;
}

export type FullReason = 'structure' | 'register-or-history' | 'table' | 'year' | 'no-history';

/** The first look at a sheet that decides whether a reduced check is exact for it. */
interface FirstLook {
  kind: SheetRecognition['kind'];
  /** the year the sheet states, counted by the workbook's majority year; null when none */
  year: number | null;
  /** a report or table whose period names no year: it borrows the majority year */
  borrowsYear: boolean;
  zones: string[];
}

const V_DUP = 'V-DUP';

export class LiveRecheck {
  private grid: WorkbookGrid;
  private result: CheckResult;
  private readonly looks = new Map<string, FirstLook>();
  private historyByZone = new Map<string, HistoryRow[]>();

  constructor(
    private readonly input: CheckInput,
    private readonly opts: CheckOptions,
  ) {
    if (!input.grid) throw new Error('live re-check needs a read workbook');
    this.grid = { ...input.grid, sheets: [...input.grid.sheets] };
    this.result = this.fullCheck();
  }

  get report(): CheckReport {
    return this.result.report;
  }

  /** The workbook's sheets as held now (after the updates). */
  get sheets(): readonly SheetGrid[] {
    return this.grid.sheets;
  }

  /** The whole workbook read again (sheets added, removed, renamed or moved): a full check. */
  replaceAll(grid: WorkbookGrid): RecheckOutcome {
    this.grid = { ...grid, sheets: [...grid.sheets] };
    this.result = this.fullCheck();
    return { report: this.result.report, rechecked: 'all', fullReason: 'structure' };
  }

  /** Sheets read again after an edit (by name, each a sheet held now). */
  update(changed: readonly SheetGrid[]): RecheckOutcome {
    const names = this.grid.sheets.map((s) => s.name);
    const at = changed.map((g) => names.indexOf(g.name));
    if (at.some((i) => i < 0) || new Set(at).size !== at.length) {
      // a sheet unknown here: added or renamed since the last read; the caller reads all again
      return this.full('structure', changed);
    }
    const before = changed.map((g) => this.look(g.name));
    changed.forEach((g, k) => (this.grid.sheets[at[k]] = g));
    const after = changed.map((g) => this.lookAt(g));
    const reason = this.blocker(before, after);
    if (reason) return this.full(reason, []);
    changed.forEach((g, k) => this.looks.set(g.name, after[k]));

    // the sheets whose findings may change: the changed ones and every report of their zones
    const zones = new Set([...before, ...after].flatMap((l) => l.zones));
    const affected = new Set(changed.map((g) => g.name));
    for (const r of this.result.reports) if (r.report.zone && zones.has(r.report.zone.code)) affected.add(r.report.sheet);
    for (const name of affected) {
      const l = this.look(name);
      if (l.kind === 'table') return this.full('table', []);
      if (l.borrowsYear) return this.full('year', []);
    }

    const kept = this.grid.sheets.filter((s) => affected.has(s.name) || this.look(s.name).kind === 'register');
    const reduced = checkWorkbooks([{ ...this.input, grid: { ...this.grid, sheets: kept } }], {
      ...this.opts,
      history: this.historyFor(zones),
      onProgress: undefined,
    });
    this.result = this.merge(reduced, affected);
    return { report: this.result.report, rechecked: [...affected] };
  }

  private full(reason: FullReason, changed: readonly SheetGrid[]): RecheckOutcome {
    for (const g of changed) {
      const i = this.grid.sheets.findIndex((s) => s.name === g.name);
      if (i >= 0) this.grid.sheets[i] = g;
    }
    this.result = this.fullCheck();
    return { report: this.result.report, rechecked: 'all', fullReason: reason };
  }

  private fullCheck(): CheckResult {
    const result = checkWorkbooks([{ ...this.input, grid: this.grid }], { ...this.opts, onProgress: undefined });
    // a first look depends on the register, which a full check may have changed
    this.looks.clear();
    this.historyByZone = new Map();
    for (const row of result.history) {
      let list = this.historyByZone.get(row.zone);
      if (!list) this.historyByZone.set(row.zone, (list = []));
      list.push(row);
    }
    return result;
  }

  /** Why a reduced check would not be exact for this change (null: it is). */
  private blocker(before: FirstLook[], after: FirstLook[]): FullReason | null {
    if (this.result.history.length === 0) return 'no-history';
    const wide = (l: FirstLook) => l.kind === 'register' || l.kind === 'history';
    for (let k = 0; k < before.length; k++) {
      const [b, a] = [before[k], after[k]];
      if (wide(b) || wide(a)) return 'register-or-history';
      if (b.kind === 'table' || a.kind === 'table') return 'table';
      // the workbook's majority year counts each sheet's stated year: it moves only if one does
      if (b.year !== a.year || a.borrowsYear) return 'year';
    }
    return null;
  }

  /**
   * The archived rows of these zones, in their order. The rules look history up by zone, and ask
   * only whether any history exists at all: one row of another zone keeps that answer.
   */
  private historyFor(zones: Set<string>): HistoryRow[] {
    const rows = [...zones].flatMap((z) => this.historyByZone.get(z) ?? []);
    if (rows.length === 0 && this.result.history.length > 0) rows.push(this.result.history[0]);
    return rows;
  }

  private look(name: string): FirstLook {
    const known = this.looks.get(name);
    if (known) return known;
    const grid = this.grid.sheets.find((s) => s.name === name);
    if (!grid) throw new Error(`no sheet ${name}`);
    const l = this.lookAt(grid);
    this.looks.set(name, l);
    return l;
  }

  /** The check's first reading of a sheet (before any year is borrowed), as it counts for majority. */
  private lookAt(grid: SheetGrid): FirstLook {
    const rec = recogniseSheet(grid, { config: this.opts.config, register: this.result.register, fallbackYear: null });
    if (rec.kind === 'report' || rec.kind === 'table') {
      const reports = rec.kind === 'report' ? [rec] : rec.reports;
      return {
        kind: rec.kind,
        year: rec.period?.year ?? null,
        borrowsYear: rec.period === null,
        zones: reports.flatMap((r) => (r.zone ? [r.zone.code] : [])),
      };
    }
    return { kind: rec.kind, year: null, borrowsYear: false, zones: [] };
  }

  /** The full report again, with the re-checked sheets' part taken from the reduced check. */
  private merge(reduced: CheckResult, affected: Set<string>): CheckResult {
    const file = this.input.file;
    const order = this.grid.sheets.map((s) => s.name);
    const mine = (sheet: string | null) => sheet !== null && affected.has(sheet);

    // reports in workbook order, the re-checked sheets' from the reduced check
    const fresh = new Map<string, { file: string; report: RecognisedReport }[]>();
    for (const r of reduced.reports) if (mine(r.report.sheet)) push(fresh, r.report.sheet, r);
    const held = new Map<string, { file: string; report: RecognisedReport }[]>();
    for (const r of this.result.reports) push(held, r.report.sheet, r);
    const reports = order.flatMap((s) => (affected.has(s) ? fresh.get(s) : held.get(s)) ?? []);

    const findings: Finding[] = [
      ...this.result.report.findings.filter((f) => f.rule !== V_DUP && !(f.file === file && mine(f.sheet))),
      ...reduced.report.findings.filter((f) => f.rule !== V_DUP && f.file === file && mine(f.sheet)),
      ...findDuplicates(reports),
    ];
    const sorted = sortFindings(findings, this.result.report.files.map((f) => f.file), new Map([[file, order]]));

    const old = this.result.report;
    const freshResults = new Map<string, SheetResult[]>();
    for (const r of reduced.report.files[0]?.sheets ?? []) if (mine(r.sheet)) push(freshResults, r.sheet, r);
    const heldResults = new Map<string, SheetResult[]>();
    for (const r of old.files[0]?.sheets ?? []) push(heldResults, r.sheet, r);
    const files = old.files.map((f, i) =>
      i === 0 ? { ...f, sheets: order.flatMap((s) => (affected.has(s) ? freshResults.get(s) : heldResults.get(s)) ?? []) } : f,
    );

    const report: CheckReport = {
      ...old,
      files,
      findings: sorted,
      skipped: mergeSkipped(old.skipped, reduced.report.skipped, file, order, affected),
      totals: countLevels(sorted),
    };
    return { ...this.result, report, reports };
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Skipped rules in the check's order: the workbook-wide ones first (no register), then each
 * sheet's in sheet order. With history present every other entry names its sheet in its scope
 * ("file / sheet" or "file / sheet / zone"), so a sheet's entries can be swapped as a block; Excel
 * forbids "/" in sheet names, so the scope parses back unambiguously.
 */
function mergeSkipped(old: Skipped[], fresh: Skipped[], file: string, order: string[], affected: Set<string>): Skipped[] {
  const prefix = `${file} / `;
  const sheetOf = (s: Skipped): string | null => (s.scope.startsWith(prefix) ? s.scope.slice(prefix.length).split(' / ')[0] : null);
  const wide = old.filter((s) => sheetOf(s) === null);
  const bySheet = new Map<string, Skipped[]>();
  for (const s of old) {
    const sheet = sheetOf(s);
    if (sheet !== null && !affected.has(sheet)) push(bySheet, sheet, s);
  }
  for (const s of fresh) {
    const sheet = sheetOf(s);
    if (sheet !== null && affected.has(sheet)) push(bySheet, sheet, s);
  }
  return [...wide, ...order.flatMap((s) => bySheet.get(s) ?? [])];
}
