/**
 * A tiny semver range matcher for the checked-in deny-list (security/deny-list.json), so the
 * lockfile check needs no new dependency. Supports exactly what the list uses: comparators
 * `<`, `<=`, `>`, `>=`, `=` (or a bare version) on x.y.z versions with an optional pre-release,
 * joined by spaces (all must hold) and `||` (any alternative). Anything else is refused loudly:
 * a deny-list entry the matcher cannot read must fail the test, never match nothing silently.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** pre-release identifiers ('1.0.0-rc.1' → ['rc', '1']); empty for a release */
  pre: string[];
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(s: string): Version | null {
  const m = VERSION.exec(s.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ? m[4].split('.') : [] };
}

function comparePre(a: string[], b: string[]): number {
  // a release sorts after any pre-release of the same x.y.z
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const x = a[i];
    const y = b[i];
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
    } else if (nx !== ny) {
      return nx ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.pre, b.pre);
}

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: Version;
}

const COMPARATOR = /^(<=|>=|<|>|=)?\s*(\S+)$/;

/** Parses a range; throws on anything outside the supported grammar. */
export function parseRange(range: string): Comparator[][] {
  const alternatives = range.split('||').map((alt) => alt.trim());
  return alternatives.map((alt) => {
    if (alt === '') throw new Error(`empty alternative in range "${range}"`);
    // "<= 1.2.3" is one comparator: glue an operator to the version after it
    const tokens = alt.replace(/(<=|>=|<|>|=)\s+/g, '$1').split(/\s+/);
    return tokens.map((t) => {
      const m = COMPARATOR.exec(t);
      const version = m ? parseVersion(m[2]) : null;
      if (!m || !version) throw new Error(`cannot read comparator "${t}" in range "${range}"`);
      return { op: (m[1] ?? '=') as Op, version };
    });
  });
}

function holds(v: Version, c: Comparator): boolean {
  const d = compareVersions(v, c.version);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '=':
      return d === 0;
  }
}

/** True when `version` lies in `range`. An unreadable version (a git URL, a tag) never matches. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const alternatives = parseRange(range);
  if (!v) return false;
  return alternatives.some((all) => all.every((c) => holds(v, c)));
}
