/*
 * Starts the pane's engine thread (engine-worker.ts). A plain .js file for the reason given in
 * start-read-worker.js (webpack makes a worker chunk only from `new Worker(new URL(…, import.meta.url))`,
 * which the project's CommonJS type check does not allow). Its type is start-engine-worker.d.ts.
 */
export function startEngineWorker() {
  return new Worker(/* webpackChunkName: "engine-worker" */ new URL('./engine-worker.ts', import.meta.url));
}
