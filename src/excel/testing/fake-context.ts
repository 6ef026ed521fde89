/**
 * The fake request context: queues operations and loads, and at `sync()` counts the round trip,
 * measures the request (operations + loaded payload, UTF-8 JSON bytes), refuses it above the 5 MB
 * limit, and applies the queue in order (a failure stops the batch; earlier operations stay applied).
 * A sync the fake was told to hang (FakeExcel.hangSync) never settles and applies nothing, as
 * Excel on the web has been seen to do (office-js #6678).
 */
import type { XlContext } from '../api';
import type { FakeExcel } from './fake-excel';
import { FakeWorkbook } from './fake-objects';
import { bytes, FakeOfficeError } from './fake-state';

export interface Op {
  /** serialised size of the operation in the request */
  size: number;
  /** a load: returns the payload (measured into the response) */
  load?: () => unknown;
  /** a write */
  apply?: () => void;
}

export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** A write operation named `name` with arguments `args` (measured as JSON). */
  write(name: string, args: unknown, apply: () => void): void {
    this.enqueue({ size: bytes({ o: name, a: args }), apply });
  }

  /**
   * Queues a call that needs ExcelApi `version`: on an older host it fails at sync with ApiNotFound,
   * as Excel answers a request for an API it does not have.
   */
  requireApi(version: string, what: string): void {
    if (this.fake.isSetSupported('ExcelApi', version)) return;
    this.write(`api:${what}`, [], () => {
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host has ExcelApi ${this.fake.api}.`);
    });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    if (this.fake.beginSync() === 'hang') return new Promise<void>(() => undefined);
    // Phase 1: measure. Loads not preceded by a write are evaluated once and their payload reused.
    let total = 0;
    let sawWrite = false;
    const cached = new Map<Op, unknown>();
    for (const op of ops) {
      total += op.size;
      if (op.load && !sawWrite) {
        const payload = op.load();
        total += bytes(payload);
        cached.set(op, payload);
      } else if (op.load) {
        // A load after a write in the same batch may depend on it (the id of a format just added):
        // it is measured when it runs below. The port only queues small loads after writes.
      } else sawWrite = true;
    }
    this.fake.stats.requestBytes.push(total);
    if (total > this.fake.maxRequestBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${total} bytes).`);
    }
    // Phase 2: apply in order; a failure stops the batch with earlier operations applied.
    let late = 0;
    for (const op of ops) {
      if (op.apply) op.apply();
      else if (op.load && !cached.has(op)) late += bytes(op.load());
    }
    this.fake.stats.requestBytes[this.fake.stats.requestBytes.length - 1] += late;
    await Promise.resolve();
  }
}
