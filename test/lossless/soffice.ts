/**
 * LibreOffice headless for the lossless tests: every sheet of each workbook to CSV in one run (the
 * 12th CSV filter token, -1, exports each sheet to <name>-<sheet>.csv), PDF, xlsx conversion. One
 * soffice process per call, with its own throw-away profile so parallel runs do not collide.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;

export function soffice(filter: string, files: string[], outDir: string): void {
  const profile = `file://${mkdtempSync(path.join(tmpdir(), 'lo-'))}`;
  const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout: 400_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

/** CSV (UTF-8, comma, double quotes) of every sheet of `file`, by sheet name. */
export function sheetCsvs(outDir: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(outDir)) {
    if (f.startsWith(base + '-') && f.endsWith('.csv')) out.set(f.slice(base.length + 1, -4), readFileSync(path.join(outDir, f), 'utf8'));
  }
  return out;
}

export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
