/**
 * The check orchestrator: from the workbooks read by a port to the machine-readable check report
 * (rules.md "Machine-readable report"). Collects the zone register and the history, recognises every
 * sheet, computes growth, runs the per-report rules and V-DUP across sheets and files, and returns
 * the report with sorted findings, skipped rules and totals. Pure: no I/O.
 */
import type { Config } from './config/schema';
import { computeGrowth } from './growth';
import { parseA1 } from './a1';
import { buildRegister, readRegisterSheet, type Register } from './recognise/register';
import { mergeHistory, readHistorySheet } from './recognise/history-sheet';
import { classifySheet } from './recognise/classify';
import { recogniseSheet } from './recognise/sheet';
import type { ParsedRecord, RecognisedReport, RecognisedTable, SheetRecognition } from './recognise/types';
import { tableTotalFindings } from './rules/table-totals';
import type {
  CheckReport,
  FileResult,
  Growth,
  Finding,
  HistoryRow,
  IndicatorRecord,
  InputError,
  SheetGrid,
  SheetResult,
  Skipped,
  WorkbookGrid,
  Zone,
} from './types';
import { buildContext, runReportRules } from './rules/index';
import { growthForRecord } from './rules/derived';
import { countLevels } from './output/annotations';
import { indexHistory, periodKey, type MonthRecords } from './rules/context';
import { findDuplicates, type PlacedReport } from './rules/duplicates';

export interface CheckInput {
  file: string;
  sha256: string;
  grid: WorkbookGrid | null;
  inputError: InputError | null;
  /** findings made while reading the file (its format: src/xlsx/open/notes.ts), reported with its own */
  notes?: Finding[];
}

export interface CheckOptions {
  config: Config;
  /** the zone register given apart from the workbooks (--register); else a 开发区名录 sheet, else config.register */
  registerZones?: Zone[] | null;
  /** archived history given apart from the workbooks (--history); 历史数据 sheets are merged into it */
  history?: HistoryRow[];
  onProgress?: (fraction: number) => void;
}

export interface CheckResult {
  report: CheckReport;
  register: Register | null;
  /** the archived history: opts.history merged with every 历史数据 sheet of the inputs */
  history: HistoryRow[];
  reports: Array<{ file: string; report: RecognisedReport }>;
}

const NO_REGISTER_ZONE: Skipped = {
  rule: 'V-ZONE',
  reason: {
    zh: '没有开发区名录(开发区名录表或 --register):开发区名称未能与名录核对,按各表填写的名称识别。',
    en: 'No zone register (a 开发区名录 sheet or --register): zones were not verified against it and are identified by the names in the sheets.',
  },
  scope: 'all',
};
const NO_REGISTER_RANKING: Skipped = {
  rule: 'RANKING',
  reason: {
    zh: '没有开发区名录:无法按所属市、所属省分组,全市和全省排名无法形成。',
    en: 'No zone register: zones cannot be grouped by city or province, so city and province rankings cannot be formed.',
  },
  scope: 'all',
};

