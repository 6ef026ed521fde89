/**
 * Benchmark 8, live mode in Excel, on the recording fake of the Excel API (src/excel/testing): a
 * 104-sheet workbook (100 zone report sheets for 2026-09, 开发区名录, 历史数据, one zone's August
 * sheet and one duplicate September sheet), live checking started as the pane starts it
 * (src/excel/watch-session.ts), then 200 edits a clerk makes — a figure typed, or a block of
 * figures pasted — each on a report sheet picked at random, each waited for until its report comes.
 *
 * Per edit: round trips (context.sync) from the change event to the report (counted, not timed),
 * and the engine's work for it — the re-check of the sheets it can affect and the report rebuilt
 * (LiveRecheck.update), CPU time of this process around the session's handling of the change, the
 * fake's read excluded. Against: a full re-check of the 104 sheets (checkWorkbooks), timed between
 * right after the edits, and the former live mode (bench/live/former.ts): its round
 * trips and whether its report equalled a full check. Every 10th edit the live report is compared
 * byte for byte with a full check of the workbook read again.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { checkWorkbooks, type CheckOptions } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import { LiveRecheck } from '../../src/domain/live-recheck';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { mulberry32 } from '../../src/domain/sample/prng';
import type { SheetGrid } from '../../src/domain/types';
import type { CheckReport } from '../../src/domain/types';
import { OfficeWorkbookPort } from '../../src/excel/office-port';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { liveFake } from '../../src/excel/testing/live-workbook';
import type { LiveChange } from '../../src/excel/watch';
import { startLiveCheck, type LivePort } from '../../src/excel/watch-session';
import { loadAverage } from '../lib/machine';
import { cpuNow, median } from '../lib/stats';
import { formerRecheck } from './former';

export const ENGINE_TARGET_MS = 20;
export const SYNC_TARGET = 2;

export interface LiveResult {
  zones: number;
  sheets: number;
  edits: number;
  pastes: number;
  api: string;
  /** round trips from the change event to the report, per edit */
  syncs: { min: number; median: number; max: number };
  /** engine CPU ms per edit */
  engine: { median: number; p95: number; max: number; wallMedian: number; wallP95: number };
  /** a full re-check of the workbook (checkWorkbooks), CPU and wall ms medians */
  full: { median: number; wallMedian: number; runs: number };
  /** sheets re-checked per edit (median, max) and edits that fell back to a full check */
  rechecked: { median: number; max: number; fullFallbacks: number; reasons: Record<string, number> };
  verified: number;
  mismatches: number;
  /** starting live mode: round trips, and a structure change (a sheet added) */
  startSyncs: number;
  structureSyncs: number;
  former: { syncs: number; checked: number; differing: number };
  /** where one re-check's time goes (CPU ms medians, measured apart on the engine alone) */
  breakdown: { update: number; firstLook: number; reducedCheck: number; registerPart: number; merge: number };
  load: string;
}

/**
 * The collector, run after the benchmark's own reference work (a full read and check of the
 * workbook), so its garbage is not collected during the next timed edit: the edits then pay only
 * for their own. (--expose-gc set at run time: the bench runs without node flags.)
 */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
}

const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

/** Untimed edits first: the JIT compiles the re-check's code paths. */
const WARM_UP = 10;

