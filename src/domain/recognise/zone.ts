/**
 * Which zone a report sheet is for (template.md §1): the 开发区代码 and the zone name read above the
 * header (else the sheet name), resolved against the register by code first, then by name or alias.
 * Never guesses: an unknown, ambiguous or contradictory zone is a V-ZONE error.
 */
import type { Bilingual, Zone, ZoneRef } from '../types';
import { normaliseName } from '../cells/normalise';
import type { Register } from './register';
import { codeKey } from './register';

export interface ZoneInput {
  /** the zone name as read, and where (null cell: taken from the sheet name) */
  name: { text: string; cell: string | null } | null;
  code: { text: string; cell: string } | null;
}

export interface ZoneProblem {
  cell: string | null;
  value: string | null;
  message: Bilingual;
}

export interface ZoneResolution {
  zone: ZoneRef | null;
  /** the text to name the zone by in findings: the resolved code, else what was read */
  label: string | null;
  problems: ZoneProblem[];
}

const ref = (z: Zone): ZoneRef => ({ code: z.code, name: z.name });

interface ZoneIndex {
  /** normalised name or alias → the zones it names, in register order */
  names: Map<string, Zone[]>;
  /** code key → the first zone with that code */
  codes: Map<string, Zone>;
}

// Built once per register: every report sheet resolves its zone, and scanning (and re-normalising)
// the whole register per sheet made a check of n zones O(n²) (5,000 zones: most of the check time).
const indexes = new WeakMap<Register, ZoneIndex>();

function indexOf(register: Register): ZoneIndex {
  let ix = indexes.get(register);
  if (!ix) {
    ix = { names: new Map(), codes: new Map() };
    for (const z of register.zones) {
      for (const k of new Set([normaliseName(z.name), ...z.aliases.map(normaliseName)])) {
        const list = ix.names.get(k);
        if (list) list.push(z);
        else ix.names.set(k, [z]);
      }
      const c = codeKey(z.code);
      if (!ix.codes.has(c)) ix.codes.set(c, z);
    }
    indexes.set(register, ix);
  }
  return ix;
}

function namesOf(register: Register, text: string): Zone[] {
  return [...(indexOf(register).names.get(normaliseName(text)) ?? [])];
}

export function resolveZone(input: ZoneInput, register: Register | null, sheet: string): ZoneResolution {
  const { name, code } = input;
  if (!name && !code) {
    return {
      zone: null,
      label: null,
      problems: [{
        cell: null,
        value: null,
        message: {
          zh: `工作表“${sheet}”没有写明开发区:表头上方找不到“填报单位”或“开发区代码”,工作表名也不是开发区名称。请在表头上方填写“填报单位:开发区名称”。`,
          en: `Sheet "${sheet}" does not say which zone it is for: there is no 填报单位 (reporting unit) or 开发区代码 (zone code) above the header, and the sheet name is not a zone. Write "填报单位:<zone name>" above the header.`,
        },
      }],
    };
  }
  if (!register) {
    // Without a register the zone is what the sheet says; the orchestrator lists the checks skipped.
    const codeText = code?.text ?? (name as { text: string }).text;
    return { zone: { code: codeText, name: name?.text ?? codeText }, label: codeText, problems: [] };
  }
  const where = (cell: string | null): { zh: string; en: string } =>
    cell ? { zh: `(单元格 ${cell})`, en: ` (cell ${cell})` } : { zh: '(取自工作表名)', en: ' (taken from the sheet name)' };

  const byCode = code ? indexOf(register).codes.get(codeKey(code.text)) ?? null : null;
  const byName = name ? namesOf(register, name.text) : [];
  const problems: ZoneProblem[] = [];

  if (byCode) {
    // Checked only for a name written in a cell: a sheet name left over from a copied sheet names
    // nothing the clerk declared.
    const other = byName.length === 1 && byName[0] !== byCode ? byName[0] : null;
    if (other && name && name.cell !== null) {
      problems.push({
        cell: name.cell,
        value: name.text,
        message: {
          zh: `开发区代码 ${code?.text}(${byCode.name})与填报单位“${name.text}”${where(name.cell).zh}不一致,后者在名录中的代码是 ${other.code}。请核对后改正其中一个。`,
          en: `Zone code ${code?.text} (${byCode.name}) does not match the reporting unit "${name.text}"${where(name.cell).en}, which is ${other.code} in the register. Check and correct one of them.`,
        },
      });
    }
    return { zone: ref(byCode), label: byCode.code, problems };
  }

  if (code) {
    const hint = byName.length === 1 ? byName[0] : null;
    problems.push({
      cell: code.cell,
      value: code.text,
      message: hint
        ? {
            zh: `开发区代码“${code.text}”(单元格 ${code.cell})不在开发区名录中;按名称“${name?.text}”识别为 ${hint.code} ${hint.name}。请把代码改为 ${hint.code}。`,
            en: `Zone code "${code.text}" (cell ${code.cell}) is not in the register; by its name "${name?.text}" the zone is ${hint.code} ${hint.name}. Change the code to ${hint.code}.`,
          }
        : {
            zh: `开发区代码“${code.text}”(单元格 ${code.cell})不在开发区名录中。请按名录填写代码,或请主管部门把该开发区加入名录。`,
            en: `Zone code "${code.text}" (cell ${code.cell}) is not in the zone register. Use the code from the register, or ask the bureau to add the zone to it.`,
          },
    });
    return { zone: hint ? ref(hint) : null, label: hint ? hint.code : code.text, problems };
  }

  const n = name as { text: string; cell: string | null };
  if (byName.length === 1) return { zone: ref(byName[0]), label: byName[0].code, problems };
  problems.push({
    cell: n.cell,
    value: n.text,
    message:
      byName.length > 1
        ? {
            zh: `开发区名称“${n.text}”${where(n.cell).zh}在名录中对应多个开发区(${byName.map((z) => z.code).join('、')})。请填写“开发区代码”以区分。`,
            en: `The zone name "${n.text}"${where(n.cell).en} names several zones in the register (${byName.map((z) => z.code).join(', ')}). Add the 开发区代码 (zone code) to tell them apart.`,
          }
        : {
            zh: `开发区“${n.text}”${where(n.cell).zh}不在开发区名录中。请按名录填写规范名称或开发区代码,或请主管部门把该开发区加入名录。`,
            en: `The zone "${n.text}"${where(n.cell).en} is not in the zone register. Write its official name or code as in the register, or ask the bureau to add it.`,
          },
  });
  return { zone: null, label: n.text, problems };
}
