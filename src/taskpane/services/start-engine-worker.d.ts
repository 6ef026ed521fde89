/** Starts the pane's engine thread (engine-worker.ts) as a Web Worker: see start-engine-worker.js. */
export function startEngineWorker(): Worker;
