/**
 * @jest-environment node
 *
 * The pane's reader thread, over a stand-in for the browser's Worker that behaves as a dedicated
 * worker does (messages delivered asynchronously, `error` for a script that fails or dies, nothing
 * more after terminate()): a file is read there and its result handed over; a file that outlasts the
 * time limit is refused with E_TIMEOUT and the thread replaced; a thread that dies while reading
 * refuses the file as too large; a thread that cannot start leaves the files to be read on the page.
 * (The real Web Worker in Chromium: test/e2e/formats.test.ts.)
 */
import type { ReadResult } from '../../xlsx/open/read-workbook';

type Behaviour = 'answers' | 'silent' | 'dies' | 'never-starts';

/** What each started worker does, in order of starting; and every worker started. */
const plan: Behaviour[] = [];
const started: FakeWorker[] = [];

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  terminated = false;
  readonly behaviour: Behaviour;

  constructor() {
    this.behaviour = plan.shift() ?? 'answers';
    started.push(this);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'never-starts') this.onerror?.({ message: 'chunk failed to load' });
      else this.onmessage?.({ data: { ready: true } });
    }, 0);
  }

  postMessage(msg: { id: number; bytes: Uint8Array; name: string }): void {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'dies') this.onerror?.({ message: 'out of memory' });
      else if (this.behaviour === 'answers') {
        const result: ReadResult = { ok: true, format: 'csv', sheets: [{ name: msg.name, rows: [[{ v: msg.bytes.length }]], merges: [] }], pkg: null, note: null };
        this.onmessage?.({ data: { id: msg.id, result } });
      }
      // 'silent': a parse that never ends
    }, 5);
  }

  terminate(): void {
    this.terminated = true;
  }
}

jest.mock('./start-read-worker', () => ({ startReadWorker: () => new FakeWorker() }));

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

async function load(): Promise<typeof import('./reader-thread')> {
  let mod: typeof import('./reader-thread') | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<typeof import('./reader-thread')>('./reader-thread');
  });
  if (!mod) throw new Error('not loaded');
  return mod;
}

const csv = new TextEncoder().encode('指标名称,本月\n规模以上工业总产值,45210\n');

beforeEach(() => {
  plan.length = 0;
  started.length = 0;
});

it('reads a file in the reader thread and hands the result over', async () => {
  const { readWorkbookFile } = await load();
  const r = await readWorkbookFile(csv, 'a.csv');
  expect(r).toMatchObject({ ok: true, sheets: [{ name: 'a.csv', rows: [[{ v: csv.length }]] }] });
  expect(started).toHaveLength(1);
});

it('refuses a file that outlasts the time limit, ends that thread and reads the next file in a fresh one', async () => {
  jest.useFakeTimers();
  try {
    plan.push('silent', 'answers');
    const { readWorkbookFile, READ_TIME_LIMIT_MS } = await load();
    const first = readWorkbookFile(csv, 'slow.csv');
    await jest.advanceTimersByTimeAsync(READ_TIME_LIMIT_MS + 1);
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'E_TIMEOUT' } });
    expect(started[0].terminated).toBe(true);
    const second = readWorkbookFile(csv, 'b.csv');
    await jest.advanceTimersByTimeAsync(50);
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(started).toHaveLength(2);
  } finally {
    jest.useRealTimers();
  }
});

it('refuses a file whose reading killed the thread as too large', async () => {
  plan.push('dies');
  const { readWorkbookFile } = await load();
  await expect(readWorkbookFile(csv, 'huge.csv')).resolves.toMatchObject({ ok: false, error: { code: 'E_TOO_LARGE' } });
  expect(started[0].terminated).toBe(true);
});

it('reads on the page when the thread cannot start', async () => {
  plan.push('never-starts');
  const { readWorkbookFile } = await load();
  const r = await readWorkbookFile(csv, 'a.csv');
  // read by the real reader on the page: the CSV's cells, typed
  expect(r).toMatchObject({ ok: true, format: 'csv', sheets: [{ name: 'a', rows: [[{ v: '指标名称' }, { v: '本月' }], [{ v: '规模以上工业总产值' }, { v: 45210 }]] }] });
  expect(started).toHaveLength(1);
});
