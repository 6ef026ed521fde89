/**
 * The standalone check of many zone workbooks in Chromium, watched for long main-thread tasks:
 * a PerformanceObserver('longtask') (every task above 50 ms, with its start and length) and a probe
 * that posts itself a message again and again and keeps the longest gap between two turns (what the
 * longtask API cannot say under 50 ms). Both are installed before the page's own scripts run; their
 * records are cleared once the pane is interactive, so only the files' opening, the check and the
 * rendering of its result count. The phases are stamped (performance.now) to say where a long task fell.
 * Both are wall time: on a machine busy with other work a task is stretched by the time the page's
 * thread waits for a core. So the same window is also traced (Chrome's RunTask events of the
 * renderer's main thread), which gives each task's wall time and its thread CPU time: the longest
 * task by CPU is what the page itself does, whatever else runs on the machine.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, routeOfficeJs, serveDist } from '../../test/e2e/harness';

export interface LongTaskRun {
  /** the longest task the longtask API reported, 0 when none was above 50 ms */
  longestTaskMs: number;
  /** every task above 50 ms: start (ms after the files were handed over), length, phase */
  longTasks: { at: number; ms: number; phase: string }[];
  /** the longest gap between two turns of the message-loop probe (≈ the longest task, any length) */
  longestGapMs: number;
  /** ms after the files were handed over: the opened list shown, the check clicked, the counts shown */
  openedMs: number;
  checkMs: number;
  counts: string;
  /** where the check ran: 'worker' when the page started the engine thread's Web Worker */
  engine: 'worker' | 'page';
  /** from the trace: the renderer main thread's longest task, wall and thread CPU time (ms), and how many tasks */
  trace: { longestWallMs: number; longestCpuMs: number; tasks: number; over50Cpu: number } | null;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string } };
}

/** Starts a trace of the page's tasks; the returned function ends it and gives its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // (playwright types the events as string maps; they are Chrome's trace events)
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,devtools.timeline,toplevel,__metadata', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** The renderer main thread's tasks (the CrRendererMain thread that ran the most), wall and CPU, in ms. */
export function mainThreadTasks(events: TraceEvent[], windowMs?: number): { wall: number; cpu: number }[] {
  // Only the measured window: it ends at the page's console.timeStamp mark two frames after the
  // counts and starts windowMs (performance.now() from the files handed over to that mark) before
  // it, counting the tasks that start in it; the trace also holds the pane's own tasks before the
  // files were given (seen: a 1.2 s task ending as the files were handed over), not the check's. (A mark at the start is not always in the trace.)
  const to = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'zr:done')?.ts;
  const from = to !== undefined && windowMs !== undefined ? to - windowMs * 1000 : undefined;
  const inWindow = (e: TraceEvent) => from === undefined || to === undefined || e.ts === undefined || (e.ts >= from && e.ts <= to);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, { wall: number; cpu: number }[]>();
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || !inWindow(e)) continue;
    const list = byThread.get(key) ?? [];
    list.push({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
    byThread.set(key, list);
  }
  const busiest = [...byThread.values()].sort((a, b) => b.reduce((s, t) => s + t.cpu, 0) - a.reduce((s, t) => s + t.cpu, 0))[0];
  return busiest ?? [];
}

export interface LongTaskResult {
  files: number;
  runs: LongTaskRun[];
}

interface Probe {
  tasks: { start: number; duration: number }[];
  gaps: { at: number; gap: number }[];
  reset(): void;
}

/** Installed before any script of the page: the observer and the message-loop probe. */
function installProbe(): void {
  const w = window as unknown as { __zrProbe: Probe };
  const probe: Probe = {
    tasks: [],
    gaps: [],
    reset() {
      probe.tasks.length = 0;
      probe.gaps.length = 0;
    },
  };
  w.__zrProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const ch = new MessageChannel();
  let last = performance.now();
  ch.port1.onmessage = () => {
    const now = performance.now();
    const gap = now - last;
    if (gap > 16) probe.gaps.push({ at: last, gap });
    last = now;
    // a timer, not a message straight away: a message loop would starve rendering and input
    setTimeout(() => ch.port2.postMessage(0), 0);
  };
  ch.port2.postMessage(0);
}

async function oneRun(page: Page, url: string, files: string[]): Promise<LongTaskRun> {
  await page.addInitScript(installProbe);
  await routeOfficeJs(page, 'local');
  await page.goto(url);
  await page.getByRole('button', { name: '检查整个工作簿' }).waitFor({ timeout: 60_000 });
  // settle: the pane's start is not what is measured here
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  const endTrace = await startTrace(cdp);
  const t0 = await page.evaluate(() => {
    (window as unknown as { __zrProbe: Probe }).__zrProbe.reset();
    return performance.now();
  });
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('opened-list').waitFor({ timeout: 300_000 });
  const opened = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '检查整个工作簿' }).click();
  const clicked = await page.evaluate(() => performance.now());
  await page.getByTestId('counts').waitFor({ timeout: 300_000 });
  // two frames after the counts: the findings' render is part of the check
  const done = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => {
    console.timeStamp('zr:done');
    r(performance.now());
  }))));
  const probe = await page.evaluate(() => {
    const p = (window as unknown as { __zrProbe: Probe }).__zrProbe;
    return { tasks: [...p.tasks], gaps: [...p.gaps] };
  });
  const traced = mainThreadTasks(await endTrace(), done - t0);
  await cdp.detach();
  const counts = (await page.getByTestId('counts').textContent()) ?? '';
  const engine = page.workers().some((w) => /engine-worker\.[0-9a-f]+\.chunk\.js$/.test(w.url())) ? 'worker' : 'page';
  const phase = (at: number) => (at < opened ? 'opening the files' : at < clicked ? 'between' : at <= done ? 'check and its rendering' : 'after');
  const tasks = probe.tasks.filter((t) => t.start >= t0);
  const gaps = probe.gaps.filter((g) => g.at >= t0 && g.at <= done);
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.map((t) => ({ at: Math.round(t.start - t0), ms: Math.round(t.duration), phase: phase(t.start) })),
    longestGapMs: Math.max(0, ...gaps.map((g) => g.gap)),
    openedMs: opened - t0,
    checkMs: done - clicked,
    counts,
    engine,
    trace:
      traced.length === 0
        ? null
        : {
            longestWallMs: Math.max(...traced.map((t) => t.wall)),
            longestCpuMs: Math.max(...traced.map((t) => t.cpu)),
            tasks: traced.length,
            over50Cpu: traced.filter((t) => t.cpu > 50).length,
          },
  };
}

/** `reps` runs on fresh pages of one browser (the first warms the lazily loaded chunks' cache). */
export async function longTaskBench(files: string[], reps: number): Promise<LongTaskResult> {
  const served = await serveDist();
  const browser = await launchBrowser();
  try {
    const runs: LongTaskRun[] = [];
    for (let i = 0; i < reps; i++) {
      const page = await browser.context.newPage();
      runs.push(await oneRun(page, served.url, files));
      await page.close();
    }
    return { files: files.length, runs };
  } finally {
    await browser.close();
    await served.close();
  }
}
