/**
 * @jest-environment node
 *
 * The pane's engine thread, over a stand-in for the browser's Worker that runs the real engine
 * thread code (engineHandler, as engine-worker.ts wires it) with every message copied by
 * structuredClone, delivered asynchronously, as the browser does: the check and the summary come
 * back identical, byte for byte as JSON, to the engine run directly (checkWorkbooks + summarise) on
 * generated months; cancelling ends the thread and the next check starts a fresh one; a thread that
 * dies refuses the check in both languages; a thread that cannot start leaves the check to the page,
 * with the same result. (The real Web Worker in Chromium: bench/pane/longtask.ts, test/e2e.)
 */
import fc from 'fast-check';
import { checkWorkbooks, type CheckInput } from '../../domain/check';
import { defaultConfig } from '../../domain/config/validate';
import { PortError } from '../../domain/port';
import { historySheet } from '../../domain/recognise/history-sheet';
import { clerkMistakes, outSheetToGrid, registerSheet, reportSheet, sampleHistory, sampleMonth, sampleRegister } from '../../domain/sample';
import { summarise } from '../../domain/summary';
import { errorData, errorFromData, type EngineAnswer, type EngineRequest } from './engine-protocol';
import { engineHandler } from './engine-work';

type Behaviour = 'works' | 'dies' | 'never-starts' | 'slow';

const plan: Behaviour[] = [];
const started: FakeWorker[] = [];

class FakeWorker {
  onmessage: ((e: { data: EngineAnswer }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  terminated = false;
  readonly behaviour: Behaviour;
  private readonly handle: (req: EngineRequest) => void;

  constructor() {
    this.behaviour = plan.shift() ?? 'works';
    started.push(this);
    this.handle = engineHandler((a) => {
      const copy = structuredClone(a);
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy });
      }, this.behaviour === 'slow' ? 50 : 0);
    });
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'never-starts') this.onerror?.({ message: 'chunk failed to load' });
      else this.onmessage?.({ data: { ready: true } });
    }, 0);
  }

  postMessage(req: EngineRequest): void {
    const copy = structuredClone(req);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'dies' && copy.type === 'run') this.onerror?.({ message: 'out of memory' });
      else this.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

jest.mock('./start-engine-worker', () => ({ startEngineWorker: () => new FakeWorker() }));

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});
beforeEach(() => {
  plan.length = 0;
  started.length = 0;
});

async function load(): Promise<typeof import('./engine-thread')> {
  let mod: typeof import('./engine-thread') | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<typeof import('./engine-thread')>('./engine-thread');
  });
  if (!mod) throw new Error('not loaded');
  return mod;
}

const PERIOD = { year: 2026, month: 9 };

/** A bureau's month: the register, 历史数据, and one workbook per zone (one typed with the usual mistakes). */
function month(n: number, mistakes: number): CheckInput[] {
  const zones = sampleRegister(n);
  const grid = (name: string, sheet: ReturnType<typeof registerSheet>): CheckInput => ({
    file: name,
    sha256: name,
    grid: { name, sheets: [outSheetToGrid(sheet)] },
    inputError: null,
  });
  const history = sampleHistory(zones, [{ year: 2025, month: 9 }, { year: 2026, month: 6 }, { year: 2026, month: 8 }]);
  return [
    grid('开发区名录.xlsx', registerSheet(zones)),
    grid('历史数据.xlsx', historySheet(history)),
    ...sampleMonth(zones, PERIOD).map((zm, i) =>
      grid(`${zm.zone.code}.xlsx`, reportSheet(zm.zone, PERIOD, zm.values, i === mistakes % n ? { overrides: clerkMistakes(zm.values) } : {})),
    ),
    { file: 'broken.xlsx', sha256: '', grid: null, inputError: { code: 'E_CORRUPT', message: { zh: '工作簿无法读取。', en: 'The workbook could not be read.' } } },
  ];
}

