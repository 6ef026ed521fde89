/**
 * What a row of a table of many zones is (template.md §5), from its label: a zone, resolved through
 * the register; a total (全市, 全 市, 合计, 总计, 合计(剔重)…) or a subtotal (小计); another row the
 * total adds up (其他); a district; a row that contains a zone but is not one (大兴区及北京经济技术开发区);
 * a part of the total that is no addend (其中:国家级); or, with a register, a name it does not hold.
 * A row is never taken for a zone unless the register says which zone it is (or, without a register,
 * its name looks like a zone's and nothing else).
 */
import type { Zone, ZoneRef } from '../types';
import { normaliseLabel, normaliseName } from '../cells/normalise';
import type { Register } from './register';

export type RowClass =
  | { kind: 'zone'; zone: ZoneRef; verified: boolean }
  | { kind: 'total' | 'subtotal'; dedup: boolean }
  | { kind: 'other' | 'district' | 'subset' }
  /** contains a zone's name but is not that zone (the zone, when the register knows it) */
  | { kind: 'contains'; zone: Zone | null }
  /** looks like a zone, but the register does not hold it */
  | { kind: 'unknown' };

const TOTAL = /^(?:全市|全省|全区|全县|全州|全盟|合计|总计|总体|全部|全市合计|全市总计|全省合计|全市开发区|全市开发区合计|全市园区合计|开发区合计|园区合计|各开发区合计)(\(?剔重\)?)?$/;
const SUBTOTAL = /^(?:小计|分计)(\(?剔重\)?)?$/;
const OTHER = /^(?:其他|其它|其余)/;
const SUBSET = /^其中/;
// A label joining two areas ("大兴区及北京经济技术开发区"): a combined row, never one zone.
const JOINED = /[及和与、+]/;
const ZONE_WORDS = /(?:开发区|园区|高新区|经开区|保税区|综保区|产业园|工业园|示范区|合作区|试验区|工业区|集聚区|开发园|港区)$/;
const DISTRICT = /(?:区|县|市|旗|镇|乡|街道)$/;

/** The register's names and aliases (normalised), longest first, for finding a zone inside a label. */
const namesOf = new WeakMap<Register, { key: string; zone: Zone }[]>();
function registerNames(register: Register): { key: string; zone: Zone }[] {
  let list = namesOf.get(register);
  if (!list) {
    list = [];
    for (const z of register.zones) {
      for (const n of [z.name, ...z.aliases]) {
        const key = normaliseName(n);
        if (key.length >= 4) list.push({ key, zone: z });
      }
    }
    list.sort((a, b) => b.key.length - a.key.length);
    namesOf.set(register, list);
  }
  return list;
}

export function classifyRow(raw: string, register: Register | null): RowClass {
  const label = normaliseLabel(raw);
  const total = TOTAL.exec(label);
  if (total) return { kind: 'total', dedup: total[1] !== undefined };
  const sub = SUBTOTAL.exec(label);
  if (sub) return { kind: 'subtotal', dedup: sub[1] !== undefined };
  if (OTHER.test(label)) return { kind: 'other' };
  if (SUBSET.test(label)) return { kind: 'subset' };
  if (register) {
    const z = register.resolve(raw);
    if (z) return { kind: 'zone', zone: { code: z.code, name: z.name }, verified: true };
    const key = normaliseName(raw);
    const inside = registerNames(register).find((n) => key.includes(n.key));
    if (inside) return { kind: 'contains', zone: inside.zone };
  }
  if (JOINED.test(label)) return { kind: 'contains', zone: null };
  if (!ZONE_WORDS.test(label) && DISTRICT.test(label)) return { kind: 'district' };
  if (register) return { kind: 'unknown' };
  return { kind: 'zone', zone: { code: raw.trim(), name: raw.trim() }, verified: false };
}
