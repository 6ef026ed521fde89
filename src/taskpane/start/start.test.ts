/**
 * The ES5 start script (start.js): it parses as ES5 (Internet Explorer 11 runs nothing newer), and
 * in jsdom under the user agents of the engines Office uses — with the built-ins those engines lack
 * removed — it shows the bilingual message instead of a blank pane; in a current engine it loads the
 * bundle instead, and shows the message only if the bundle fails or the pane never says it started.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'acorn';
import { JSDOM, ResourceLoader } from 'jsdom';

const START = fs.readFileSync(path.join(__dirname, 'start.js'), 'utf8');

const UA = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko',
  edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
};

/** What an old engine lacks of what the bundle needs (Trident: all of it; EdgeHTML 18: these). */
const LACKS = {
  ie11: ['Promise', 'Symbol', 'Map', 'Set', 'WeakMap', 'Proxy', 'Reflect', 'BigInt', 'globalThis', 'WeakRef', 'structuredClone', 'TextDecoder', 'TextEncoder', 'AbortController'],
  edgeHtml: ['BigInt', 'globalThis', 'WeakRef', 'structuredClone', 'TextDecoder', 'TextEncoder'],
};

const PAGE = `<!doctype html><html><head>
<script id="zr-start" src="start.0123abcd.js" data-entry="taskpane.89abcdef.js" defer></script>
</head><body><div id="root"></div></body></html>`;

interface Pane {
  dom: JSDOM;
  window: JSDOM['window'];
  message: () => HTMLElement | null;
  scripts: () => string[];
}

/** Gives the page its user agent and fetches nothing (no network in tests). */
class OfflineLoader extends ResourceLoader {
  override fetch(): null {
    return null;
  }
}

/** The page in jsdom under `ua`, without `lacks`, with the start script run as the browser would. */
function open(ua: string, lacks: string[] = []): Pane {
  const dom = new JSDOM(PAGE, {
    url: 'https://zr.example.gov.cn/zone-report/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN',
    resources: new OfflineLoader({ userAgent: ua }),
    runScripts: 'outside-only',
  });
  expect(dom.window.navigator.userAgent).toBe(ua);
  const w = dom.window;
  // what jsdom's window lacks that every current engine has
  const g = w as unknown as Record<string, unknown>;
  if (typeof g.structuredClone !== 'function') g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  if (typeof g.TextDecoder !== 'function') g.TextDecoder = TextDecoder;
  if (typeof g.TextEncoder !== 'function') g.TextEncoder = TextEncoder;
  for (const name of lacks) w.eval(`delete window.${name};`);
  w.eval(START);
  return {
    dom,
    window: w,
    message: () => w.document.getElementById('zr-start-message'),
    scripts: () => [...w.document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? '').filter((s) => s.startsWith('taskpane')),
  };
}

describe('the start script', () => {
  test('parses as ES5 (acorn, ecmaVersion 5), unlike the code it guards', () => {
    expect(() => parse(START, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(() => parse('const a = () => 1n;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });

  test('Internet Explorer 11 (Trident): the bilingual message, with the page to open in a browser; no bundle loaded', () => {
    const p = open(UA.ie11, LACKS.ie11);
    const m = p.message();
    expect(m).not.toBeNull();
    const text = m?.textContent ?? '';
    expect(m?.getAttribute('data-kind')).toBe('engine');
    expect(text).toContain('此版本的 Office 无法运行本加载项');
    expect(text).toContain('Internet Explorer 11');
    expect(text).toContain('This version of Office cannot run this add-in');
    expect(text).toContain('Microsoft 365');
    expect(text).toContain('WebView2');
    // the standalone page: this very page, without the query Office added
    expect(text).toContain('https://zr.example.gov.cn/zone-report/taskpane.html ');
    expect(text).not.toContain('_host_Info');
    expect([...(m?.querySelectorAll('[lang]') ?? [])].map((e) => e.getAttribute('lang'))).toEqual(['zh-CN', 'zh-CN', 'en-US', 'en-US']);
    expect(p.scripts()).toEqual([]);
    p.window.close();
  });

  test('Edge Legacy (EdgeHTML 18, no BigInt): the message too, naming the engine and what it lacks', () => {
    const p = open(UA.edgeHtml, LACKS.edgeHtml);
    const text = p.message()?.textContent ?? '';
    expect(text).toContain('旧版 Edge(EdgeHTML)');
    expect(text).toContain('Edge Legacy (EdgeHTML)');
    expect(text).toContain('BigInt');
    expect(p.scripts()).toEqual([]);
    p.window.close();
  });

  describe('in a current engine (WebView2)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    test('no message; the bundle named in data-entry is loaded; the pane saying it started ends the watch', () => {
      const p = open(UA.webView2);
      expect(p.message()).toBeNull();
      expect(p.scripts()).toEqual(['taskpane.89abcdef.js']);
      p.window.dispatchEvent(new p.window.Event('zonereport:started'));
      jest.advanceTimersByTime(60_000);
      expect(p.message()).toBeNull();
      p.window.close();
    });

    test('the bundle failing before the pane started (a syntax this engine lacks): the message, with the reason', () => {
      const p = open(UA.webView2);
      p.window.dispatchEvent(new p.window.ErrorEvent('error', { message: 'SyntaxError: Unexpected token', filename: 'https://zr.example.gov.cn/zone-report/taskpane.89abcdef.js' }));
      const m = p.message();
      expect(m?.getAttribute('data-kind')).toBe('failed');
      expect(m?.textContent).toContain('任务窗格未能启动');
      expect(m?.textContent).toContain('SyntaxError');
      // an error of another script (office.js, an extension) is not the pane's
      const q = open(UA.webView2);
      q.window.dispatchEvent(new q.window.ErrorEvent('error', { message: 'x', filename: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' }));
      expect(q.message()).toBeNull();
      p.window.close();
      q.window.close();
    });

    test('the pane never saying it started: the message after 45 s, gone when the pane does start', () => {
      const p = open(UA.webView2);
      jest.advanceTimersByTime(44_000);
      expect(p.message()).toBeNull();
      jest.advanceTimersByTime(2_000);
      expect(p.message()?.textContent).toContain('timeout');
      p.window.dispatchEvent(new p.window.Event('zonereport:started'));
      expect(p.message()).toBeNull();
      p.window.close();
    });
  });
});
