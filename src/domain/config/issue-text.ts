/**
 * zod issues in the bureau's words, in Chinese and English. zod's own messages are English only and
 * written for programmers ("Too small: expected number to be >=0"); a bureau editing its
 * configuration file needs "不能小于 0" next to the field it got wrong.
 */
import type { Bilingual } from '../types';

/** The parts of a zod 4 issue this module reads (structural, so no zod internals are imported). */
export interface IssueLike {
  code: string;
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  values?: unknown;
  keys?: unknown;
  format?: unknown;
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: 'true 或 false',
  array: '列表([...])',
  object: '对象({...})',
  null: 'null',
};

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => JSON.stringify(x)) : [];
}

function bound(issue: IssueLike, small: boolean): Bilingual {
  const n = String(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array':
      return small
        ? { zh: `至少应有 ${n} 项`, en: `needs at least ${n} item(s)` }
        : { zh: `最多 ${n} 项`, en: `may have at most ${n} item(s)` };
    case 'string':
      return small
        ? { zh: `至少 ${n} 个字符(不能为空)`, en: `needs at least ${n} character(s)` }
        : { zh: `最多 ${n} 个字符`, en: `may have at most ${n} character(s)` };
    default:
      if (small) {
        return inclusive ? { zh: `不能小于 ${n}`, en: `must be at least ${n}` } : { zh: `应大于 ${n}`, en: `must be greater than ${n}` };
      }
      return inclusive ? { zh: `不能大于 ${n}`, en: `must be at most ${n}` } : { zh: `应小于 ${n}`, en: `must be less than ${n}` };
  }
}

/** One issue as a bilingual phrase (without the field path). */
export function issueText(issue: IssueLike): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const t = String(issue.expected);
      if (t === 'nonoptional' || t === 'undefined') return { zh: '缺少此项', en: 'is missing' };
      return { zh: `应为${TYPE_ZH[t] ?? t}`, en: `must be ${t === 'array' ? 'a list' : t === 'object' ? 'an object' : 'a ' + t}` };
    }
    case 'too_small':
      return bound(issue, true);
    case 'too_big':
      return bound(issue, false);
    case 'invalid_value': {
      const vs = list(issue.values);
      return vs.length === 1
        ? { zh: `应为 ${vs[0]}`, en: `must be ${vs[0]}` }
        : { zh: `应为以下之一:${vs.join('、')}`, en: `must be one of ${vs.join(', ')}` };
    }
    case 'invalid_format':
      return issue.message === 'lower-case identifier'
        ? { zh: '应为小写英文标识符(字母开头,只含 a-z、0-9 和 _)', en: 'must be a lower-case identifier (a letter, then a-z, 0-9 or _)' }
        : { zh: `格式不对(${String(issue.format)})`, en: `has the wrong format (${String(issue.format)})` };
    case 'unrecognized_keys': {
      const ks = list(issue.keys);
      return { zh: `有未知的字段 ${ks.join('、')}(是否拼写有误?)`, en: `has unknown field(s) ${ks.join(', ')} (misspelt?)` };
    }
    case 'not_multiple_of':
      return { zh: '数值不符合要求的倍数', en: 'is not a multiple of the required step' };
    default:
      return { zh: `不符合要求(${issue.message})`, en: issue.message };
  }
}
