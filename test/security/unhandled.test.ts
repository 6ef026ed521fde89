/**
 * The guarantee the fault tests rely on: under this repository's Jest configuration, a test during
 * which a promise rejection goes unhandled FAILS (jsdom environment, as the pane's tests use), while
 * a test that handles its rejection passes. Runs Jest on a fixture in a child process. Also records
 * why no test here uses a `process.on('unhandledRejection')` listener: inside the test sandbox
 * `process` is a copy, and the real process never calls listeners added to it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

test('Jest fails a test that leaves a rejection unhandled, and only that test', () => {
  const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
  const r = spawnSync(
    process.execPath,
    [jest, '--ci', '--runInBand', '--json', '--roots', '<rootDir>/test/security/fixtures', '--testMatch', '**/planted-rejection.fixture.tsx', '--reporters', 'default'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] };
  const results = report.testResults.flatMap((f) => f.assertionResults).map((a) => ({ title: a.title, status: a.status, planted: a.failureMessages.join('\n').includes('planted unhandled rejection') }));
  expect(results).toEqual([
    { title: 'leaves a rejection unhandled', status: 'failed', planted: true },
    { title: 'handles its rejection', status: 'passed', planted: false },
  ]);
}, 120_000);
