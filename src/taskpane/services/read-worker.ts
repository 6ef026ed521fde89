/**
 * The pane's reader thread (a Web Worker, its own chunk): reads each workbook file it is sent with
 * readWorkbookBytes, whatever the format, and answers with the result. SheetJS is loaded here, only
 * when a legacy file arrives, so it never weighs on the pane's own page. The sheets' rows go back in
 * slices (grid-slices.ts). workbook-source.ts ends this
 * worker when a file takes longer than the time limit.
 */
import { transferableParts } from '../../xlsx/open/hand-over';
import { readWorkbookBytes, type ReadResult } from '../../xlsx/open/read-workbook';
import { sliceSheets, type RowSlice } from './grid-slices';

interface Request {
  id: number;
  bytes: Uint8Array;
  name: string;
}

/** The part of a dedicated worker's global scope used here (the project's DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: { ready: true } | { id: number; result: ReadResult; slices: number } | { id: number; slice: RowSlice }, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, bytes, name } = e.data;
  void readWorkbookBytes(bytes, name).then((result) => {
    if (!result.ok) return scope.postMessage({ id, result, slices: 0 });
    // the sheets' rows follow in slices, so the page never copies a large workbook in one task
    const { heads, slices } = sliceSheets(result.sheets);
    scope.postMessage({ id, result: { ...result, sheets: heads }, slices: slices.length }, transferableParts(result));
    for (const slice of slices) scope.postMessage({ id, slice });
  });
};

// tells the page the worker started (a chunk the browser could not load never says it)
scope.postMessage({ ready: true });
