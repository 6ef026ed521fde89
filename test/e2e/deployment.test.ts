/**
 * @jest-environment node
 *
 * A deployment for an isolated government network (政务内网), built as the README's guide says:
 *   npm run build -- --env url=https://zr.example.gov.cn --env officejs=local
 * The manifest holds no development address (every address on the deployment url, read back with
 * office-addin-manifest), the page loads office.js from its own folder with a CSP allowing no other
 * script origin, and in Chromium — with every request off this machine refused — the pane opens in
 * standalone mode from it, office.js served by the same server, no CSP violation, no page error.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DEPLOYMENT, ensureDeploymentBuilt, launchBrowser, ROOT, screenshot, serveDist, type Browser, type Served } from './harness';
import { attribute, expectStrictPolicy } from '../security/csp';

jest.setTimeout(300_000);

const html = () => fs.readFileSync(path.join(DEPLOYMENT.dir, 'taskpane.html'), 'utf8');

beforeAll(() => {
  ensureDeploymentBuilt();
});

describe('the intranet build (--env url=https://zr.example.gov.cn --env officejs=local)', () => {
  test('dist/manifest.xml: no localhost, every address on the deployment url, read back by office-addin-manifest', () => {
    const file = path.join(DEPLOYMENT.dir, 'manifest.xml');
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).not.toMatch(/localhost/i);
    const addresses = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((a) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(a));
    expect(addresses.length).toBeGreaterThanOrEqual(8);
    for (const a of addresses) expect(a.startsWith(`${DEPLOYMENT.url}/`)).toBe(true);
    const info = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js'), 'info', file], { encoding: 'utf8' });
    expect(info).toContain(`Source Location: ${DEPLOYMENT.url}/taskpane.html`);
    expect(info).toContain(`Icon Url: ${DEPLOYMENT.url}/assets/icon-32.png`);
  });

  test('the page loads office.js from its own folder, and its CSP allows scripts from its own origin only', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>/gi)].map((m) => attribute(`<script${m[1]}>`, 'src'));
    expect(scripts[0]).toBe('office-js/office.js');
    expect(scripts[1]).toMatch(/^start\.[0-9a-f]{8}\.js$/);
    expect(expectStrictPolicy(html()).get('script-src')).toEqual(["'self'"]);
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
      expect({ f, there: fs.existsSync(path.join(DEPLOYMENT.dir, 'office-js', f)) }).toEqual({ f, there: true });
    }
    expect(fs.readdirSync(path.join(DEPLOYMENT.dir, 'office-js')).filter((f) => /^(word|outlook|powerpoint)-/.test(f) || f.endsWith('.debug.js'))).toEqual([]);
  });

  describe('in Chromium, with nothing beyond this machine reachable', () => {
    let served: Served;
    let browser: Browser;
    const requests: string[] = [];
    const refused: string[] = [];

    beforeAll(async () => {
      served = await serveDist(DEPLOYMENT.dir);
      browser = await launchBrowser();
      const origin = new URL(served.url).origin;
      await browser.context.route(
        (url) => !url.href.startsWith(origin + '/') && /^https?:/.test(url.href),
        async (route) => {
          refused.push(route.request().url());
          await route.abort();
        },
      );
      browser.context.on('request', (r) => requests.push(r.url()));
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    test('the pane opens in standalone mode, office.js from the same server, no CSP violation, no page error', async () => {
      const page: Page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(() => {
        const list: string[] = [];
        Object.defineProperty(window, '__zrCsp', { value: list });
        document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(served.url);
      await page.getByTestId('pane').waitFor();
      expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('standalone');
      expect(await page.locator('#zr-start-message').count()).toBe(0);
      const origin = new URL(served.url).origin;
      expect(requests).toContain(`${origin}/office-js/office.js`);
      expect(requests.filter((u) => /^https?:/.test(u) && !u.startsWith(origin + '/'))).toEqual(refused);
      process.stdout.write(`intranet build: ${requests.length} requests, refused off-machine: ${refused.length ? refused.join(', ') : 'none'}\n`);
      expect(refused.filter((u) => /appsforoffice/.test(u))).toEqual([]);
      const violations = await page.evaluate(() => {
        const list: unknown = Reflect.get(window, '__zrCsp');
        return Array.isArray(list) ? list.map(String) : ['no recorder'];
      });
      expect(violations.filter((v) => !/^frame-src /.test(v))).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, 'intranet-standalone');
      await page.close();
    });

    test('an engine without what the pane needs (Internet Explorer 11 / Edge Legacy lack BigInt): the start script’s message, the bundle never requested', async () => {
      const page: Page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
        Reflect.deleteProperty(window, 'BigInt');
      });
      const before = requests.length;
      await page.goto(served.url);
      const message = page.locator('#zr-start-message');
      await message.waitFor();
      const text = (await message.textContent()) ?? '';
      expect(text).toContain('此版本的 Office 无法运行本加载项');
      expect(text).toContain('This version of Office cannot run this add-in');
      expect(text).toContain(`${new URL(served.url).origin}/taskpane.html`);
      expect(requests.slice(before).filter((u) => /\/taskpane\.[0-9a-f]{8}\.js$/.test(u))).toEqual([]);
      expect(await page.getByTestId('pane').count()).toBe(0);
      expect(errors).toEqual([]);
      await screenshot(page, 'old-engine-message');
      await page.close();
    });
  });
});