function direct(inputs: CheckInput[], include: string[]) {
  const config = defaultConfig();
  const r = checkWorkbooks(inputs, { config });
  return { report: r.report, history: r.history, summary: summarise({ report: r.report, register: r.register, history: r.history, config, include }) };
}

it('gives the check and the summary of generated months exactly as the engine run directly', async () => {
  const { runEngine, engineWhere } = await load();
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.nat(20), fc.boolean(), async (n, mistakes, includeAll) => {
      const inputs = month(n, mistakes);
      const include = includeAll ? sampleRegister(n).map((z) => z.code) : [];
      const want = direct(inputs, include);
      const progress: number[] = [];
      const got = await runEngine(inputs, { config: defaultConfig(), summary: { include, history: null } }, { onProgress: (f) => progress.push(f) });
      expect(engineWhere()).toBe('worker');
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toBe(1);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }),
    { numRuns: 12 },
  );
  // one thread for every check
  expect(started).toHaveLength(1);
});

it('checks without a summary when none is asked for', async () => {
  const { runEngine } = await load();
  const inputs = month(3, 1);
  const got = await runEngine(inputs, { config: defaultConfig() });
  expect(got.summary).toBeNull();
  expect(JSON.stringify(got.report)).toBe(JSON.stringify(direct(inputs, []).report));
});

it('cancelling ends the thread; the next check runs in a fresh one', async () => {
  plan.push('slow', 'works');
  const { runEngine } = await load();
  const ctrl = new AbortController();
  // cancelled at the first progress the thread sends
  const first = runEngine(month(4, 0), { config: defaultConfig() }, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
  await expect(first).rejects.toMatchObject({ name: 'AbortError' });
  expect(started[0].terminated).toBe(true);
  const second = await runEngine(month(2, 0), { config: defaultConfig() });
  expect(second.report.files.length).toBeGreaterThan(0);
  expect(started).toHaveLength(2);
});

it('refuses the check in both languages when the thread dies during it', async () => {
  plan.push('dies');
  const { runEngine } = await load();
  const e = await runEngine(month(2, 0), { config: defaultConfig() }).catch((x: unknown) => x);
  // (the module was loaded apart: its PortError is another class object, so compared by name)
  expect(e).toMatchObject({ name: 'PortError', code: 'E_ENGINE_LOST', zh: expect.stringContaining('内存'), en: expect.stringContaining('memory') });
  expect(started[0].terminated).toBe(true);
});

it('checks on the page, with the same result, when the thread cannot start', async () => {
  plan.push('never-starts');
  const { runEngine, engineWhere } = await load();
  const inputs = month(5, 2);
  const got = await runEngine(inputs, { config: defaultConfig(), summary: { include: [], history: null } });
  expect(engineWhere()).toBe('page');
  expect(JSON.stringify(got)).toBe(JSON.stringify(direct(inputs, [])));
  // and stays on the page: no second attempt per check
  await runEngine(month(1, 0), { config: defaultConfig() });
  expect(started).toHaveLength(1);
});

it('checks on the page where the browser has no Worker', async () => {
  const saved = (globalThis as { Worker?: unknown }).Worker;
  delete (globalThis as { Worker?: unknown }).Worker;
  try {
    const { runEngine, engineWhere } = await load();
    const inputs = month(3, 0);
    const got = await runEngine(inputs, { config: defaultConfig() });
    expect(engineWhere()).toBe('page');
    expect(JSON.stringify(got.report)).toBe(JSON.stringify(direct(inputs, []).report));
    expect(started).toHaveLength(0);
  } finally {
    (globalThis as { Worker?: unknown }).Worker = saved;
  }
});

it('an engine error crosses with its code and both texts', () => {
  const back = errorFromData(structuredClone(errorData(new PortError('E_X', '中文', 'English'))));
  expect(back).toBeInstanceOf(PortError);
  expect(back).toMatchObject({ code: 'E_X', zh: '中文', en: 'English' });
  const plain = errorFromData(structuredClone(errorData(new RangeError('bad'))));
  expect(plain).toMatchObject({ name: 'RangeError', message: 'bad' });
});
