/**
 * The pane's engine thread: the check and the summary (engine-work.ts) run in a Web Worker
 * (engine-worker.ts, its own chunk, started on the first check), so the page's main thread stays free
 * for input and painting however many workbooks are checked. The inputs go over one message each,
 * the outcome comes back as plain data. Cancelling ends the worker (the next check starts a fresh
 * one); a worker that dies during a check (out of memory) refuses the check with a bilingual message.
 * Where the browser has no Worker, or the worker cannot start (a chunk the browser could not load),
 * the same code runs on the page, giving the event loop a turn about every frame.
 */
import type { CheckInput } from '../../domain/check';
import { PortError } from '../../domain/port';
import { errorFromData, type EngineAnswer, type EngineJob, type EngineOutcome, type EngineRequest } from './engine-protocol';
import { Serial } from '../../xlsx/open/hand-over';
import { sliceSheets } from './grid-slices';
import { WorkerSlot } from './worker-slot';

export interface EngineRun {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

/** A turn for the event loop at most every ~12 ms of work (about a frame), so input is handled. */
export function framePause(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 12) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}

/** On the page: the same job, the abort honoured between its progress steps. */
async function runOnPage(inputs: CheckInput[], job: EngineJob, run: EngineRun): Promise<EngineOutcome> {
  const { runEngineJob } = await import('./engine-work');
  const onProgress = (f: number) => {
    if (run.signal?.aborted) throw abortError();
    run.onProgress?.(f);
  };
  if (run.signal?.aborted) throw abortError();
  return runEngineJob(inputs, job, framePause(), onProgress);
}

class EngineThread {
  private readonly slot = new WorkerSlot(async () => (await import('./start-engine-worker')).startEngineWorker());
  private nextJob = 1;
  private readonly serial = new Serial();
  /** where the last job ran, for the benchmark and the tests */
  where: 'worker' | 'page' | null = null;

  run(inputs: CheckInput[], job: EngineJob, run: EngineRun): Promise<EngineOutcome> {
    return this.serial.run(() => this.runNow(inputs, job, run));
  }

  private async runNow(inputs: CheckInput[], job: EngineJob, run: EngineRun): Promise<EngineOutcome> {
    if (run.signal?.aborted) throw abortError();
    const w = await this.slot.get();
    if (!w) {
      this.where = 'page';
      return runOnPage(inputs, job, run);
    }
    this.where = 'worker';
    if (run.signal?.aborted) throw abortError();
    const id = this.nextJob++;
    let over = false;
    const outcome = new Promise<EngineOutcome>((resolve, reject) => {
      const { signal } = run;
      const finish = (fn: () => void, drop: boolean) => {
        over = true;
        signal?.removeEventListener('abort', onAbort);
        w.onmessage = null;
        w.onerror = null;
        if (drop) this.slot.drop();
        fn();
      };
      const onAbort = () => finish(() => reject(abortError()), true);
      signal?.addEventListener('abort', onAbort);
      w.onmessage = (e: MessageEvent<EngineAnswer>) => {
        const a = e.data;
        if (!('job' in a) || a.job !== id) return;
        if ('progress' in a) run.onProgress?.(a.progress);
        else if ('outcome' in a) finish(() => resolve(a.outcome), false);
        else finish(() => reject(errorFromData(a.error)), false);
      };
      // a worker that dies during a check has almost always run out of memory
      w.onerror = () =>
        finish(
          () =>
            reject(
              new PortError(
                'E_ENGINE_LOST',
                '检查未能完成:检查线程意外停止(多半是内存不足)。请分批打开文件后重试。',
                'The check could not finish: its thread stopped unexpectedly (most likely out of memory). Open the files in smaller batches and try again.',
              ),
            ),
          true,
        );
    });
    // Each input goes as its sheets' heads, then their rows in slices, with a turn for the page
    // about every frame: copying a hundred workbooks' cells is never one long task.
    const send = (req: EngineRequest) => w.postMessage(req);
    // the task that asked (a click, with React's render of it) ends before the copying starts
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const pause = framePause();
    for (const input of inputs) {
      if (over) break;
      if (!input.grid) {
        send({ type: 'input', job: id, input });
        continue;
      }
      const { heads, slices } = sliceSheets(input.grid.sheets);
      send({ type: 'input', job: id, input: { ...input, grid: { ...input.grid, sheets: heads } } });
      for (const slice of slices) {
        await pause();
        if (over) break;
        send({ type: 'rows', job: id, slice });
      }
    }
    if (!over) send({ type: 'run', job: id, spec: job });
    return outcome;
  }
}

let thread: EngineThread | null = null;

/** Runs the check (and the summary) of `inputs` in the engine thread, or on the page where there is none. */
export function runEngine(inputs: CheckInput[], job: EngineJob, run: EngineRun = {}): Promise<EngineOutcome> {
  thread ??= new EngineThread();
  return thread.run(inputs, job, run);
}

/** Where the last check ran ('worker' or 'page'; null before the first). */
export function engineWhere(): 'worker' | 'page' | null {
  return thread?.where ?? null;
}
