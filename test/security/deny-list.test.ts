/**
 * The checked-in deny-list (security/deny-list.json) against package-lock.json: no installed package
 * (at any depth) lies in a known-vulnerable range. Stands in for `npm audit`, which cannot reach its
 * advisory service from here. Also proves the matcher itself: semver edge cases, and a planted
 * vulnerable entry in a copy of the lockfile is caught.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareVersions, parseRange, parseVersion, satisfies } from './semver-range';

const ROOT = path.resolve(__dirname, '..', '..');

interface DenyEntry {
  package: string;
  range: string;
  advisory: string;
  what: string;
  fixed: string;
}

interface LockPackage {
  version?: string;
  link?: boolean;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockPackage>;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function loadDenyList(): DenyEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'security', 'deny-list.json'), 'utf8'));
  if (!isRecord(raw) || !Array.isArray(raw.entries)) throw new Error('deny-list.json: no "entries" array');
  return raw.entries.map((e: unknown, i: number): DenyEntry => {
    if (!isRecord(e)) throw new Error(`deny-list entry ${i} is not an object`);
    const field = (k: keyof DenyEntry): string => {
      const v = e[k];
      if (typeof v !== 'string' || v.trim() === '') throw new Error(`deny-list entry ${i}: "${k}" missing`);
      return v;
    };
    return { package: field('package'), range: field('range'), advisory: field('advisory'), what: field('what'), fixed: field('fixed') };
  });
}

function loadLock(text: string): Lockfile {
  const raw: unknown = JSON.parse(text);
  if (!isRecord(raw) || typeof raw.lockfileVersion !== 'number' || !isRecord(raw.packages)) throw new Error('package-lock.json: not a v2/v3 lockfile');
  const packages: Record<string, LockPackage> = {};
  for (const [where, meta] of Object.entries(raw.packages)) {
    if (!isRecord(meta)) throw new Error(`package-lock.json: entry "${where}" is not an object`);
    packages[where] = { version: typeof meta.version === 'string' ? meta.version : undefined, link: meta.link === true };
  }
  return { lockfileVersion: raw.lockfileVersion, packages };
}

/** Every installed package: name (from its node_modules path, scopes kept), version, path. */
function installed(lock: Lockfile): { name: string; version: string | undefined; where: string; link: boolean }[] {
  return Object.entries(lock.packages)
    .filter(([p]) => p !== '')
    .map(([p, meta]) => {
      const i = p.lastIndexOf('node_modules/');
      return { name: i >= 0 ? p.slice(i + 'node_modules/'.length) : p, version: meta.version, where: p, link: meta.link === true };
    });
}

/** The deny-list hits in a lockfile, as readable lines. */
function violations(lock: Lockfile, deny: DenyEntry[]): string[] {
  const out: string[] = [];
  for (const pkg of installed(lock)) {
    if (pkg.version === undefined) continue;
    for (const d of deny) {
      if (d.package === pkg.name && satisfies(pkg.version, d.range)) {
        out.push(`${pkg.where}@${pkg.version}: ${d.advisory} (${d.what}); fixed in ${d.fixed}`);
      }
    }
  }
  return out;
}

const lockText = fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');

