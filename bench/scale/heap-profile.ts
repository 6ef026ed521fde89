/**
 * Where one run's memory goes, by allocation site (not part of `npm run bench`; a tool for reading
 * section 1's memory figures):
 *
 *   node --expose-gc bench/run.js child scale/heap-profile 1000 [promoted|live|all] [checkonly]
 *
 * Generates the month, then samples the allocations of one check + summary + output sheets with
 * V8's sampling heap profiler (inspector HeapProfiler.startSampling): `promoted` (the default) keeps
 * the objects a full collection freed and drops those a scavenge freed, which is what fills the old
 * generation (and so the peak RSS); `live` only what is still reachable at the end (the results);
 * `all` every allocation. Prints MB per site, a builtin (Map.set, String) under its caller, and
 * writes the profile to heap.heapprofile in the working directory (DevTools can open it).
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { checkWorkbooks } from '../../src/domain/check';
import { summarise, summarySheets } from '../../src/domain/summary';
import { monthData } from '../lib/month-data';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export async function childMain(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1000);
  const mode = args[1] ?? 'promoted';
  const d = monthData(n);
  global.gc?.();
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: mode !== 'live',
    includeObjectsCollectedByMinorGC: mode === 'all',
  });
  const c = checkWorkbooks(d.inputs, { config: d.config, registerZones: d.zones, history: d.history });
  if (!args.includes('checkonly')) {
    const s = summarise({ report: c.report, register: c.register, history: c.history, config: d.config });
    summarySheets(s, d.config, 'zh');
  }
  const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
  writeFileSync('heap.heapprofile', JSON.stringify(profile));
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, caller: string | null): void => {
    const cf = node.callFrame;
    const own = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*?\/(src|bench)\//, '$1/')}:${cf.lineNumber + 1}`;
    const key = cf.url === '' && caller !== null ? `${cf.functionName} < ${caller}` : own;
    total += node.selfSize;
    bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, own);
  };
  walk(profile.head, null);
  const mb = (x: number): string => (x / 1048576).toFixed(1).padStart(7);
  process.stdout.write(`${mode}: ${mb(total)} MB, ${(total / n / 1024).toFixed(1)} KB per zone\n`);
  for (const [site, size] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stdout.write(`${mb(size)} ${site}\n`);
}
