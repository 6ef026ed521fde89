/**
 * The command line's reader thread and its time limit (src/xlsx/node-read-pool.ts), through the
 * compiled command line: a file that takes longer than the limit is refused with E_TIMEOUT (exit 2,
 * both languages), the thread that was reading it is ended and the next file gets a fresh one; with
 * the usual limit the same files are read. The limit is set to 1 ms here (ZONE_REPORT_READ_LIMIT_MS),
 * so no file can be read in time, whatever the machine's load.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckReport } from '../../src/domain/types';
import { BUILD_DIR, ensureBuilt } from './harness';
import { formatCorpus } from './corpus-formats';

jest.setTimeout(300_000);

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-time-'));
  const byName = new Map(formatCorpus().map((f) => [f.name, f.bytes]));
  for (const name of ['xls-valid.xls', 'csv-utf8-bom.csv']) fs.writeFileSync(path.join(dir, name), byName.get(name) ?? new Uint8Array(0));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(limit: string | undefined): { code: number | null; report: CheckReport } {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'cli-wrapper.js'), 'check', 'xls-valid.xls', 'csv-utf8-bom.csv', '--json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, HOSTILE_LIB: BUILD_DIR, HOSTILE_STATS: '', NODE_OPTIONS: '', ZONE_REPORT_READ_LIMIT_MS: limit ?? '' },
    timeout: 120_000,
  });
  return { code: r.status, report: JSON.parse(r.stdout) as CheckReport };
}

it('refuses every file that outlasts the limit, each in a fresh reader thread, with exit 2', () => {
  const { code, report } = check('1');
  expect(code).toBe(2);
  expect(report.files.map((f) => f.inputError?.code)).toEqual(['E_TIMEOUT', 'E_TIMEOUT']);
  expect(report.files[0].inputError?.message.zh).toContain('超过了时限');
  expect(report.files[0].inputError?.message.en).toContain('time limit');
});

it('reads the same files within the usual limit', () => {
  const { code, report } = check(undefined);
  expect([0, 1]).toContain(code);
  expect(report.files.map((f) => f.inputError)).toEqual([null, null]);
});
