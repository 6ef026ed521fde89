/**
 * Loading a configuration: JSON text → validated Config, or the complete list of problems
 * (zh + en, each naming where it is), so a bureau fixes its file in one go. A configuration that is
 * not valid is refused as a whole.
 */
import type { Bilingual } from '../types';
import {
  configSchema,
  indicatorSchema,
  scoreSchema,
  thresholdsSchema,
  warningThresholdsSchema,
  zoneSchema,
  type Config,
  type ConfigInput,
} from './schema';
import { issueText } from './issue-text';
import { utf8Length } from '../utf8';
import { defaultCatalogue, defaultScore } from './default-catalogue';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Bilingual[] };

/** Imported configuration files above this size (in bytes, UTF-8) are refused before parsing. */
export const MAX_CONFIG_BYTES = 1_000_000;
/** More indicators or zones than this is not a configuration but a mistake (or an attack). */
export const MAX_CONFIG_ENTRIES = 2_000;
/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS_LISTED = 200;


export function defaultConfigInput(): ConfigInput {
  return { catalogue: defaultCatalogue, score: defaultScore };
}

let cachedDefault: Config | null = null;
/** The shipped configuration (indicators.md, rules.md defaults). */
export function defaultConfig(): Config {
  if (!cachedDefault) {
    const r = validateConfig(defaultConfigInput());
    if (!r.ok) throw new Error('default configuration is invalid: ' + r.problems.map((p) => p.en).join('; '));
    cachedDefault = r.config;
  }
  return structuredClone(cachedDefault);
}

