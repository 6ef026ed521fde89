/**
 * No document text is ever inserted as HTML, and no code is built from strings: scans every source
 * file under src/ (production code and its tests) for the HTML sinks (dangerouslySetInnerHTML,
 * innerHTML, outerHTML, insertAdjacentHTML, document.write/writeln, createContextualFragment,
 * srcdoc, DOMParser) and for eval / new Function / string timers. React escapes every text it
 * renders, so cell text, sheet names and messages reach the page only as text nodes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { util as zodUtil } from 'zod/v4/core';
import { z } from '../../src/domain/zod';
import { configSchema } from '../../src/domain/config/schema';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(tsx?|jsx?|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Comments removed (roughly: enough that prose about `new Function` is not code). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, ' ');
}

const HTML_SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML', /innerHTML/],
  ['outerHTML', /outerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(ln)?\b/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /srcdoc/i],
  ['DOMParser', /DOMParser/],
];

const CODE_FROM_STRINGS: [string, RegExp][] = [
  ['eval(', /(^|[^\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\b/],
  ['Function(', /(^|[^\w$.])(?<!new\s+)Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/],
  ['indirect eval', /\(\s*0\s*,\s*eval\s*\)|\b(?:window|self|globalThis|global)\s*\.\s*eval\b|\[\s*["'`]eval["'`]\s*\]/],
];

function hits(files: string[], patterns: [string, RegExp][], strip: boolean): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = (strip ? withoutComments(text) : text).split('\n');
    lines.forEach((line, i) => {
      for (const [name, re] of patterns) if (re.test(line)) out.push(`${path.relative(ROOT, f)}:${i + 1}: ${name}`);
    });
  }
  return out;
}

describe('sources: no HTML injection, no code from strings', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));

  test('the scan sees the whole tree (pane, engine, ports, command line)', () => {
    const rel = files.map((f) => path.relative(ROOT, f));
    expect(rel.length).toBeGreaterThan(150);
    for (const must of ['src/taskpane/App.tsx', 'src/taskpane/components/FindingItem.tsx', 'src/taskpane/taskpane.html', 'src/domain/zod.ts', 'src/excel/office-port.ts']) {
      expect(rel).toContain(must);
    }
  });

  test('no HTML sink anywhere under src/ (not even in comments)', () => {
    expect(hits(files, HTML_SINKS, false)).toEqual([]);
  });

  test('no eval, new Function, Function() or string timers in code under src/', () => {
    expect(hits(files, CODE_FROM_STRINGS, true)).toEqual([]);
  });

  test('zod is imported only through src/domain/zod.ts (which sets jitless before any schema exists)', () => {
    const importers = files.filter((f) => /from\s+['"]zod(\/[^'"]*)?['"]|require\(\s*['"]zod/.test(fs.readFileSync(f, 'utf8')));
    expect(importers.map((f) => path.relative(ROOT, f))).toEqual(['src/domain/zod.ts']);
    const zod = fs.readFileSync(path.join(ROOT, 'src', 'domain', 'zod.ts'), 'utf8');
    expect(zod.indexOf('z.config({ jitless: true })')).toBeGreaterThan(zod.indexOf("import { z } from 'zod'"));
    // nothing is defined in that module before the configuration call
    expect(withoutComments(zod.slice(0, zod.indexOf('z.config('))).replace(/import[^;]+;/g, '').trim()).toBe('');
  });

  test('at run time zod is jitless: its eval probe answers false (the probe returns before compiling) and schemas still parse', () => {
    expect(z.config().jitless).toBe(true);
    expect(zodUtil.allowsEval.value).toBe(false);
    expect(configSchema.safeParse({}).success).toBe(false);
  });

  test('the scanner itself finds what it looks for', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-scan-'));
    const planted = path.join(tmp, 'planted.tsx');
    fs.writeFileSync(
      planted,
      [
        'el.innerHTML = cell;',
        '<div dangerouslySetInnerHTML={{ __html: x }} />',
        'node.insertAdjacentHTML("beforeend", s);',
        'document.write(s);',
        'const f = new Function("return 1");',
        'const g = Function("return this")();',
        'window.eval(code); eval(code);',
        'const h = (0, eval)("this");',
        'setTimeout("alert(1)", 0);',
        '// a comment about eval(x) is not code',
        'isFunction(x); obj.eval(y);',
      ].join('\n'),
    );
    try {
      expect(hits([planted], HTML_SINKS, false).map((h) => h.replace(/^.*planted\.tsx:/, ''))).toEqual([
        '1: innerHTML',
        '2: dangerouslySetInnerHTML',
        '3: insertAdjacentHTML',
        '4: document.write',
      ]);
      expect(hits([planted], CODE_FROM_STRINGS, true).map((h) => h.replace(/^.*planted\.tsx:/, ''))).toEqual([
        '5: new Function',
        '6: Function(',
        '7: eval(',
        '7: indirect eval',
        '8: indirect eval',
        '9: string timer',
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
