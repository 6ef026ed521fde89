/**
 * The engine's heavy work as the pane asks for it — the check of the opened workbooks and, for a
 * summary, summarise() over its result — in one function run either in the pane's engine thread (a
 * Web Worker: engine-worker.ts) or, where there is none, on the page (engine-thread.ts). Same code
 * both ways; what it hands back is plain data (structured-cloneable: no register with its resolve()
 * function, no recognised reports), so it crosses to the page unchanged. Also the engine thread's
 * side of the messages (engine-protocol.ts), so a test can drive it without a browser.
 */
import { checkWorkbooksAsync, type CheckInput } from '../../domain/check';
import { summarise } from '../../domain/summary/summarise';
import { joinSlice } from './grid-slices';
import { errorData, type EngineAnswer, type EngineJob, type EngineOutcome, type EngineRequest } from './engine-protocol';

/** The check (and the summary) of `inputs`; `pause` gives the caller's event loop a turn between steps. */
export async function runEngineJob(inputs: CheckInput[], job: EngineJob, pause: () => Promise<void>, onProgress: (f: number) => void): Promise<EngineOutcome> {
  const result = await checkWorkbooksAsync(inputs, { config: job.config, history: job.history, onProgress }, pause);
  const summary = job.summary
    ? summarise({ report: result.report, register: result.register, history: job.summary.history ?? result.history, config: job.config, include: job.summary.include })
    : null;
  return { report: result.report, history: result.history, summary };
}

/** Progress is sent when it moved by this much (a hundred-file check makes thousands of steps). */
const PROGRESS_STEP = 0.005;

/**
 * The engine thread's side of the protocol: inputs arrive one message each, their rows in slices
 * after them (so no single message is large to copy), then `run` starts the job; progress, then the outcome or the error, go back.
 */
export function engineHandler(post: (a: EngineAnswer) => void): (req: EngineRequest) => void {
  const pending = new Map<number, CheckInput[]>();
  return (req) => {
    if (req.type === 'input') {
      const list = pending.get(req.job);
      if (list) list.push(req.input);
      else pending.set(req.job, [req.input]);
      return;
    }
    if (req.type === 'rows') {
      const grid = pending.get(req.job)?.at(-1)?.grid;
      if (grid) joinSlice(grid.sheets, req.slice);
      return;
    }
    const inputs = pending.get(req.job) ?? [];
    pending.delete(req.job);
    let sent = -1;
    const onProgress = (f: number) => {
      if (f - sent < PROGRESS_STEP && f < 1) return;
      sent = f;
      post({ job: req.job, progress: f });
    };
    // no one to give a turn to in the thread: the page ends it to cancel
    runEngineJob(inputs, req.spec, async () => undefined, onProgress).then(
      (outcome) => post({ job: req.job, outcome }),
      (e: unknown) => post({ job: req.job, error: errorData(e) }),
    );
  };
}
