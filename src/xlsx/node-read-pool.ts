/**
 * The command line reads every workbook file in a worker thread (node-read-worker.ts), so a file
 * that takes too long is stopped, whatever its format and whatever the guards missed: past the time
 * limit the worker is terminated (a synchronous parser cannot be interrupted any other way), the file
 * is refused with E_TIMEOUT and the next file gets a fresh worker. The worker's heap is capped too;
 * running out of it refuses the file as too large instead of ending the process.
 *
 * One worker, reused from file to file (starting one costs ~50 ms), unreferenced so it never keeps
 * the process alive. Node-only, like node-files.ts. When the sources run uncompiled (the jest tests
 * of the command line, through ts-jest) there is no worker script to start: the file is then read in
 * this thread, with the same guards but no time limit (test/hostile runs the compiled command line,
 * time limit included).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inputError, type InputErrorCode } from './guard/codes';
import { nodeInflate } from './node-inflate';
import { Serial } from './open/hand-over';
import { readWorkbookBytes, type ReadResult } from './open/read-workbook';

/** How long reading one file may take. A monthly report reads in tens of milliseconds. */
export const READ_TIME_LIMIT_MS = 8_000;
/** The reader thread's heap (the largest workbook the guards let through reads in ~150 MB). */
export const READ_HEAP_MB = 384;

/** The time limit: READ_TIME_LIMIT_MS, or ZONE_REPORT_READ_LIMIT_MS (a positive number of ms) when set. */
export function readTimeLimit(): number {
  const v = Number(process.env.ZONE_REPORT_READ_LIMIT_MS);
  return Number.isFinite(v) && v > 0 ? v : READ_TIME_LIMIT_MS;
}

interface Answer {
  id: number;
  result: ReadResult;
}

const WORKER_SCRIPT = path.join(__dirname, 'node-read-worker.js');

function failed(code: InputErrorCode): ReadResult {
  return { ok: false, error: inputError(code), format: null };
}

class ReadPool {
  private worker: Worker | null = null;
  private next = 1;
  private readonly serial = new Serial();

  read(bytes: Uint8Array, name: string): Promise<ReadResult> {
    return this.serial.run(() => this.readNow(bytes, name));
  }

  private start(): Worker {
    const w = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB } });
    w.unref();
    this.worker = w;
    return w;
  }

  private readNow(bytes: Uint8Array, name: string): Promise<ReadResult> {
    const w = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<ReadResult>((resolve) => {
      let settled = false;
      const finish = (r: ReadResult, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          this.worker = null;
          void w.terminate();
        }
        resolve(r);
      };
      const onMessage = (a: Answer): void => {
        if (a.id === id) finish(a.result, false);
      };
      const onError = (e: Error & { code?: string }): void => finish(failed(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'E_TOO_LARGE' : 'E_CORRUPT'), true);
      const onExit = (): void => finish(failed('E_CORRUPT'), true);
      const timer = setTimeout(() => finish(failed('E_TIMEOUT'), true), readTimeLimit());
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, bytes, name });
    });
  }
}

let pool: ReadPool | null = null;

/** Reads a workbook file's bytes in the reader thread, within the time limit; never throws. */
export async function readInWorker(bytes: Uint8Array, name: string): Promise<ReadResult> {
  if (!existsSync(WORKER_SCRIPT)) return readWorkbookBytes(bytes, name, { inflate: nodeInflate });
  pool ??= new ReadPool();
  return pool.read(bytes, name);
}
