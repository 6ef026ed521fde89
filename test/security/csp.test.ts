/**
 * The pane page's Content-Security-Policy (src/taskpane/taskpane.html): scripts only from the page's
 * own origin and the two office.js hosts, no eval, no inline script, no connection anywhere but the
 * page's own origin, no plugins, no <base> hijack. The built page and a real browser are checked in
 * bundle.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attribute, cspMetaContents, expectStrictPolicy, OFFICE_JS_HOSTS, parseCsp } from './csp';

const ROOT = path.resolve(__dirname, '..', '..');
const template = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
/** The page as a CDN build writes it (webpack.config.js fills officeJsCspSources; a local office.js build leaves it empty). */
const html = template.replace('<%= officeJsCspSources %>', ` ${OFFICE_JS_HOSTS.join(' ')}`);

describe('CSP of the pane page', () => {
  const csp = expectStrictPolicy(html);

  test('script-src takes the office.js hosts only from the build (one placeholder), so a bundled office.js leaves \'self\' alone', () => {
    expect(template.split('<%= officeJsCspSources %>')).toHaveLength(2);
    const local = expectStrictPolicy(template.replace('<%= officeJsCspSources %>', ''));
    expect(local.get('script-src')).toEqual(["'self'"]);
  });

  test('one policy, in the <head> before any script', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeGreaterThan(0);
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<script'));
  });

  test("script-src is exactly 'self' and the two office.js hosts: no 'unsafe-eval', no 'unsafe-inline', no wildcard", () => {
    expect(csp.get('script-src')).toEqual(["'self'", ...OFFICE_JS_HOSTS]);
  });

  test("default-src and connect-src are 'self' only (no network access but the page's own origin)", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  test("object-src 'none', base-uri 'self', form-action 'self'", () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  test("'unsafe-inline' only for styles (Griffel injects <style>), and no directive allows eval or any host", () => {
    for (const [name, sources] of csp) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'wasm-unsafe-eval'");
      expect(sources.filter((s) => s === '*' || s === 'http:' || s === 'https:' || s.includes('*'))).toEqual([]);
      if (sources.includes("'unsafe-inline'")) expect(name).toBe('style-src');
      for (const s of sources.filter((x) => /^https?:\/\//.test(x))) {
        expect(name).toBe('script-src');
        expect(OFFICE_JS_HOSTS).toContain(s);
      }
    }
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
  });

  test('directives a meta tag cannot carry are absent (they would be ignored and give false comfort)', () => {
    for (const name of ['frame-ancestors', 'sandbox', 'report-uri', 'report-to']) expect(csp.has(name)).toBe(false);
  });

  test('the page has no inline script; its external scripts are office.js and the start script (which loads the bundle)', () => {
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts).toEqual([
      '<script src="<%= officeJsUrl %>"></script>',
      `<script id="zr-start" src="<%= startScript %>" data-entry="<%= htmlWebpackPlugin.files.js.join(' ') %>" defer></script>`,
    ]);
  });

  test('the parser: first occurrence wins, case-insensitive names, only http-equiv CSP metas', () => {
    const p = parseCsp("Script-Src 'self';  ; script-src *; img-src data:");
    expect([...p]).toEqual([
      ['script-src', ["'self'"]],
      ['img-src', ['data:']],
    ]);
    expect(cspMetaContents('<meta name="x" content="a"><meta http-equiv=\'Content-Security-Policy\' content="b">')).toEqual(['b']);
    // minified: unquoted attribute names and values
    expect(cspMetaContents("<meta http-equiv=Content-Security-Policy content=\"default-src 'self'\">")).toEqual(["default-src 'self'"]);
    expect(cspMetaContents('<meta http-equiv=Content-Security-Policy-Report-Only content=x>')).toEqual([]);
    expect(attribute('<script defer src=taskpane.1.js>', 'src')).toBe('taskpane.1.js');
    expect(attribute('<script src="a b.js">', 'src')).toBe('a b.js');
  });
});
