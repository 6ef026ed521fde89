/**
 * The zone, period and 金额单位 of a report sheet, from the lines above its table (meta.ts), the sheet
 * name and the header's dated cumulative label (template.md §1): resolved against the register and
 * checked against each other, with the findings they give.
 */
import type { Finding } from '../types';
import { isKnownUnit, normaliseUnit, unitList } from '../cells/units';
import { isMoneyUnit } from './row-unit';
import { finding, type FindingWhere } from './findings';
import type { GridView } from './grid';
import type { HeaderFound } from './header';
import type { Meta } from './meta';
import { periodKey, stripPeriod } from './period';
import type { Register } from './register';
import { resolvePeriod } from './resolve-period';
import type { SheetUnit } from './row-unit';
import { resolveZone, type ZoneResolution } from './zone';
import type { Period } from '../types';

export const DEFAULT_AMOUNT_UNIT = '万元';

export interface SheetIdentity {
  zone: ZoneResolution;
  /** the zone text read (or the sheet name), and its cell */
  zoneText: string | null;
  zoneCell: string | null;
  period: Period | null;
  where: FindingWhere;
  /** V-ZONE and V-PERIOD findings, to report once the sheet is known to be readable */
  problems: Finding[];
}

/**
 * Zone: a zone's name merged over the value columns (template.md §5), else the value after 填报单位 /
 * 开发区名称 / 单位名称, else the sheet name without any period in it (a sheet named "9月" names no
 * zone). Period: 统计期, sheet name, the dated 1-N月 label, the fallback year; a quarter on a quarter form.
 */
export function sheetIdentity(g: GridView, sheetName: string, meta: Meta, header: HeaderFound | null, register: Register | null, fallbackYear: number | null): SheetIdentity {
  const nameRest = stripPeriod(sheetName);
  const group = header && header.groups.length === 1 ? header.groups[0] : null;
  const fromMeta = meta.zone ? { text: meta.zone.text, cell: meta.zone.cell } : null;
  const zoneName = group ? { text: group.text, cell: g.addr(group.row, group.col) } : fromMeta ?? (nameRest !== '' ? { text: nameRest, cell: null } : null);
  const zone = resolveZone({ name: zoneName, code: meta.code ? { text: meta.code.text, cell: meta.code.cell } : null }, register, sheetName);
  if (group && fromMeta && register && zone.zone) {
    // The figures are the zone over them; a 填报单位 that names another zone of the register contradicts it.
    const other = resolveZone({ name: fromMeta, code: null }, register, sheetName).zone;
    if (other && other.code !== zone.zone.code) {
      zone.problems.push({
        cell: fromMeta.cell,
        value: fromMeta.text,
        message: {
          zh: `填报单位“${fromMeta.text}”(单元格 ${fromMeta.cell},${other.code})与数值列上方的开发区“${group.text}”(单元格 ${zoneName?.cell},${zone.zone.code})不是同一开发区。本表按列标题读作 ${zone.zone.code};请改正其中一个。`,
          en: `The reporting unit "${fromMeta.text}" (cell ${fromMeta.cell}, ${other.code}) is not the zone "${group.text}" named over the value columns (cell ${zoneName?.cell}, ${zone.zone.code}). The sheet is read as ${zone.zone.code}, by the column label; correct one of them.`,
        },
      });
    }
  }
  const ytdMonth =
    header && header.ytdMonth !== null
      ? {
          n: header.ytdMonth,
          year: header.ytdYear,
          cell: g.addr(header.labelRow.ytd ?? header.row, header.columns.ytd as number),
          text: g.text(header.labelRow.ytd ?? header.row, header.columns.ytd as number),
        }
      : null;
  const quarterForm = header !== null && header.columns.quarter !== undefined;
  const per = resolvePeriod({ declared: meta.period ?? null, sheetName, ytdMonth, fallbackYear, quarterForm });
  const where: FindingWhere = { sheet: sheetName, zone: zone.label, period: per.period ? periodKey(per.period) : null };
  const problems: Finding[] = [];
  for (const p of zone.problems) problems.push(finding('error', 'V-ZONE', where, p.message, { cell: p.cell, value: p.value }));
  for (const p of per.problems) problems.push(finding('error', 'V-PERIOD', where, p.message, { cell: p.cell, value: p.value }));
  return {
    zone,
    zoneText: zoneName?.text ?? meta.code?.text ?? null,
    zoneCell: zoneName?.cell ?? meta.code?.cell ?? null,
    period: per.period,
    where,
    problems,
  };
}

/**
 * 金额单位: the default 万元 when absent (and nothing said); an unknown one is one V-UNIT for the sheet.
 * A line of units ("亿元、%") states the money unit(s) and the percentages of rates and ratios.
 */
export function sheetUnitOf(meta: Meta, where: FindingWhere, findings: Finding[]): SheetUnit {
  if (!meta.unit) return { unit: DEFAULT_AMOUNT_UNIT, stated: false, cell: null, known: true };
  const list = unitList(meta.unit.text);
  if (list !== null && list.length > 1) {
    const money = list.filter(isMoneyUnit);
    return { unit: money[0] ?? list[0], units: money, stated: money.length > 0, cell: meta.unit.cell, known: true };
  }
  const u = normaliseUnit(meta.unit.text);
  const known = isKnownUnit(u);
  if (!known) {
    findings.push(
      finding('error', 'V-UNIT', where, {
        zh: `金额单位“${meta.unit.text}”(单元格 ${meta.unit.cell})无法识别,未写计量单位的金额行没有读取。请写成元、千元、万元、亿元(或美元、万美元)。`,
        en: `The amount unit "${meta.unit.text}" (cell ${meta.unit.cell}) is not known, so money rows without their own unit were not read. Write 元, 千元, 万元 or 亿元 (or 美元, 万美元).`,
      }, { cell: meta.unit.cell, value: meta.unit.text }),
    );
  }
  return { unit: u, stated: true, cell: meta.unit.cell, known };
}
