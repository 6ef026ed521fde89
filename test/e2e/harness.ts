/**
 * Browser end-to-end harness: builds the pane (webpack) and the CLI only when missing or older than
 * the sources, serves dist/ on 127.0.0.1 on a free port (scripts/serve.js, in process), launches the
 * system Chromium with a fresh profile, and routes office.js to the npm copy (tests only) or to 404.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(p: string): number {
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

/** Build `out` with `env` once when it is missing or older than the sources it is made of. */
function ensureBuilt(out: string, env: string[]): void {
  const html = path.join(out, 'taskpane.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), mtime(path.join(ROOT, 'webpack.config.js')), mtime(path.join(ROOT, 'manifest.xml')));
  if (mtime(html) < sources) {
    const args = ['webpack', '--mode', 'production', ...env.flatMap((e) => ['--env', e])];
    if (out !== path.join(ROOT, 'dist')) args.push('--output-path', out);
    execFileSync('npx', args, { cwd: ROOT, stdio: 'pipe' });
  }
}

/** Build dist/ once when it is missing or older than the sources it is made of. */
export function ensurePaneBuilt(): void {
  ensureBuilt(path.join(ROOT, 'dist'), []);
}

/** A deployment build for an isolated network, as a bureau's IT would make it. */
export const DEPLOYMENT = { url: 'https://zr.example.gov.cn', dir: path.join(ROOT, 'test-output', 'dist-intranet') };

/** Build DEPLOYMENT.dir (--env url=… --env officejs=local) once when missing or older than the sources. */
export function ensureDeploymentBuilt(): void {
  ensureBuilt(DEPLOYMENT.dir, [`url=${DEPLOYMENT.url}`, 'officejs=local']);
}

/** Build lib/ (the CLI) when it is missing or older than the sources (a stale CLI compares old figures). */
export function ensureCliBuilt(): void {
  if (mtime(path.join(ROOT, 'lib', 'cli', 'main.js')) < newestMtime(path.join(ROOT, 'src'))) {
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  }
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serveDist(dir = path.join(ROOT, 'dist')): Promise<Served> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const serve = require(path.join(ROOT, 'scripts', 'serve.js')) as { createServer: (dir: string) => Server };
  const server = serve.createServer(dir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const OFFICE_HOSTS = /^https:\/\/appsforoffice\.(microsoft\.com|cdn\.partner\.office365\.cn)\//;

/** Serve office.js (and the files it loads next to itself) from the npm copy, or answer 404. */
export async function routeOfficeJs(page: Page, mode: 'local' | 'missing'): Promise<void> {
  await page.route(OFFICE_HOSTS, async (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    const file = path.join(OFFICE_DIST, name);
    if (mode === 'local' && /^[\w.-]+$/.test(name) && fs.existsSync(file)) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(file) });
    } else {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    }
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
