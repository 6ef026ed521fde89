/**
 * Live mode from start to stop: the workbook read and checked whole once, then kept checked as the
 * clerk edits it. Each burst of edits costs one round trip (the edited sheets read by id,
 * watch-read.ts) and a re-check of only the sheets it can affect (LiveRecheck, src/domain); the
 * report handed on equals a full check of the workbook as it now is. Sheets added, deleted, renamed
 * or moved (or a read that failed) cost a full read (readWorkbook's 3 round trips) and a full check.
 * Edits are handled one burst at a time (watch.ts), so a re-check never races another.
 */
import type { CheckOptions } from '../domain/check';
import { LiveRecheck, type RecheckOutcome } from '../domain/live-recheck';
import type { ReadOptions } from '../domain/port';
import type { CheckReport, WorkbookGrid } from '../domain/types';
import type { LiveChange } from './watch';

/** What live mode needs of the Office port. */
export interface LivePort {
  readWorkbook(opts?: ReadOptions): Promise<WorkbookGrid>;
  watchEdits(onChange: (change: LiveChange) => Promise<void>): Promise<() => void>;
}

export interface LiveOptions {
  /** the workbook's name, as the check report names its file */
  file: string;
  check: CheckOptions;
  /** the report after the first full check and after every change */
  onReport: (report: CheckReport, outcome: Omit<RecheckOutcome, 'report'>) => void;
  /** a change that could not be handled (the next change reads the workbook whole again) */
  onError?: (e: unknown) => void;
}

/** Starts live checking; resolves (after the first full check) to the function that stops it. */
export async function startLiveCheck(port: LivePort, opts: LiveOptions): Promise<() => void> {
  let live: LiveRecheck | null = null;
  const tell = (out: RecheckOutcome) => {
    const { report, ...rest } = out;
    opts.onReport(report, rest);
  };
  const readAll = async (): Promise<RecheckOutcome> => {
    const grid = await port.readWorkbook();
    if (!live) {
      live = new LiveRecheck({ file: opts.file, sha256: '', grid, inputError: null }, opts.check);
      return { report: live.report, rechecked: 'all' };
    }
    return live.replaceAll(grid);
  };
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const onChange = async (change: LiveChange): Promise<void> => {
    await started;
    try {
      if (!live) return;
      if (change.kind === 'structure') return tell(await readAll());
      const out = live.update(change.sheets);
      // a sheet this session does not hold: added or renamed (before ExcelApi 1.17 no event says so)
      tell(out.fullReason === 'structure' ? await readAll() : out);
    } catch (e) {
      opts.onError?.(e);
      throw e; // the watcher reads the workbook whole at the next chance
    }
  };
  // watch first, so no edit made during the first read is missed (it is handled right after)
  const stop = await port.watchEdits(onChange);
  try {
    tell(await readAll());
  } catch (e) {
    stop();
    throw e;
  } finally {
    ready();
  }
  return stop;
}
