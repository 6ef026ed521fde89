/**
 * Where summarise()'s time goes: a CPU profile (V8's sampling profiler, through node:inspector in
 * this process) of a few runs on the benchmark month, untimed, reduced to the functions with the
 * most self time and the share of the samples spent collecting garbage. Benchmark 3 prints it under
 * its target so a figure missed (or met narrowly) comes with what the remaining cost is made of.
 */
import { Session } from 'node:inspector';
import * as path from 'node:path';

export interface ProfileLine {
  /** function name and file:line (relative to the repository) */
  name: string;
  /** self time in ms, over every profiled run */
  ms: number;
  /** share of the profiled samples */
  share: number;
}

export interface SummaryProfile {
  runs: number;
  /** sampled ms per run */
  msPerRun: number;
  /** share of the samples in the garbage collector */
  gcShare: number;
  /** the functions with the most self time, most first (the garbage collector included) */
  top: ProfileLine[];
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(__dirname, '..', '..');

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))),
  );
}

/**
 * Profile `runs` calls of f (after one warm-up) and keep the `top` functions by self time, counting
 * only the samples under a frame named `root` (the function profiled; not the inspector's own
 * dispatch around it) and the garbage collector's samples between the first and the last of those.
 */
export async function profileRuns(f: () => unknown, root: string, runs: number, top = 10): Promise<SummaryProfile> {
  f();
  const s = new Session();
  s.connect();
  try {
    await post(s, 'Profiler.enable');
    await post(s, 'Profiler.setSamplingInterval', { interval: 250 });
    await post(s, 'Profiler.start');
    for (let i = 0; i < runs; i++) f();
    const { profile } = await post<{ profile: CpuProfile }>(s, 'Profiler.stop');
    return reduce(profile, root, runs, top);
  } finally {
    s.disconnect();
  }
}

function reduce(p: CpuProfile, root: string, runs: number, top: number): SummaryProfile {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const under = new Map<number, boolean>();
  const isUnder = (id: number): boolean => {
    const known = under.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const r = byId.get(id)?.callFrame.functionName === root || (up !== undefined && isUnder(up));
    under.set(id, r);
    return r;
  };
  const inRoot = p.samples.map((id) => isUnder(id));
  const first = inRoot.indexOf(true);
  const last = inRoot.lastIndexOf(true);
  const self = new Map<string, number>();
  let total = 0;
  let gc = 0;
  for (let i = Math.max(first, 0); i <= last; i++) {
    const node = byId.get(p.samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const isGc = functionName === '(garbage collector)';
    if (!inRoot[i] && !isGc) continue;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    if (isGc) gc += dt;
    const file = url.startsWith('file://') ? url.slice(7) : url;
    // Line numbers are the transpiled module's (bench/ts-hook.js), a few lines off the source: only
    // an anonymous function is told apart by one.
    const where = file ? ` (${path.relative(ROOT, file)}${functionName ? '' : `, compiled line ${lineNumber + 1}`})` : '';
    const key = `${functionName || 'anonymous function'}${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return { runs, msPerRun: total / 1000 / runs, gcShare: total > 0 ? gc / total : 0, top: lines };
}
