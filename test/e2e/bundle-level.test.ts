/**
 * @jest-environment node
 *
 * The language level of what the production build emits, checked with a parser (acorn): the start
 * script parses as ES5 (it must run in Internet Explorer 11 to show its message); every other
 * script — the bundle, its chunks and webpack's runtime — parses as ES2022, the level claimed in the
 * README. ES2022 is more than Edge Legacy (EdgeHTML, ES2017 at best) parses, and the engine needs
 * BigInt, which EdgeHTML lacks: there the start script shows its message instead of loading them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type ecmaVersion } from 'acorn';
import { ensurePaneBuilt, ROOT } from './harness';

jest.setTimeout(300_000);

const DIST = path.join(ROOT, 'dist');
const CLAIMED: ecmaVersion = 2022;

function parses(file: string, version: ecmaVersion): string | null {
  try {
    parse(fs.readFileSync(path.join(DIST, file), 'utf8'), { ecmaVersion: version, sourceType: 'script' });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

beforeAll(() => {
  ensurePaneBuilt();
});

describe('language level of the production build', () => {
  const scripts = () => fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));

  test('the start script parses as ES5', () => {
    const start = scripts().filter((f) => /^start\.[0-9a-f]{8}\.js$/.test(f));
    expect(start).toHaveLength(1);
    expect(parses(start[0], 5)).toBeNull();
  });

  test(`the bundle and every chunk parse as ES${CLAIMED}`, () => {
    const rest = scripts().filter((f) => !f.startsWith('start.'));
    expect(rest.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(rest.map((f) => ({ f, error: parses(f, CLAIMED) }))).toEqual(rest.map((f) => ({ f, error: null })));
  });

  test('the bundle does not parse as ES2017 (Edge Legacy): which is why the start script gates it', () => {
    const bundle = scripts().find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f)) ?? '';
    expect(parses(bundle, 2017)).not.toBeNull();
  });
});
