/**
 * The zone register (开发区名录, template.md §2): reading it from a sheet, checking it (duplicate
 * codes, duplicate names, an alias naming two zones are V-REGISTER errors) and resolving the zone a
 * report sheet names, by code, official name or alias. An ambiguous name never resolves: a wrong
 * zone would put one zone's figures into another's ranking.
 */
import type { Finding, SheetGrid, Zone } from '../types';
import { cleanText, normaliseLabel, normaliseName } from '../cells/normalise';
import { a1 } from '../a1';
import { REGISTER_SHEET } from '../port';
import { finding } from './findings';
import { findHeaderRow, gridView } from './grid';

export interface Register {
  zones: Zone[];
  /** by code as written in the register (the first zone when a code is duplicated: a V-REGISTER error) */
  byCode: Map<string, Zone>;
  /** a zone by code, official name or alias (after normalisation); null when unknown or ambiguous */
  resolve(text: string): Zone | null;
}

/** Codes are compared without spaces, full-width forms or letter case: "g212001 " is G212001. */
export function codeKey(code: string): string {
  return normaliseLabel(code).toUpperCase();
}

export function buildRegister(zones: Zone[]): { register: Register; findings: Finding[] } {
  const findings: Finding[] = [];
  const where = { sheet: REGISTER_SHEET, period: null };
  const byCode = new Map<string, Zone>();
  const byCodeKey = new Map<string, Zone>();
  for (const z of zones) {
    const k = codeKey(z.code);
    const prev = byCodeKey.get(k);
    if (prev) {
      findings.push(
        finding('error', 'V-REGISTER', { ...where, zone: z.code }, {
          zh: `开发区名录中代码 ${z.code} 出现两次(“${prev.name}”和“${z.name}”)。请给每个开发区一个唯一代码。`,
          en: `Zone code ${z.code} appears twice in the register ("${prev.name}" and "${z.name}"). Give every zone a unique code.`,
        }, { value: z.code }),
      );
      continue;
    }
    byCodeKey.set(k, z);
    byCode.set(z.code, z);
  }

  // normalised name or alias → the zones it names
  const names = new Map<string, Zone[]>();
  const officialNames = new Map<string, Zone>();
  for (const z of zones) {
    const own = normaliseName(z.name);
    const prevOfficial = officialNames.get(own);
    if (prevOfficial && prevOfficial !== z) {
      findings.push(
        finding('error', 'V-REGISTER', { ...where, zone: z.code }, {
          zh: `开发区名录中名称“${z.name}”出现两次(代码 ${prevOfficial.code} 和 ${z.code})。一个开发区只能有一个名称,请合并或改名。`,
          en: `The name "${z.name}" appears twice in the register (codes ${prevOfficial.code} and ${z.code}). One zone, one name: merge or rename them.`,
        }, { value: z.name }),
      );
    } else {
      officialNames.set(own, z);
    }
    const keys = new Set([own, ...z.aliases.map(normaliseName)].filter((k) => k !== ''));
    for (const k of keys) {
      const list = names.get(k) ?? [];
      if (!list.includes(z)) list.push(z);
      names.set(k, list);
    }
  }
  for (const z of zones) {
    for (const alias of z.aliases) {
      const list = names.get(normaliseName(alias)) ?? [];
      const other = list.find((o) => o !== z);
      // Report each alias clash once, on the later zone of the pair.
      if (other && zones.indexOf(other) < zones.indexOf(z)) {
        findings.push(
          finding('error', 'V-REGISTER', { ...where, zone: z.code }, {
            zh: `开发区名录中别名“${alias}”同时指向 ${other.code}“${other.name}”和 ${z.code}“${z.name}”。请删去其中一个,使每个别名只指向一个开发区。`,
            en: `The alias "${alias}" names both ${other.code} "${other.name}" and ${z.code} "${z.name}" in the register. Remove one so that every alias names one zone.`,
          }, { value: alias }),
        );
      }
    }
  }

  const resolve = (text: string): Zone | null => {
    const byC = byCodeKey.get(codeKey(text));
    if (byC && codeKey(text) !== '') return byC;
    const list = names.get(normaliseName(text));
    return list && list.length === 1 ? list[0] : null;
  };
  return { register: { zones, byCode, resolve }, findings };
}

// ---------------------------------------------------------------- reading the 开发区名录 sheet

type RegCol = 'code' | 'name' | 'aliases' | 'level' | 'type' | 'city' | 'province';
const REG_LABELS: Record<string, RegCol> = {
  开发区代码: 'code', 代码: 'code',
  开发区名称: 'name', 名称: 'name',
  '曾用名/简称': 'aliases', 简称: 'aliases', 曾用名: 'aliases', 别名: 'aliases', '简称/曾用名': 'aliases',
  级别: 'level',
  类型: 'type',
  所属市: 'city',
  所属省: 'province',
};

/** Aliases are separated by 、 , ; or ，(the full-width ones are made ASCII by cleanText). */
export function splitAliases(text: string): string[] {
  return cleanText(text)
    .split(/[、,;，；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The register in a sheet, or null when the sheet is not a register (no code + name header in its first 15 rows). */
export function readRegisterSheet(sheet: SheetGrid): { zones: Zone[]; findings: Finding[] } | null {
  const g = gridView(sheet);
  const found = findHeaderRow(g, REG_LABELS, (c) => c.code !== undefined && c.name !== undefined);
  if (!found) {
    if (cleanText(sheet.name).trim() !== REGISTER_SHEET) return null;
    return {
      zones: [],
      findings: [
        finding('error', 'V-REGISTER', { sheet: sheet.name, zone: null, period: null }, {
          zh: `工作表“${sheet.name}”中找不到名录表头(前15行内须有“开发区代码”和“开发区名称”两列)。请按模板补齐表头。`,
          en: `No register header found in sheet "${sheet.name}" (its first 15 rows need a 开发区代码 and a 开发区名称 column). Add the header as in the template.`,
        }),
      ],
    };
  }
  const { row: header, cols } = found;
  const zones: Zone[] = [];
  const findings: Finding[] = [];
  const get = (r: number, k: RegCol): string => (cols[k] === undefined ? '' : g.text(r, cols[k] as number));
  const opt = (r: number, k: RegCol): string | null => get(r, k) || null;
  for (let r = header + 1; r < g.rowCount; r++) {
    if (g.blankRow(r)) continue;
    const code = get(r, 'code').replace(/\s+/g, '');
    const name = get(r, 'name');
    if (!code || !name) {
      const missingCol = code ? (cols.name as number) : (cols.code as number);
      findings.push(
        finding('error', 'V-REGISTER', { sheet: sheet.name, zone: code || name || null, period: null }, {
          zh: `名录第 ${r + 1} 行缺少${code ? '开发区名称' : '开发区代码'}(单元格 ${a1(r, missingCol)})。请补齐,或删除该行。`,
          en: `Register row ${r + 1} has no ${code ? 'zone name' : 'zone code'} (cell ${a1(r, missingCol)}). Fill it in or delete the row.`,
        }, { cell: a1(r, missingCol) }),
      );
      continue;
    }
    zones.push({
      code,
      name,
      aliases: splitAliases(get(r, 'aliases')),
      level: opt(r, 'level'),
      type: opt(r, 'type'),
      city: opt(r, 'city'),
      province: opt(r, 'province'),
    });
  }
  return { zones, findings };
}