/** The year most report sheets (and tables) of a workbook state; null when none does or two years tie. */
function majorityYear(recognitions: SheetRecognition[]): number | null {
  const counts = new Map<number, number>();
  for (const r of recognitions) if ((r.kind === 'report' || r.kind === 'table') && r.period) counts.set(r.period.year, (counts.get(r.period.year) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  let tie = false;
  for (const [year, n] of counts) {
    if (n > bestN) {
      best = year;
      bestN = n;
      tie = false;
    } else if (n === bestN) tie = true;
  }
  // Two years stated equally often: guessing one would date a sheet silently; leave it to V-PERIOD.
  return tie ? null : best;
}

function withFile(f: Finding, file: string | null): Finding {
  return { ...f, file };
}

/** The register: the one given, else the 开发区名录 sheets of the inputs, else the configuration's. */
function collectRegister(
  inputs: CheckInput[],
  opts: CheckOptions,
): { register: Register | null; findings: Finding[] } {
  const findings: Finding[] = [];
  let zones: Zone[] | null = opts.registerZones ?? null;
  let file: string | null = null;
  if (zones === null) {
    for (const input of inputs) {
      for (const sheet of input.grid?.sheets ?? []) {
        if (classifySheet(sheet) !== 'register') continue;
        const read = readRegisterSheet(sheet);
        if (!read) continue;
        findings.push(...read.findings.map((f) => withFile(f, input.file)));
        if (read.zones.length > 0) {
          zones = [...(zones ?? []), ...read.zones];
          file ??= input.file;
        }
      }
    }
  }
  if (zones === null && opts.config.register && opts.config.register.length > 0) zones = opts.config.register;
  if (zones === null) return { register: null, findings };
  const built = buildRegister(zones);
  findings.push(...built.findings.map((f) => withFile(f, file)));
  return { register: built.register, findings };
}

/** The archived history: the one given, merged with every 历史数据 sheet of the inputs. */
function collectHistory(inputs: CheckInput[], opts: CheckOptions): { history: HistoryRow[]; findings: Finding[] } {
  let history = opts.history ? [...opts.history] : [];
  const findings: Finding[] = [];
  for (const input of inputs) {
    for (const sheet of input.grid?.sheets ?? []) {
      if (classifySheet(sheet) !== 'history') continue;
      const read = readHistorySheet(sheet);
      if (!read) continue;
      findings.push(...read.findings.map((f) => withFile(f, input.file)));
      history = mergeHistory(history, read.rows);
    }
  }
  return { history, findings };
}

/** A report checked now as a month of its zone (for comparing months within one check). */
function monthOf(report: RecognisedReport): MonthRecords | null {
  const { zone, period } = report;
  if (!zone || !period) return null;
  return { zone: zone.code, period: periodKey(period.year, period.month), records: report.records };
}

/**
 * A record as the check report gives it (rules.md §1): `yoy` is the computed growth as shown (the %
 * or, for a ratio, the 百分点 change) unless a label stands instead (`yoyLabel`); `yoyReported` is
 * what the clerk typed. A bureau taking clean data out of the report takes the computed figures.
 */
export function outputRecord(r: ParsedRecord, growth: Growth): IndicatorRecord {
  const shown = growth.label === null && growth.unit !== 'loss' ? growth.shown : null;
  return {
    indicator: r.indicator, row: r.row, unit: r.unit, month: r.month, ytd: r.ytd, base: r.base,
    yoy: shown, yoyLabel: growth.label, yoyReported: r.yoy, yoyReportedLabel: r.yoyLabel ?? null,
    target: r.target, note: r.note, growth, cells: r.cells,
    ...(r.rankReported ? { rankReported: r.rankReported } : {}),
  };
}

function sheetResult(rec: Exclude<SheetRecognition, RecognisedTable>, records: IndicatorRecord[]): SheetResult {
  if (rec.kind === 'report') {
    return {
      sheet: rec.sheet,
      kind: 'report',
      zone: rec.zone,
      period: rec.period ? periodKey(rec.period.year, rec.period.month) : null,
      records,
      ...(rec.layout ? { layout: rec.layout } : {}),
    };
  }
  return { sheet: rec.sheet, kind: rec.kind, skipReason: rec.reason, zone: null, period: null, records: [] };
}

/** Row and column of a finding's cell (top-left of a range); -1 when it has none, so it sorts first. */
function position(cell: string | null): { row: number; col: number } {
  if (!cell) return { row: -1, col: -1 };
  const p = parseA1(cell.split(':')[0]);
  return p ?? { row: -1, col: -1 };
}

/**
 * Sort findings by file, sheet, row, column, rule. Files keep the order they were given in and
 * sheets their order in the workbook (so 2月 comes before 10月); findings without a file or sheet
 * (the register given apart) come first.
 */
export function sortFindings(findings: Finding[], fileOrder: string[], sheetOrder: Map<string, string[]>): Finding[] {
  const fileIdx = (f: string | null) => (f === null ? -1 : fileOrder.indexOf(f));
  const sheetIdx = (file: string | null, sheet: string | null) => {
    if (sheet === null) return -1;
    const order = file === null ? undefined : sheetOrder.get(file);
    const i = order ? order.indexOf(sheet) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const keyed = findings.map((f, i) => ({ f, i, file: fileIdx(f.file), sheet: sheetIdx(f.file, f.sheet), pos: position(f.cell) }));
  keyed.sort(
    (a, b) =>
      a.file - b.file ||
      a.sheet - b.sheet ||
      (a.f.sheet ?? '').localeCompare(b.f.sheet ?? '') ||
      a.pos.row - b.pos.row ||
      a.pos.col - b.pos.col ||
      (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0) ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}

/** Rules the zones of one table skipped for the same reason: said once, for the table. */
function sharedOnce(list: Skipped[], tableScope: string): Skipped[] {
  const count = new Map<string, number>();
  const key = (s: Skipped) => `${s.rule}\u0000${s.reason.en}`;
  for (const s of list) count.set(key(s), (count.get(key(s)) ?? 0) + 1);
  return list.map((s) => ((count.get(key(s)) ?? 0) > 1 ? { ...s, scope: tableScope } : s));
}

function dedupeSkipped(list: Skipped[]): Skipped[] {
  const seen = new Set<string>();
  const out: Skipped[] = [];
  for (const s of list) {
    const k = `${s.rule}\u0000${s.scope}\u0000${s.reason.en}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** Check every workbook given: the whole of `zone-report check`, and the pane's 校验. */
export function checkWorkbooks(inputs: CheckInput[], opts: CheckOptions): CheckResult {
  const steps = checkSteps(inputs, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    opts.onProgress?.(step.value);
  }
}

/** Thrown by checkWorkbooksAsync when its signal is aborted. */
export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled');
    this.name = 'CheckCancelled';
  }
}

/**
 * The same check, giving the caller's event loop a turn now and then (so a pane stays responsive and
 * its cancel button works on a long check) and stopping with CheckCancelled when `signal` aborts.
 * `pause` is supplied by the caller (e.g. a zero-delay timer) so the domain needs no timers itself.
 */
export async function checkWorkbooksAsync(
  inputs: CheckInput[],
  opts: CheckOptions,
  pause: () => Promise<void>,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const steps = checkSteps(inputs, opts);
  for (;;) {
    if (signal?.aborted) throw new CheckCancelled();
    const step = steps.next();
    if (step.done) return step.value;
    opts.onProgress?.(step.value);
    await pause();
  }
}

/** The check as steps: yields its progress (0..1) after each workbook and each report sheet. */
function* checkSteps(inputs: CheckInput[], opts: CheckOptions): Generator<number, CheckResult, void> {
  const { config } = opts;
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];

  const reg = collectRegister(inputs, opts);
  findings.push(...reg.findings);
  if (!reg.register) skipped.push(NO_REGISTER_ZONE, NO_REGISTER_RANKING);
  const hist = collectHistory(inputs, opts);
  findings.push(...hist.findings);

  // Recognise every sheet; a sheet whose period names no year is read again with the year most
  // sheets of its workbook state.
  const totalSheets = inputs.reduce((n, i) => n + (i.grid?.sheets.length ?? 0), 0);
  let done = 0;
  const recognised: Array<{ input: CheckInput; sheets: Array<{ grid: SheetGrid; rec: SheetRecognition }> }> = [];
  for (const input of inputs) {
    const sheets: Array<{ grid: SheetGrid; rec: SheetRecognition }> = [];
    if (input.grid && !input.inputError) {
      for (const grid of input.grid.sheets) {
        sheets.push({ grid, rec: recogniseSheet(grid, { config, register: reg.register, fallbackYear: null }) });
      }
      const year = majorityYear(sheets.map((s) => s.rec));
      if (year !== null) {
        for (const s of sheets) {
          if ((s.rec.kind === 'report' || s.rec.kind === 'table') && s.rec.period === null) {
            s.rec = recogniseSheet(s.grid, { config, register: reg.register, fallbackYear: year });
          }
        }
      }
    }
    recognised.push({ input, sheets });
    done += input.grid?.sheets.length ?? 0;
    yield totalSheets ? (done / totalSheets) * 0.5 : 0.5;
  }

  const reports: Array<{ file: string; report: RecognisedReport }> = [];
  for (const r of recognised) {
    for (const s of r.sheets) {
      if (s.rec.kind === 'report') reports.push({ file: r.input.file, report: s.rec });
      // each zone row of a table is a report of its own, checked as if the zone had sent its sheet
      else if (s.rec.kind === 'table') for (const report of s.rec.reports) reports.push({ file: r.input.file, report });
    }
  }
  const months: MonthRecords[] = [];
  for (const r of reports) {
    const m = monthOf(r.report);
    if (m) months.push(m);
  }
  const lookup = indexHistory(hist.history, months);

  const files: FileResult[] = [];
  const sheetOrder = new Map<string, string[]>();
  let checked = 0;
  for (const { input, sheets } of recognised) {
    if (input.inputError || !input.grid) {
      const inputError: InputError = input.inputError ?? {
        code: 'E_NO_GRID',
        message: { zh: '文件未能读取。请确认它是 .xlsx 工作簿后重试。', en: 'The file could not be read. Make sure it is an .xlsx workbook and try again.' },
      };
      files.push({ file: input.file, sha256: input.sha256, sheets: [], inputError });
      continue;
    }
    sheetOrder.set(input.file, input.grid.sheets.map((s) => s.name));
    findings.push(...(input.notes ?? []).map((f) => withFile(f, input.file)));
    const results: SheetResult[] = [];
    const checkReport = (rec: RecognisedReport, scope: string): void => {
      findings.push(...rec.findings.map((f) => withFile(f, input.file)));
      skipped.push(...rec.skipped);
      const ctx = buildContext(rec, config, lookup, scope);
      const out = runReportRules(ctx);
      findings.push(...out.findings.map((f) => withFile(f, input.file)));
      skipped.push(...out.skipped);
      const records: IndicatorRecord[] = rec.records.map((r) => {
        const ind = ctx.catalogue.get(r.indicator);
        // per record, not per code: a code typed on two rows keeps each row's own growth
        return outputRecord(r, ind ? growthForRecord(r, ind, ctx.records) : computeGrowth('flow', r.ytd, r.base));
      });
      results.push(sheetResult(rec, records));
    };
    for (const { rec } of sheets) {
      if (rec.kind === 'table') {
        findings.push(...rec.findings.map((f) => withFile(f, input.file)));
        skipped.push(...rec.skipped);
        const from = skipped.length;
        for (const report of rec.reports) checkReport(report, `${input.file} / ${rec.sheet} / ${report.zone?.code ?? report.zoneText}`);
        skipped.splice(from, skipped.length - from, ...sharedOnce(skipped.slice(from), `${input.file} / ${rec.sheet}`));
        findings.push(...tableTotalFindings(rec, config).map((f) => withFile(f, input.file)));
        checked += rec.reports.length;
        yield 0.5 + (reports.length ? (checked / reports.length) * 0.5 : 0.5);
        continue;
      }
      if (rec.kind !== 'report') {
        results.push(sheetResult(rec, []));
        continue;
      }
      checkReport(rec, `${input.file} / ${rec.sheet}`);
      checked++;
      yield 0.5 + (reports.length ? (checked / reports.length) * 0.5 : 0.5);
    }
    files.push({ file: input.file, sha256: input.sha256, sheets: results, inputError: null });
  }

  const placed: PlacedReport[] = reports.map((r) => ({ file: r.file, report: r.report }));
  findings.push(...findDuplicates(placed));

  const sorted = sortFindings(findings, inputs.map((i) => i.file), sheetOrder);
  yield 1;
  return {
    report: { schemaVersion: '1', files, findings: sorted, skipped: dedupeSkipped(skipped), totals: countLevels(sorted) },
    register: reg.register,
    history: hist.history,
    reports,
  };
}