describe('deny-list of known-vulnerable packages', () => {
  const deny = loadDenyList();

  test('the list is well-formed: every range readable, every entry names an advisory id', () => {
    expect(deny.length).toBeGreaterThanOrEqual(20);
    for (const d of deny) {
      expect(() => parseRange(d.range)).not.toThrow();
      expect(d.advisory).toMatch(/CVE-\d{4}-\d{4,}|GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/);
    }
    // the case that motivated the list: the registry's xlsx (0.18.5, the last version on npm) is denied
    expect(deny.filter((d) => d.package === 'xlsx' && satisfies('0.18.5', d.range)).map((d) => d.advisory)).toEqual([
      'CVE-2023-30533 (GHSA-4r6h-8v6p-xvw6)',
      'CVE-2024-22363 (GHSA-5pgg-2g8v-p4x9)',
    ]);
  });

  test('package-lock.json: no installed package is in a denied range', () => {
    const lock = loadLock(lockText);
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const all = installed(lock);
    expect(all.length).toBeGreaterThan(100);
    // every installed version is one the matcher can read (else a denied one could slip through)
    const unreadable = all.filter((p) => !p.link && (p.version === undefined || parseVersion(p.version) === null));
    expect(unreadable.map((p) => `${p.where}@${String(p.version)}`)).toEqual([]);
    expect(violations(lock, deny)).toEqual([]);
  });

  test('a planted vulnerable package (nested, scoped or not) is caught', () => {
    const lock = loadLock(lockText);
    lock.packages['node_modules/xlsx'] = { version: '0.18.5' };
    lock.packages['node_modules/exceljs/node_modules/jszip'] = { version: '3.7.1' };
    lock.packages['node_modules/@babel/core/node_modules/@babel/traverse'] = { version: '7.23.1' };
    lock.packages['node_modules/semver-fixed/node_modules/semver'] = { version: '7.5.2' };
    const found = violations(lock, deny);
    expect(found).toEqual([
      'node_modules/xlsx@0.18.5: CVE-2023-30533 (GHSA-4r6h-8v6p-xvw6) (prototype pollution when reading a crafted file); fixed in 0.19.3 (SheetJS CDN only: the npm registry stops at 0.18.5)',
      'node_modules/xlsx@0.18.5: CVE-2024-22363 (GHSA-5pgg-2g8v-p4x9) (regular-expression denial of service); fixed in 0.20.2 (SheetJS CDN only)',
      expect.stringMatching(/^node_modules\/exceljs\/node_modules\/jszip@3\.7\.1: CVE-2021-23413/),
      expect.stringMatching(/^node_modules\/@babel\/core\/node_modules\/@babel\/traverse@7\.23\.1: CVE-2023-45133/),
    ]);
  });
});

describe('semver range matcher', () => {
  test('comparators, conjunctions and alternatives', () => {
    expect(satisfies('0.18.5', '<0.19.3')).toBe(true);
    expect(satisfies('0.19.3', '<0.19.3')).toBe(false);
    expect(satisfies('0.20.2', '<0.20.2')).toBe(false);
    expect(satisfies('0.20.1', '<0.20.2')).toBe(true);
    expect(satisfies('8.17.0', '>=8.0.0 <8.17.1')).toBe(true);
    expect(satisfies('7.5.9', '>=8.0.0 <8.17.1')).toBe(false);
    expect(satisfies('6.3.0', '<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2')).toBe(true);
    expect(satisfies('6.3.1', '<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2')).toBe(false);
    expect(satisfies('5.7.1', '<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2')).toBe(true);
    expect(satisfies('1.2.3', '1.2.3')).toBe(true);
    expect(satisfies('1.2.3', '= 1.2.3')).toBe(true);
    expect(satisfies('1.2.4', '<= 1.2.3')).toBe(false);
    expect(satisfies('1.10.0', '>1.9.9')).toBe(true); // numeric, not string, comparison
  });

  test('pre-releases sort before their release; build metadata is ignored', () => {
    const v = (s: string) => {
      const p = parseVersion(s);
      if (!p) throw new Error(s);
      return p;
    };
    expect(compareVersions(v('1.0.0-rc.1'), v('1.0.0'))).toBeLessThan(0);
    expect(compareVersions(v('1.0.0-alpha'), v('1.0.0-alpha.1'))).toBeLessThan(0);
    expect(compareVersions(v('1.0.0-alpha.2'), v('1.0.0-alpha.10'))).toBeLessThan(0);
    expect(compareVersions(v('1.0.0-1'), v('1.0.0-alpha'))).toBeLessThan(0);
    expect(compareVersions(v('1.0.0+build.7'), v('1.0.0'))).toBe(0);
    expect(satisfies('3.8.0-beta.1', '<3.8.0')).toBe(true);
  });

  test('an unreadable range is refused, an unreadable version never matches', () => {
    expect(() => parseRange('^1.2.3')).toThrow(/cannot read/);
    expect(() => parseRange('1.x')).toThrow(/cannot read/);
    expect(() => parseRange('<1.0.0 ||')).toThrow(/empty alternative/);
    expect(satisfies('git+https://example.org/x.git', '<99.0.0')).toBe(false);
  });
});
