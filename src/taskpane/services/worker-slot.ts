/**
 * One Web Worker of the pane, started on first use: its chunk is loaded by `startWorker`, and it is
 * ready once its code says `{ ready: true }`. Where no worker can start (no Worker in this browser,
 * a chunk the browser could not load) `get` answers null from then on, and the caller does the work
 * on the page. Both of the pane's threads (the reader thread, the engine thread) hold one.
 */
export class WorkerSlot {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  /** the worker could not start here: the caller works on the page */
  private unavailable = typeof Worker !== 'function';

  constructor(private readonly startWorker: () => Promise<Worker>) {}

  /** The started worker, or null where none can start here. */
  async get(): Promise<Worker | null> {
    if (this.unavailable) return null;
    this.ready ??= this.start().catch(() => false);
    if (!(await this.ready)) {
      this.unavailable = true;
      this.drop();
      return null;
    }
    return this.worker;
  }

  /** Ends the worker; the next `get` starts a fresh one. */
  drop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private async start(): Promise<boolean> {
    const w = await this.startWorker();
    this.worker = w;
    return new Promise<boolean>((resolve) => {
      w.onmessage = (e: MessageEvent<unknown>) => {
        if (typeof e.data === 'object' && e.data !== null && 'ready' in e.data) resolve(true);
      };
      w.onerror = () => resolve(false);
    });
  }
}