/** Parse and validate configuration text (a JSON file a bureau imports). */
export function parseConfigText(text: string): ConfigResult {
  if (text.length > MAX_CONFIG_BYTES || utf8Length(text) > MAX_CONFIG_BYTES) {
    return fail({
      zh: `配置文件过大(超过 ${MAX_CONFIG_BYTES / 1_000_000} MB),未导入。`,
      en: `The configuration file is too large (over ${MAX_CONFIG_BYTES / 1_000_000} MB) and was not imported.`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail({ zh: '配置文件不是有效的 JSON。', en: 'The configuration file is not valid JSON.' });
  }
  return validateConfig(data);
}

/** The size check alone, for a file picked in the pane before it is read into memory. */
export function configFileTooLarge(bytes: number): Bilingual | null {
  return bytes > MAX_CONFIG_BYTES
    ? {
        zh: `配置文件过大(超过 ${MAX_CONFIG_BYTES / 1_000_000} MB),未导入。`,
        en: `The configuration file is too large (over ${MAX_CONFIG_BYTES / 1_000_000} MB) and was not imported.`,
      }
    : null;
}

function fail(p: Bilingual): ConfigResult {
  return { ok: false, problems: [p] };
}

function pathText(path: readonly PropertyKey[], data: unknown): string {
  // Name catalogue entries by their code when there is one: "catalogue[3] (04).parent".
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      if (node && typeof node === 'object' && 'code' in node && typeof (node as { code: unknown }).code === 'string') {
        out += ` (${(node as { code: string }).code})`;
      }
    } else {
      out += (out ? '.' : '') + String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out || '(root)';
}

/**
 * Validate a configuration object: structure (zod), then cross-references. Every problem is listed:
 * when the structure is wrong somewhere, the well-formed parts are still cross-checked, so a bureau
 * sees "catalogue[3].kind …" and "parent 99 does not exist" in one pass.
 */
export function validateConfig(data: unknown): ConfigResult {
  const tooMany = countLimit(data);
  if (tooMany) return fail(tooMany);
  try {
    return capped(validateChecked(data));
  } catch {
    // zod recurses per element; a pathological file must end as a message, never a crash.
    return fail({ zh: '配置文件结构异常,无法校验,未导入。', en: 'The configuration file has an abnormal structure and could not be validated; it was not imported.' });
  }
}

/** Catalogue or register lists beyond any real configuration are refused before zod walks them. */
function countLimit(data: unknown): Bilingual | null {
  if (!isRecord(data)) return null;
  for (const key of ['catalogue', 'register'] as const) {
    const list = data[key];
    if (Array.isArray(list) && list.length > MAX_CONFIG_ENTRIES) {
      return {
        zh: `配置文件的 ${key} 有 ${list.length} 项,超过上限 ${MAX_CONFIG_ENTRIES},未导入。`,
        en: `The configuration file's ${key} has ${list.length} entries, over the limit of ${MAX_CONFIG_ENTRIES}; it was not imported.`,
      };
    }
  }
  return null;
}

/** At most MAX_PROBLEMS_LISTED problems, then one line saying how many more there are. */
function capped(r: ConfigResult): ConfigResult {
  if (r.ok || r.problems.length <= MAX_PROBLEMS_LISTED) return r;
  const more = r.problems.length - MAX_PROBLEMS_LISTED;
  return {
    ok: false,
    problems: [
      ...r.problems.slice(0, MAX_PROBLEMS_LISTED),
      { zh: `……另有 ${more} 个问题未列出。`, en: `… and ${more} more problems not listed.` },
    ],
  };
}

function validateChecked(data: unknown): ConfigResult {
  const parsed = configSchema.safeParse(data);
  if (parsed.success) {
    const problems = crossCheck(parsed.data, new Set());
    return problems.length ? { ok: false, problems } : { ok: true, config: parsed.data };
  }
  const problems = parsed.error.issues.map((issue) => {
    const where = pathText(issue.path, data);
    const text = issueText(issue);
    return { zh: `${where}:${text.zh}`, en: `${where}: ${text.en}` };
  });
  const partial = wellFormedParts(data);
  if (partial) problems.push(...crossCheck(partial.config, partial.codesPresent));
  return { ok: false, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The parts of a malformed configuration that are well formed, for cross-checking. */
function wellFormedParts(data: unknown): { config: Config; codesPresent: Set<string> } | null {
  if (!isRecord(data) || !Array.isArray(data.catalogue)) return null;
  const codesPresent = new Set<string>();
  const catalogue: Config['catalogue'] = [];
  for (const entry of data.catalogue) {
    if (isRecord(entry) && typeof entry.code === 'string') codesPresent.add(entry.code);
    const r = indicatorSchema.safeParse(entry);
    if (r.success) catalogue.push(r.data);
  }
  const score = scoreSchema.safeParse(data.score);
  const warnings = warningThresholdsSchema.safeParse(data.warnings ?? {});
  const register = Array.isArray(data.register) ? data.register.map((z) => zoneSchema.safeParse(z)) : [];
  return {
    codesPresent,
    config: {
      schemaVersion: '1',
      name: '',
      catalogue,
      thresholds: thresholdsSchema.parse({}),
      // An invalid part is left out of the cross-checks (its structural problem is already listed).
      warnings: warnings.success ? warnings.data : warningThresholdsSchema.parse({}),
      score: score.success ? score.data : { dimensions: [], cap: null },
      register: register.flatMap((r) => (r.success ? [r.data] : [])),
    },
  };
}

/** `codesPresent`: codes of catalogue entries that exist but are malformed (not "missing"). */
function crossCheck(config: Config, codesPresent: Set<string>): Bilingual[] {
  const problems: Bilingual[] = [];
  const add = (zh: string, en: string) => problems.push({ zh, en });
  const byCode = new Map<string, Config['catalogue'][number]>();
  const ids = new Set<string>();
  const names = new Map<string, string>();

  for (const ind of config.catalogue) {
    if (byCode.has(ind.code)) add(`指标代码 ${ind.code} 重复。`, `Indicator code ${ind.code} appears twice.`);
    byCode.set(ind.code, ind);
    if (ids.has(ind.id)) add(`指标标识 ${ind.id} 重复。`, `Indicator id ${ind.id} appears twice.`);
    ids.add(ind.id);
    for (const n of [ind.name, ...ind.aliases]) {
      const prev = names.get(n);
      if (prev !== undefined && prev !== ind.code) {
        add(`名称或别名“${n}”同时指向指标 ${prev} 和 ${ind.code}。`, `The name or alias "${n}" names both indicator ${prev} and ${ind.code}.`);
      }
      names.set(n, ind.code);
    }
  }

  const exists = (code: string) => byCode.has(code) || codesPresent.has(code);
  for (const ind of config.catalogue) {
    const c = ind.code;
    if (ind.parent !== null && !exists(ind.parent)) {
      add(`指标 ${c} 的上级指标 ${ind.parent} 不存在。`, `Indicator ${c}: parent ${ind.parent} does not exist.`);
    }
    for (const child of ind.partition) {
      if (!exists(child)) add(`指标 ${c} 的分项 ${child} 不存在。`, `Indicator ${c}: partition item ${child} does not exist.`);
    }
    if (ind.kind === 'ratio') {
      if (!ind.ratio) {
        add(`比率指标 ${c} 未说明分子和分母。`, `Ratio indicator ${c} names no numerator and denominator.`);
      } else {
        for (const part of [ind.ratio.numerator, ind.ratio.denominator]) {
          if (!exists(part)) add(`比率指标 ${c} 引用的指标 ${part} 不存在。`, `Ratio indicator ${c} refers to indicator ${part}, which does not exist.`);
        }
      }
    } else if (ind.ratio) {
      add(`指标 ${c} 不是比率类型,却给出了分子分母。`, `Indicator ${c} is not of kind ratio but names a numerator and denominator.`);
    }
    if (ind.pair !== null && !exists(ind.pair)) {
      add(`指标 ${c} 的配对指标 ${ind.pair} 不存在。`, `Indicator ${c}: paired indicator ${ind.pair} does not exist.`);
    }
  }

  // Parent cycles: follow parents from every indicator; a revisit is a cycle.
  const reported = new Set<string>();
  for (const ind of config.catalogue) {
    const seen: string[] = [];
    let cur: string | null = ind.code;
    while (cur !== null && byCode.has(cur)) {
      if (seen.includes(cur)) {
        const members = seen.slice(seen.indexOf(cur));
        const cycle = members.concat(cur);
        const key = [...members].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          add(`上级指标形成循环:${cycle.join(' → ')}。`, `Parent indicators form a cycle: ${cycle.join(' → ')}.`);
        }
        break;
      }
      seen.push(cur);
      cur = byCode.get(cur)?.parent ?? null;
    }
  }

  for (const dim of config.score.dimensions) {
    for (const item of dim.items) {
      if (!exists(item.indicator)) {
        add(`评分维度“${dim.name}”引用的指标 ${item.indicator} 不存在。`, `Score dimension "${dim.nameEn}" refers to indicator ${item.indicator}, which does not exist.`);
      }
    }
  }
  if (config.score.dimensions.length > 0 && config.score.dimensions.every((d) => d.weight === 0)) {
    add('评分维度的权重全部为 0。', 'Every score dimension has weight 0.');
  }
  const w = config.warnings;
  if (w.paceYellowPp > w.paceRedPp) {
    add('序时进度黄色预警阈值大于红色预警阈值。', 'The yellow pace threshold is above the red one.');
  }

  if (config.register && config.register.length > 0) {
    const codes = new Set<string>();
    const zoneNames = new Map<string, string>();
    for (const z of config.register) {
      if (codes.has(z.code)) add(`开发区代码 ${z.code} 重复。`, `Zone code ${z.code} appears twice.`);
      codes.add(z.code);
      for (const n of [z.name, ...z.aliases]) {
        const prev = zoneNames.get(n);
        if (prev !== undefined && prev !== z.code) {
          add(`名称或别名“${n}”同时指向开发区 ${prev} 和 ${z.code}。`, `The name or alias "${n}" names both zone ${prev} and ${z.code}.`);
        }
        zoneNames.set(n, z.code);
      }
    }
  }
  return problems;
}

// kept importable from here too; the engine imports it from lookup.ts (no zod there)
export { indicatorByCode } from './lookup';
