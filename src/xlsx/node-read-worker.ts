/**
 * The reader thread of the command line (started by node-read-pool.ts): reads each workbook file it
 * is sent with readWorkbookBytes (Node's zlib inflating) and answers with the result. The XML parts
 * of an .xlsx go back transferred, not copied: they can be large, and this thread no longer needs them.
 */
import { parentPort } from 'node:worker_threads';
import { nodeInflate } from './node-inflate';
import { transferableParts } from './open/hand-over';
import { readWorkbookBytes } from './open/read-workbook';

// Nothing this thread prints could help a clerk, and the command line's stdout carries the --json
// report: a parser's console output is dropped here.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => undefined;

interface Request {
  id: number;
  bytes: Uint8Array;
  name: string;
}

parentPort?.on('message', (msg: Request) => {
  void readWorkbookBytes(msg.bytes, msg.name, { inflate: nodeInflate }).then((result) => {
    parentPort?.postMessage({ id: msg.id, result }, transferableParts(result));
  });
});
