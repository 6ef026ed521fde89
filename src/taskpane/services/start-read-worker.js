/*
 * Starts the pane's reader thread (read-worker.ts). A plain .js file for one reason: webpack makes a
 * worker chunk only from `new Worker(new URL('./x', import.meta.url))`, and the project's type
 * check compiles for CommonJS, where `import.meta` is not allowed. Its type is start-read-worker.d.ts.
 * Only the browser build loads this file (workbook-source.ts imports it when `Worker` exists).
 */
export function startReadWorker() {
  return new Worker(/* webpackChunkName: "read-worker" */ new URL('./read-worker.ts', import.meta.url));
}
