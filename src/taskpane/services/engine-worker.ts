/**
 * The pane's engine thread (a Web Worker, its own chunk): the check and the summary of the opened
 * workbooks run here (engine-work.ts), so a hundred-file check never holds the page's main thread.
 * The page ends this worker to cancel a check (engine-thread.ts).
 */
import type { EngineAnswer, EngineRequest } from './engine-protocol';
import { engineHandler } from './engine-work';

/** The part of a dedicated worker's global scope used here (the project's DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineAnswer): void;
}

const scope = self as unknown as WorkerScope;
const handle = engineHandler((a) => scope.postMessage(a));
scope.onmessage = (e) => handle(e.data);

// tells the page the worker started (a chunk the browser could not load never says it)
scope.postMessage({ ready: true });
