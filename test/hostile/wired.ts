/**
 * Whether input-guard.ts already calls the pre-parse inspector. Until it does, the command line
 * itself is not protected, and the hostile suites say so instead of hanging for 10 s per file.
 */
import { guardInput } from '../../src/xlsx/guard/input-guard';
import { inspectXlsx } from '../../src/xlsx/guard/zip-inspect';
import { sheetRowProbe } from './probe';

/** True when the guard refuses a file only the inspector can refuse (a row numbered 1,000,000,000). */
export function inspectorWired(): boolean {
  return guardInput(sheetRowProbe(), 'probe.xlsx') !== null;
}

/** A file the guard would pass to exceljs although the inspector refuses it (only while not wired). */
export function needsInspector(bytes: Uint8Array, name: string): boolean {
  return !inspectXlsx(bytes).ok && guardInput(bytes, name) === null;
}
