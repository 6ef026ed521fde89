/**
 * An independent reader's view: LibreOffice converts the input workbook and its annotated copy to
 * CSV, and the report sheet's CSV must be identical (the annotation changes fills and notes only).
 * Skipped, with a message saying so, when soffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './helpers';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the LibreOffice CSV comparison is skipped.');
const maybe = hasSoffice ? it : it.skip;

function toCsv(xlsx: string, outDir: string): string {
  const profile = `file:///tmp/lo-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const r = spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsx],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const csv = readdirSync(outDir).find((f) => f.endsWith('.csv'));
  if (!csv) throw new Error('soffice wrote no CSV');
  return readFileSync(path.join(outDir, csv), 'utf8');
}

describe('LibreOffice reads the annotated copy like the input', () => {
  maybe(
    'the report sheet converts to the same CSV before and after annotation',
    async () => {
      const dir = tempDir('lo');
      expect((await run(['sample', '--out', dir])).code).toBe(0);
      const name = '盘锦高新技术产业开发区.xlsx';
      const out = path.join(dir, 'annotated');
      const r = await run(['check', path.join(dir, '2026-09', name), '--out', out]);
      expect(r.code).toBe(1);
      const a = tempDir('lo-in');
      const b = tempDir('lo-out');
      copyFileSync(path.join(dir, '2026-09', name), path.join(a, 'report.xlsx'));
      copyFileSync(path.join(out, name), path.join(b, 'report.xlsx'));
      const before = toCsv(path.join(a, 'report.xlsx'), a);
      const after = toCsv(path.join(b, 'report.xlsx'), b);
      expect(after).toBe(before);
      // and the CSV shows what the clerk typed and the template computed
      expect(before).toContain('开发区主要经济指标月报表');
      expect(before).toContain('填报单位:盘锦高新技术产业开发区');
      expect(before.split('\n').length).toBeGreaterThan(26);
    },
    400_000,
  );
});
