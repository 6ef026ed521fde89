/** Test helpers for the command line: run main() capturing stdout/stderr, temp folders. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

export function tempDir(tag: string): string {
  return mkdtempSync(path.join(tmpdir(), `zr-${tag}-`));
}
