/**
 * The recognition corpus (built by build-corpus.ts): sheets with the context they were recognised in
 * and the output the recogniser gave when the corpus was built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Config } from '../../src/domain/config/schema';
import type { SheetGrid, Zone } from '../../src/domain/types';

export interface CorpusEntry {
  /** where the sheet came from: "<test file>#n", "sample …", "libreoffice …", "random n" */
  source: string;
  sheet: SheetGrid;
  /** index into `configs`, or null for the default configuration */
  config: number | null;
  /** index into `registers`, or null for no register */
  register: number | null;
  fallbackYear: number | null;
  /** recogniseSheet's output then, through JSON */
  expected: unknown;
}

export interface Corpus {
  built: string;
  configs: Config[];
  registers: Zone[][];
  entries: CorpusEntry[];
}

export const CORPUS_FILE = path.join(__dirname, 'recognition-corpus.json.gz');

export function loadCorpus(): Corpus {
  const c = JSON.parse(gunzipSync(fs.readFileSync(CORPUS_FILE)).toString('utf8')) as Corpus;
  // JSON turned blank cells (undefined) into null: hand them over as a port does
  for (const e of c.entries) e.sheet = { ...e.sheet, rows: e.sheet.rows.map((row) => (row ?? []).map((cell) => (cell === null ? undefined : cell))) };
  return c;
}
