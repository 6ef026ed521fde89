/**
 * Timing helpers for the benchmarks: run once to warm up (JIT, module loading, caches), then repeat
 * and keep the median, which one slow run on a shared, loaded machine does not move. Every run is
 * timed twice: wall time (what a user waits) and this process's CPU time (user + system, GC threads
 * included). On a shared 2-core machine at load 8–10 wall time mostly measures the queue for a core;
 * CPU time barely moves with the load, so ratios and growth exponents are taken from it.
 */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Timed {
  /** median wall time in ms */
  ms: number;
  /** median CPU time (user + system) in ms */
  cpu: number;
  /** every measured run's wall time in ms (warm-up excluded) */
  runs: number[];
}

/** CPU ms of this process so far. */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Run f once, measuring wall and CPU ms. */
export async function measure(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c0 = cpuNow();
  const t0 = process.hrtime.bigint();
  await f();
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: cpuNow() - c0 };
}

/** Warm up `warmup` times, then time `reps` runs of f (awaited). */
export async function timeIt(f: () => unknown, reps: number, warmup = 1): Promise<Timed> {
  for (let i = 0; i < warmup; i++) await f();
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const m = await measure(f);
    runs.push(m.wall);
    cpu.push(m.cpu);
  }
  return { ms: median(runs), cpu: median(cpu), runs };
}

/**
 * Time two competitors alternately (a, b, a, b…) after warming both, so slow phases of a shared
 * machine hit both alike and their ratio is measured in the same conditions.
 */
export async function timePair(a: () => unknown, b: () => unknown, reps: number): Promise<{ a: Timed; b: Timed }> {
  await a();
  await b();
  const ra: number[] = [];
  const rb: number[] = [];
  const ca: number[] = [];
  const cb: number[] = [];
  for (let i = 0; i < reps; i++) {
    for (const [f, wall, cpu] of [[a, ra, ca], [b, rb, cb]] as const) {
      const m = await measure(f);
      wall.push(m.wall);
      cpu.push(m.cpu);
    }
  }
  return { a: { ms: median(ra), cpu: median(ca), runs: ra }, b: { ms: median(rb), cpu: median(cb), runs: rb } };
}

export const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtX = (r: number): string => `${r.toFixed(2)}×`;
export const fmtMB = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
export const fmtKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