export async function liveBench(zones: number, edits: number, formerEdits: number, fullRuns: number): Promise<LiveResult> {
  const gc = collector();
  const opts: CheckOptions = { config: defaultConfig() };
  const fx = liveFake(zones);
  const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported, debounceMs: 0 });
  const load = loadAverage();

  // the session's handling of each change, timed (the fake's read happens before it)
  const handled: { cpu: number; wall: number }[] = [];
  const timed: LivePort = {
    readWorkbook: (o) => port.readWorkbook(o),
    watchEdits: (onChange) =>
      port.watchEdits(async (c: LiveChange) => {
        const c0 = cpuNow();
        const t0 = process.hrtime.bigint();
        await onChange(c);
        handled.push({ cpu: cpuNow() - c0, wall: Number(process.hrtime.bigint() - t0) / 1e6 });
      }),
  };
  let wake: (() => void) | null = null;
  const outcomes: { report: CheckReport; rechecked: string[] | 'all'; fullReason?: string }[] = [];
  const s0 = fx.stats.syncs;
  const stop = await startLiveCheck(timed, {
    file: fx.name,
    check: opts,
    onReport: (report, o) => {
      outcomes.push({ report, rechecked: o.rechecked, fullReason: o.fullReason });
      wake?.();
    },
  });
  const startSyncs = fx.stats.syncs - s0;
  const reportCame = () => new Promise<void>((resolve) => (wake = resolve));

  const fullOf = async (): Promise<string> => {
    const grid = await port.readWorkbook();
    return JSON.stringify(checkWorkbooks([{ file: fx.name, sha256: '', grid, inputError: null }], opts).report);
  };

  const rnd = mulberry32(20260906);
  const pick = (k: number) => Math.floor(rnd() * k);
  const reportSheets = fx.sheets.slice(2, 2 + zones).map((s) => s.name);
  const syncs: number[] = [];
  const fullCpu: number[] = [];
  const fullWall: number[] = [];
  let pastes = 0;
  let verified = 0;
  let mismatches = 0;
  const currentGrid = async () => ({ file: fx.name, sha256: '', grid: await port.readWorkbook(), inputError: null });

  for (let i = -WARM_UP; i < edits; i++) {
    const sheet = reportSheets[pick(reportSheets.length)];
    const row = 4 + pick(23); // the indicator rows
    const paste = rnd() < 0.2;
    const values = paste
      ? Array.from({ length: 3 }, () => [Math.round(rnd() * 90000) / 10, Math.round(rnd() * 90000) / 10])
      : [[Math.round(rnd() * 90000) / 10]];
    if (paste && i >= 0) pastes++;
    const before = fx.stats.syncs;
    const came = reportCame();
    await fx.userEdits(sheet, `${paste ? 'D' : 'E'}${row}`, values);
    await came;
    if (i < 0) {
      if (i === -1) gc();
      continue;
    }
    syncs.push(fx.stats.syncs - before);
    if (i % 10 === 9) {
      verified++;
      if (JSON.stringify(outcomes[outcomes.length - 1].report) !== (await fullOf())) mismatches++;
      gc();
    }
  }
  // the full re-check each edit would otherwise cost, right after the edits (same process, same
  // load). Not interleaved with them: a full check between two edits made the next edit's re-check
  // several times slower (the collector and the JIT catching up on its work), which would charge
  // the bench's own reference work to live mode.
  const fullInput = await currentGrid();
  gc();
  for (let k = 0; k < fullRuns + 1; k++) {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    checkWorkbooks([fullInput], opts);
    if (k === 0) continue; // warm-up
    fullCpu.push(cpuNow() - c0);
    fullWall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const edited = handled.slice(-edits);
  const editOutcomes = outcomes.slice(-edits);
  const recheckedCounts = editOutcomes.map((o) => (o.rechecked === 'all' ? fx.sheets.length : o.rechecked.length));

  // a structure change: a sheet added (read whole again)
  const beforeAdd = fx.stats.syncs;
  const came = reportCame();
  await fx.userAddsSheet('新表', { rows: [['备注']] });
  await came;
  const structureSyncs = fx.stats.syncs - beforeAdd;
  stop();

  // the former live mode, on a fresh copy of the workbook
  const former = await formerBench(zones, formerEdits, opts);
  gc();
  const breakdown = breakdownOf(fullInput, opts, Math.min(edits, 100));

  return {
    zones,
    sheets: fx.sheets.length - 1,
    edits,
    pastes,
    api: fx.api,
    syncs: { min: Math.min(...syncs), median: median(syncs), max: Math.max(...syncs) },
    engine: {
      median: median(edited.map((h) => h.cpu)),
      p95: p95(edited.map((h) => h.cpu)),
      max: Math.max(...edited.map((h) => h.cpu)),
      wallMedian: median(edited.map((h) => h.wall)),
      wallP95: p95(edited.map((h) => h.wall)),
    },
    full: { median: median(fullCpu), wallMedian: median(fullWall), runs: fullCpu.length },
    rechecked: {
      median: median(recheckedCounts),
      max: Math.max(...recheckedCounts),
      fullFallbacks: editOutcomes.filter((o) => o.rechecked === 'all').length,
      reasons: editOutcomes.reduce<Record<string, number>>((m, o) => (o.fullReason ? { ...m, [o.fullReason]: (m[o.fullReason] ?? 0) + 1 } : m), {}),
    },
    verified,
    mismatches,
    startSyncs,
    structureSyncs,
    former,
    breakdown,
    load,
  };
}

