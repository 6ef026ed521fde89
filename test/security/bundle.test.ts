/**
 * @jest-environment node
 *
 * The production build (dist/, built once by the e2e harness when missing or older than src/):
 *  (a) no code from strings: every `eval(`, `new Function` and `Function(` in every emitted .js is
 *      one of a short list of KNOWN fallbacks inside third-party code, each with the guard that
 *      keeps it from running in the pane (zod's eval probe sits behind `jitless`; the others only
 *      run when the browser has no `globalThis`/`self`, or when a string is passed to
 *      setImmediate). Anything else fails the test, and so does a known fallback appearing more
 *      often than recorded;
 *  (b) the built page carries the same strict CSP as src/taskpane/taskpane.html and loads only its
 *      own bundle and office.js;
 *  (c) in Chromium, loading the pane and checking sample workbooks (which loads the exceljs chunk)
 *      makes no request to any host but 127.0.0.1 and the office.js host, and raises no CSP
 *      violation: had any of the fallbacks in (a) run, the strict policy would have reported it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { ensureCliBuilt, ensurePaneBuilt, launchBrowser, routeOfficeJs, ROOT, serveDist, type Browser, type Served } from '../e2e/harness';
import { attribute, expectStrictPolicy, OFFICE_JS_HOSTS } from './csp';

jest.setTimeout(300_000);

const DIST = path.join(ROOT, 'dist');

/** Code-from-string patterns, as in test/security/sources.test.ts. */
const PATTERNS: [string, RegExp][] = [
  ['eval(', /(^|[^\w$.])eval\s*\(/g],
  ['new Function', /new\s+Function\b/g],
  ['Function(', /(^|[^\w$.])(?<!new\s{1,3})Function\s*\(/g],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  // indirect eval: (0,eval)(…), window.eval, globalThis["eval"]
  ['indirect eval', /\(\s*0\s*,\s*eval\s*\)|\b(?:window|self|globalThis|global)\s*\.\s*eval\b|\[\s*["'`]eval["'`]\s*\]/g],
];

interface Known {
  id: string;
  /** why it never runs in the pane */
  why: string;
  /** the occurrence's surroundings (±160 characters) */
  context: RegExp;
  /** at most this many occurrences across the build */
  max: number;
}

const KNOWN: Known[] = [
  {
    id: 'zod-allowsEval-probe',
    why: 'zod 4 probes `new Function("")` only when jitless is off; src/domain/zod.ts sets jitless before any schema exists, and the probe returns false first',
    context: /\.jitless\)return!1;[^]{0,120}try\{return new Function\(""\),!0\}catch\(\w+\)\{return!1\}/,
    max: 1,
  },
  {
    id: 'lodash-root',
    why: 'lodash finds the global object as `freeGlobal || freeSelf || Function("return this")()`; in a browser `self` is the window, so the Function call is never reached',
    context: /"object"==typeof self&&self&&self\.Object===Object&&self,[\w$]+=[\w$.]+\|\|[\w$]+\|\|Function\("return this"\)\(\)/,
    max: 8,
  },
  {
    id: 'webpack4-global',
    why: 'a prebuilt dependency carries webpack 4\'s `global` module: `function(){return this}()` already gives the window in sloppy mode, so `Function("return this")()` / `(0,eval)("this")` are not reached',
    context: /[\w$]+=function\(\)\{return this\}\(\);try\{[\w$]+=[\w$]+\|\|Function\("return this"\)\(\)\|\|\(0,eval\)\("this"\)\}/,
    max: 2,
  },
  {
    id: 'exceljs-global',
    why: 'exceljs\'s prebuilt bundle looks for globalThis/self/window before `Function("return this")()`',
    context: /\|\|function\(\)\{return this\}\(\)\|\|this\|\|Function\("return this"\)\(\)/,
    max: 1,
  },
  {
    id: 'regenerator-runtime',
    why: 'regenerator-runtime assigns itself to globalThis when `typeof globalThis === "object"` (every target browser); the Function call is the fallback',
    context: /"object"==typeof globalThis\?globalThis\.regeneratorRuntime=[\w$]+:Function\("r","regeneratorRuntime = r"\)\([\w$]+\)/,
    max: 1,
  },
  {
    id: 'setImmediate-polyfill',
    why: 'the setImmediate polyfill compiles its argument only when it is a string; exceljs passes functions',
    context: /\.setImmediate=function\([\w$]+\)\{"function"!=typeof [\w$]+&&\([\w$]+=new Function\(""\+[\w$]+\)\)/,
    max: 2,
  },
];

interface Occurrence {
  file: string;
  pattern: string;
  context: string;
  known: string | null;
}

function scanBundle(): Occurrence[] {
  const out: Occurrence[] = [];
  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    for (const [name, re] of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const at = m.index ?? 0;
        const context = text.slice(Math.max(0, at - 160), at + 160);
        out.push({ file, pattern: name, context, known: KNOWN.find((k) => k.context.test(context))?.id ?? null });
      }
    }
  }
  return out;
}

let occurrences: Occurrence[] = [];

beforeAll(() => {
  ensurePaneBuilt();
  occurrences = scanBundle();
});

describe('production bundle: no code from strings', () => {
  test('the build emitted the pane and its chunks', () => {
    const js = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
    expect(js.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(js.length).toBeGreaterThanOrEqual(2);
  });

  test('every eval / new Function / Function( is a known, guarded fallback in third-party code', () => {
    const unknown = occurrences.filter((o) => o.known === null).map((o) => `${o.file} ${o.pattern}: …${o.context}…`);
    expect(unknown).toEqual([]);
    const counts = new Map<string, number>();
    for (const o of occurrences) if (o.known) counts.set(o.known, (counts.get(o.known) ?? 0) + 1);
    for (const k of KNOWN) expect({ id: k.id, within: (counts.get(k.id) ?? 0) <= k.max }).toEqual({ id: k.id, within: true });
    // the figures, for the record
    process.stdout.write(`bundle scan: ${occurrences.length} occurrences, all known: ${JSON.stringify(Object.fromEntries(counts))}\n`);
  });

  test("zod's eval probe appears exactly once, behind the jitless check, and nothing of the pane's own code uses eval", () => {
    const zod = occurrences.filter((o) => o.known === 'zod-allowsEval-probe');
    expect(zod).toHaveLength(1);
    // zod loads only when a configuration is read (src/taskpane/config-load.ts): in a chunk of its own, not in the first one
    expect(zod[0].file).toMatch(/^\d+\.[0-9a-f]{8}\.chunk\.js$/);
    // no string timer anywhere
    expect(occurrences.filter((o) => o.pattern === 'string timer')).toEqual([]);
  });

  test('the engine thread never loads zod: its chunk and every chunk it can load hold none of it', () => {
    const chunks = fs.readdirSync(DIST).filter((f) => /\.[0-9a-f]{8}\.chunk\.js$/.test(f));
    const worker = chunks.find((f) => f.startsWith('engine-worker.'));
    expect(worker).toBeDefined();
    const reached = new Set<string>([worker as string]);
    let frontier = [worker as string];
    while (frontier.length > 0) {
      const code = frontier.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
      frontier = chunks.filter((f) => !reached.has(f) && code.includes(`"${/\.([0-9a-f]{8})\.chunk\.js$/.exec(f)?.[1]}"`));
      frontier.forEach((f) => reached.add(f));
    }
    const withZod = [...reached].filter((f) => /\$ZodType|ZodError/.test(fs.readFileSync(path.join(DIST, f), 'utf8')));
    expect(withZod).toEqual([]);
    // and zod is still in the build (so the marks above would find it)
    expect(chunks.some((f) => /\$ZodType|ZodError/.test(fs.readFileSync(path.join(DIST, f), 'utf8')))).toBe(true);
  });

  test('the scanner classifies planted code: an unguarded eval or new Function is unknown', () => {
    const planted = ['x=eval(s)', 'f=new Function("a","return a")', 'g=Function("return 1")()', 'h=(0,eval)(s)', 'window.eval(s)', 'globalThis["eval"](s)'];
    for (const p of planted) {
      const hit = PATTERNS.some(([, re]) => new RegExp(re.source).test(p));
      expect({ p, hit, known: KNOWN.some((k) => k.context.test(p)) }).toEqual({ p, hit: true, known: false });
    }
    expect(PATTERNS.some(([, re]) => new RegExp(re.source).test('isFunction(x);a.eval(y)'))).toBe(false);
  });
});

describe('the built page', () => {
  const html = () => fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');

  test('carries the same strict CSP as the source page (as a CDN build fills it)', () => {
    const built = expectStrictPolicy(html());
    const template = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    const source = expectStrictPolicy(template.replace('<%= officeJsCspSources %>', ` ${OFFICE_JS_HOSTS.join(' ')}`));
    expect([...built]).toEqual([...source]);
    expect(built.get('script-src')).toEqual(["'self'", ...OFFICE_JS_HOSTS]);
  });

  test('loads only office.js from Microsoft and its own start script, which names the bundle; no inline script', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((s) => s[2].trim())).toEqual(scripts.map(() => ''));
    const srcs = scripts.map((s) => attribute(`<script${s[1]}>`, 'src'));
    expect(srcs).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', expect.stringMatching(/^start\.[0-9a-f]{8}\.js$/)]);
    expect(attribute(`<script${scripts[1][1]}>`, 'data-entry')).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
  });
});

describe('in Chromium: no request leaves 127.0.0.1 except for office.js, no CSP violation', () => {
  let served: Served;
  let browser: Browser;
  let tmp: string;
  const requests: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    ensureCliBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-sec-'));
    const gen = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'zone-report.js'), 'sample', '--out', tmp], { cwd: ROOT, encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`sample failed: ${gen.stderr}`);
    served = await serveDist();
    browser = await launchBrowser();
    // anything not for this machine or office.js is refused (and recorded), so nothing leaves even if asked
    await browser.context.route(
      (url) => !url.href.startsWith(new URL(served.url).origin + '/') && !OFFICE_JS_HOSTS.some((h) => url.href.startsWith(h + '/')),
      async (route) => {
        blocked.push(route.request().url());
        await route.abort();
      },
    );
    browser.context.on('request', (r: Request) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function loadPane(): Promise<{ page: Page; violations: () => Promise<string[]>; pageErrors: string[] }> {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      const list: string[] = [];
      Object.defineProperty(window, '__zrCsp', { value: list });
      document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await routeOfficeJs(page, 'local');
    await page.goto(served.url);
    await page.getByTestId('pane').waitFor();
    const violations = () =>
      page.evaluate(() => {
        const list: unknown = Reflect.get(window, '__zrCsp');
        return Array.isArray(list) ? list.map(String) : ['the violation recorder was not installed'];
      });
    return { page, violations, pageErrors };
  }

  test('page load, opening the sample workbooks and a check: only 127.0.0.1 and the office.js host are contacted', async () => {
    const { page, violations, pageErrors } = await loadPane();
    const files = [path.join(tmp, '开发区名录.xlsx'), ...fs.readdirSync(path.join(tmp, '2026-09')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(tmp, '2026-09', f))];
    await page.getByTestId('open-files-input').setInputFiles(files);
    await page.getByTestId('opened-list').waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.getByTestId('counts').waitFor({ timeout: 120_000 });
    const shown = await page.getByTestId('counts').textContent();
    expect(shown).toMatch(/\d+ 个错误/);

    const origin = new URL(served.url).origin;
    const hosts = new Set(requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
    const foreign = [...hosts].filter((h) => h !== origin && !OFFICE_JS_HOSTS.includes(h));
    process.stdout.write(`browser requests: ${requests.length} (${[...hosts].join(', ')}); blocked: ${blocked.length}\n  ${requests.join('\n  ')}\n`);
    expect(foreign).toEqual([]);
    expect(blocked).toEqual([]);
    // the exceljs chunk was loaded (so its code was live in the page) and office.js came from its host
    expect(requests.some((u) => /\/\d+\.[0-9a-f]{8}\.chunk\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => u.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/office.js'))).toBe(true);

    const seen = await violations();
    process.stdout.write(`CSP violations seen: ${seen.length}${seen.length ? '\n  ' + seen.join('\n  ') : ''}\n`);
    // office.js (and the host files it loads next to itself) may try to frame a telemetry page, on its
    // own host or on telemetryservice.firstpartyapps.oaspapps.com: frame-src refuses it (no request is made)
    const other = seen.filter((v) => !/^frame-src https:\/\/(appsforoffice\.microsoft\.com\/|telemetryservice\.firstpartyapps\.oaspapps\.com)/.test(v));
    expect(other).toEqual([]);
    expect(seen.filter((v) => /eval|script-src/.test(v))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
