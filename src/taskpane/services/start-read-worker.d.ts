/** Starts the pane's reader thread (read-worker.ts) as a Web Worker: see start-read-worker.js. */
export function startReadWorker(): Worker;