/**
 * The parts of one re-check, each timed on its own over the same edits: the first look at the
 * edited sheet (recognition, to tell whether a reduced check is exact), the reduced check
 * (checkWorkbooks over the register sheet and the edited sheet, history cut to its zone), of which
 * the register's part (the same check over the register sheet alone), and the rest of
 * LiveRecheck.update (V-DUP over every report, the report rebuilt and sorted).
 */
function breakdownOf(input: { file: string; sha256: string; grid: { name: string; sheets: SheetGrid[] }; inputError: null }, opts: CheckOptions, edits: number): LiveResult['breakdown'] {
  const live = new LiveRecheck(input, opts);
  const base = checkWorkbooks([input], opts);
  const reg = input.grid.sheets.filter((s) => s.name === '开发区名录');
  const t = { update: [] as number[], firstLook: [] as number[], reducedCheck: [] as number[], registerPart: [] as number[] };
  const cpu = (f: () => unknown) => {
    const c0 = cpuNow();
    f();
    return cpuNow() - c0;
  };
  const reportSheets = input.grid.sheets.filter((s) => base.reports.some((r) => r.report.sheet === s.name));
  for (let i = 0; i < edits + 5; i++) {
    const s = reportSheets[(i * 37) % reportSheets.length];
    const rows = s.rows.map((r) => (r ? [...r] : r));
    (rows[5] ??= [])[4] = { v: 100 + i };
    const g: SheetGrid = { ...s, rows };
    const zone = base.reports.find((r) => r.report.sheet === g.name)?.report.zone?.code;
    const history = base.history.filter((r) => r.zone === zone);
    const parts = [
      cpu(() => live.update([g])),
      cpu(() => recogniseSheet(g, { config: opts.config, register: base.register, fallbackYear: null })),
      cpu(() => checkWorkbooks([{ ...input, grid: { name: input.grid.name, sheets: [...reg, g] } }], { ...opts, history })),
      cpu(() => checkWorkbooks([{ ...input, grid: { name: input.grid.name, sheets: reg } }], { ...opts, history })),
    ];
    if (i < 5) continue; // warm-up
    t.update.push(parts[0]);
    t.firstLook.push(parts[1]);
    t.reducedCheck.push(parts[2]);
    t.registerPart.push(parts[3]);
  }
  const m = { update: median(t.update), firstLook: median(t.firstLook), reducedCheck: median(t.reducedCheck), registerPart: median(t.registerPart) };
  return { ...m, merge: Math.max(0, m.update - m.firstLook - m.reducedCheck) };
}

/** The former live mode: round trips per edit, and how often its report differed from a full check. */
async function formerBench(zones: number, edits: number, opts: CheckOptions): Promise<LiveResult['former']> {
  const fx: FakeExcel = liveFake(zones);
  const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
  const full = async () => checkWorkbooks([{ file: fx.name, sha256: '', grid: await port.readWorkbook(), inputError: null }], opts).report;
  let report = await full();
  const rnd = mulberry32(7);
  let differing = 0;
  let syncs = 0;
  for (let i = 0; i < edits; i++) {
    const s = fx.sheets[2 + Math.floor(rnd() * zones)];
    await fx.userEdits(s.name, `E${4 + Math.floor(rnd() * 23)}`, [[Math.round(rnd() * 90000) / 10]]);
    const before = fx.stats.syncs;
    report = await formerRecheck(fx, port, report, s.id, opts);
    syncs = fx.stats.syncs - before;
    if (JSON.stringify(report) !== JSON.stringify(await full())) differing++;
  }
  return { syncs, checked: edits, differing };
}
