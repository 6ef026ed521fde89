/**
 * A small argument parser (no dependency): positionals, `--flag`, `--opt value` and `--opt=value`.
 * Unknown options and missing values are returned as problems, never thrown.
 */
import type { Bilingual } from '../domain/types';

export interface ArgSpec {
  /** options that take a value */
  values: readonly string[];
  /** options without a value */
  flags: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
  problems: Bilingual[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, flags: new Set(), problems: [] };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || !a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^-{1,2}/, '');
    if (name === 'h') {
      out.flags.add('help');
      continue;
    }
    if (spec.flags.includes(name)) {
      if (eq >= 0) out.problems.push({ zh: `选项 --${name} 不带取值。`, en: `Option --${name} takes no value.` });
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[i + 1];
      if (v === undefined || (eq < 0 && v.startsWith('--')) || v === '') {
        out.problems.push({ zh: `选项 --${name} 需要一个取值。`, en: `Option --${name} needs a value.` });
      } else {
        if (name in out.values) out.problems.push({ zh: `选项 --${name} 只能给一次。`, en: `Option --${name} may be given only once.` });
        out.values[name] = v;
        if (eq < 0) i++;
      }
    } else {
      out.problems.push({ zh: `未知选项:${a}`, en: `Unknown option: ${a}` });
    }
  }
  return out;
}
