/**
 * Reading the indicator rows of a report sheet below its header (template.md §1 and §4): each row
 * matched to the catalogue, each figure read with readNumber and converted into the catalogue unit.
 * Nothing is dropped silently: unknown rows, duplicates, text numbers, unreadable cells, units that
 * cannot be converted and conversions made are all findings.
 */
import type { Indicator } from '../config/schema';
import type { Bilingual, Cell, ColumnKey, Finding, GrowthLabel } from '../types';
import type { ParsedRecord } from './types';
import { a1 } from '../a1';
import { normaliseLabel } from '../cells/normalise';
import { readNumber, type NumberRead } from '../cells/read-number';
import { convert, isKnownUnit, normaliseUnit, unitFactor } from '../cells/units';
import { finding, type FindingWhere } from './findings';
import type { GridView } from './grid';
import { rowAsHeader, type HeaderFound } from './header';
import { COLUMN_NAMES } from './labels';
import { matchCode, matchName, type CatalogueIndex } from './catalogue-match';

/** The sheet's default money unit (金额单位). */
export interface SheetUnit {
  unit: string;
  /** written on the sheet (else the default 万元, and money rows use their catalogue unit) */
  stated: boolean;
  cell: string | null;
  /** a unit known to some family; an unknown one was reported once for the sheet */
  known: boolean;
}

const FOOTER = /^(单位负责人|统计负责人|负责人|填表人|填报人|制表人|审核人|联系电话|报出日期|填报日期|注:|注\d*:|说明:)/;
// Column-number rows of statistical forms ("甲 | 乙 | 1 | 2 | 3"): layout, not data.
const COLUMN_NUMBER_ROW = new Set(['甲', '乙', '丙', '丁']);
const FIGURES = ['month', 'ytd', 'base', 'yoy', 'target'] as const;
type Figure = (typeof FIGURES)[number];
// Percent-like units a rate or ratio row may state.
const PERCENT_UNITS = new Set(['%', '百分比', '百分点']);

/**
 * A number format that scales what is shown ("#,##0,," shows 12345678 as 12): the figure the clerk
 * sees is not the one stored, so neither can be trusted to be in the row's unit.
 */
/**
 * Decimals shown in the catalogue unit, from the decimals shown in the cell's own unit: converting
 * 亿元 to 万元 (×10,000) moves the last shown digit 4 places left. Null when unknown, or when the
 * factor is not a power of ten (the shown digit then has no place in the catalogue unit).
 */
export function shownInUnit(decimals: number | null, factor: number): number | null {
  if (decimals === null) return null;
  const places = Math.round(Math.log10(factor));
  // compared at 15 digits: 10 ** -4 is not the double 0.0001 is
  return Number((10 ** places).toPrecision(15)) === factor ? decimals - places : null;
}

export function scalingFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/[\\_*]./g, '');
  return /[0#?],+(?=$|[;%\s)])/.test(bare);
}

// Growth labels of rules.md §2 a template may show in its 同比 cell ("新增(上年为0)" too). "—" is no data.
const GROWTH_LABELS: readonly GrowthLabel[] = ['新增', '扭亏为盈', '由盈转亏', '减亏', '增亏'];

/** The growth label a 同比 cell holds as text, or null. */
export function growthLabelOf(cell: Cell | undefined): GrowthLabel | null {
  if (typeof cell?.v !== 'string') return null;
  const t = normaliseLabel(cell.v).replace(/\((?:上年|去年)(?:同期)?为0\)$/, '');
  return GROWTH_LABELS.find((l) => l === t) ?? null;
}

/**
 * A ratio's 同比 is a change in 百分点, and templates write the word: "1.2个百分点", "-0.5百分点".
 * The word is dropped before reading (the text is still reported as a text number).
 */
export function withoutPointsSuffix(cell: Cell | undefined): Cell | undefined {
  if (!cell || typeof cell.v !== 'string') return cell;
  const m = /^(.*?)\s*个?百分点$/.exec(normaliseLabel(cell.v));
  return m && m[1] !== '' ? { ...cell, v: m[1] } : cell;
}

export function isMoney(ind: Indicator): boolean {
  return unitFactor('元', ind.unit) !== null || unitFactor('美元', ind.unit) !== null;
}

/** Factor from a unit to the indicator's catalogue unit, or null. */
function factorTo(from: string, ind: Indicator): number | null {
  const f = normaliseUnit(from);
  if (ind.unit === '%' && PERCENT_UNITS.has(f)) return 1;
  return unitFactor(f, ind.unit);
}

function unitProblem(from: string, ind: Indicator): Bilingual {
  return isKnownUnit(from)
    ? {
        zh: `单位“${from}”不能换算为指标“${ind.name}”的统一单位“${ind.unit}”(币种或类别不同,不作换算)`,
        en: `the unit "${from}" cannot be converted to ${ind.nameEn}'s unit "${ind.unit}" (a different currency or kind: never converted)`,
      }
    : {
        zh: `单位“${from}”无法识别,不能换算为统一单位“${ind.unit}”`,
        en: `the unit "${from}" is not known and cannot be converted to "${ind.unit}"`,
      };
}

function sameColumns(a: Partial<Record<ColumnKey, number>>, b: Partial<Record<ColumnKey, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as ColumnKey[]);
  return [...keys].every((k) => a[k] === b[k]);
}

export interface RowsResult {
  records: ParsedRecord[];
  findings: Finding[];
}

export function readRows(
  g: GridView,
  header: HeaderFound,
  idx: CatalogueIndex,
  sheetUnit: SheetUnit,
  where: FindingWhere,
): RowsResult {
  const cols = header.columns;
  const records: ParsedRecord[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const sheetConversions = new Set<string>();
  const add = (f: Finding) => findings.push(f);

  for (let r = header.row + 1; r < g.rowCount; r++) {
    if (g.blankRow(r)) continue;
    let firstCol = 0;
    while (firstCol < g.width(r) && g.text(r, firstCol) === '') firstCol++;
    const firstText = normaliseLabel(g.text(r, firstCol));
    if (FOOTER.test(firstText)) break;

    // A header repeated below (a printed page break) is skipped; a second table with another layout
    // would be read with the wrong columns, so reading stops there, and says so.
    const again = rowAsHeader(g, r);
    if (again) {
      if (sameColumns(again.columns, cols)) continue;
      add(
        finding('error', 'V-LAYOUT', where, {
          zh: `第 ${r + 1} 行(单元格 ${a1(r, again.columns.name as number)})是另一张表的表头,列的排列与第 ${header.row + 1} 行的表头不同;从这一行起未读取。请把第二张表移到单独的工作表。`,
          en: `Row ${r + 1} (cell ${a1(r, again.columns.name as number)}) is the header of another table whose columns differ from the header in row ${header.row + 1}; nothing from this row on was read. Move the second table to a sheet of its own.`,
        }, { cell: a1(r, again.columns.name as number) }),
      );
      break;
    }

    const nameCol = cols.name as number;
    const nameText = g.text(r, nameCol);
    if (COLUMN_NUMBER_ROW.has(normaliseLabel(nameText))) continue;

    const byCode = cols.code !== undefined ? matchCode(idx, g.cell(r, cols.code)) : null;
    const ind = byCode ?? matchName(idx, nameText);
    const nameCell = a1(r, nameCol);
    if (!ind) {
      const cell = nameText !== '' ? nameCell : a1(r, firstCol);
      const shown = nameText !== '' ? nameText : g.text(r, firstCol);
      add(
        finding('info', 'V-UNKNOWN-ROW', where, {
          zh: `第 ${r + 1} 行“${shown}”(单元格 ${cell})不是指标目录中的指标,未读取。若它是目录中的指标,请按目录填写名称或代码。`,
          en: `Row ${r + 1} "${shown}" (cell ${cell}) names no catalogue indicator and was not read. If it is one, write its name or code as in the catalogue.`,
        }, { cell, value: shown }),
      );
      continue;
    }
    if (byCode) {
      // Loosely: the name is only questioned when it names another catalogue indicator exactly
      // (code 17 出口额 on a row named 进出口总额), not for local wording.
      const other = matchName(idx, nameText);
      if (other && other.code !== ind.code) {
        add(
          finding('error', 'V-LAYOUT', where, {
            zh: `第 ${r + 1} 行代码 ${ind.code}(单元格 ${a1(r, cols.code as number)},${ind.name})与名称“${nameText}”(指标 ${other.code})不一致,本行按代码读作 ${ind.code}。请改正代码或名称。`,
            en: `Row ${r + 1}: code ${ind.code} (cell ${a1(r, cols.code as number)}, ${ind.nameEn}) does not match the name "${nameText}" (indicator ${other.code}); the row is read by its code as ${ind.code}. Correct the code or the name.`,
          }, { cell: a1(r, cols.code as number), indicator: ind.code, value: nameText, expected: ind.name }),
        );
      }
    }
    const firstRow = seen.get(ind.code);
    if (firstRow !== undefined) {
      add(
        finding('error', 'V-DUP', where, {
          zh: `指标“${ind.name}”在本表出现两次(第 ${firstRow + 1} 行和第 ${r + 1} 行),第 ${r + 1} 行(单元格 ${nameCell})未使用。请删除重复的一行。`,
          en: `Indicator ${ind.code} (${ind.nameEn}) appears twice in this sheet (rows ${firstRow + 1} and ${r + 1}); row ${r + 1} (cell ${nameCell}) is not used. Delete the duplicate row.`,
        }, { cell: nameCell, indicator: ind.code, value: nameText }),
      );
      continue;
    }
    seen.set(ind.code, r);
    records.push(readRecord(r, ind));
  }
  return { records, findings };

  function readRecord(r: number, ind: Indicator): ParsedRecord {
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [k, c] of Object.entries(cols) as [ColumnKey, number][]) cells[k] = a1(r, c);
    const note = cols.note !== undefined ? g.text(r, cols.note) || null : null;
    const explained = note !== null;
    const formulaCols: ColumnKey[] = [];
    const invalidCols: ColumnKey[] = [];
    const values: Record<Figure, number | null> = { month: null, ytd: null, base: null, yoy: null, target: null };
    let yoyLabel: GrowthLabel | null = null;
    const shown: NonNullable<ParsedRecord['shown']> = {};

    // The row's unit: its own unit cell wins; else the sheet's 金额单位 for money rows; else the catalogue's.
    const unitText = cols.unit !== undefined ? g.text(r, cols.unit) : '';
    let rowUnit = ind.unit;
    let source: 'row' | 'sheet' | 'catalogue' = 'catalogue';
    if (unitText !== '') {
      rowUnit = normaliseUnit(unitText);
      source = 'row';
    } else if (isMoney(ind) && sheetUnit.stated) {
      rowUnit = sheetUnit.unit;
      source = 'sheet';
    }
    const rowFactor = source === 'sheet' && !sheetUnit.known ? null : factorTo(rowUnit, ind);
    const unitCell = source === 'row' ? a1(r, cols.unit as number) : source === 'sheet' ? sheetUnit.cell : null;

    const hasAmount = FIGURES.some((k) => k !== 'yoy' && cols[k] !== undefined && readNumber(g.cell(r, cols[k] as number), { percent: true }).kind !== 'nodata');
    if (rowFactor === null) {
      // Reported once per sheet when the 金额单位 itself is unknown; otherwise here, for this row.
      if (!(source === 'sheet' && !sheetUnit.known) && hasAmount) {
        const why = unitProblem(rowUnit, ind);
        add(
          finding('error', 'V-UNIT', where, {
            zh: `第 ${r + 1} 行“${ind.name}”${unitCell ? `(单元格 ${unitCell})` : ''}:${why.zh},本行数值未使用。请按统一单位“${ind.unit}”填报,或改正计量单位。`,
            en: `Row ${r + 1}, ${ind.nameEn}${unitCell ? ` (cell ${unitCell})` : ''}: ${why.en}; the row's figures are not used. Report it in "${ind.unit}" or correct the unit.`,
          }, { cell: unitCell ?? cells.ytd ?? null, indicator: ind.code, value: rowUnit, expected: ind.unit }),
        );
      }
    } else if (rowFactor !== 1 && source === 'row') {
      add(conversionInfo(unitCell as string, rowUnit, ind, rowFactor, r));
    } else if (rowFactor !== 1 && source === 'sheet') {
      const key = rowUnit + '→' + ind.unit;
      if (!sheetConversions.has(key)) {
        sheetConversions.add(key);
        add(
          finding('info', 'V-UNITCONV', where, {
            zh: `金额单位为“${rowUnit}”(单元格 ${sheetUnit.cell}):未写计量单位的金额行已按${ind.unit}换算,系数 ${rowFactor}。`,
            en: `The sheet's amount unit is "${rowUnit}" (cell ${sheetUnit.cell}): money rows without their own unit were converted to ${ind.unit}, factor ${rowFactor}.`,
          }, { cell: sheetUnit.cell, value: rowUnit, expected: ind.unit }),
        );
      }
    }

    for (const k of FIGURES) {
      const c = cols[k];
      if (c === undefined) continue;
      const cell = g.cell(r, c);
      const addr = a1(r, c);
      if (cell?.f !== undefined) formulaCols.push(k);
      const percent = k === 'yoy' || ind.kind === 'rate' || ind.kind === 'ratio';
      if (k === 'yoy') {
        const label = growthLabelOf(cell);
        if (label !== null) {
          yoyLabel = label;
          continue;
        }
      }
      const read = readNumber(k === 'yoy' && ind.kind === 'ratio' ? withoutPointsSuffix(cell) : cell, { percent });
      if (read.kind === 'nodata') continue;
      if (read.kind === 'invalid') {
        invalidCols.push(k);
        add(typeError(read, addr, ind, k));
        continue;
      }
      if (!read.fromText && scalingFormat(cell?.fmt)) {
        invalidCols.push(k);
        add(
          finding('error', 'V-UNIT', where, {
            zh: `单元格 ${addr}(${ind.name},${COLUMN_NAMES[k].zh})的数字格式“${cell?.fmt}”按千或百万缩放显示,显示的数与存储的数 ${read.value} 不同,无法确定单位,该值未使用。请改用普通数字格式,按“${ind.unit}”填写。`,
            en: `Cell ${addr} (${ind.nameEn}, ${COLUMN_NAMES[k].en}) has the number format "${cell?.fmt}", which scales the display by thousands or millions: what is shown differs from the stored ${read.value}, so the unit is uncertain and the value is not used. Use a plain number format and write the figure in "${ind.unit}".`,
          }, { cell: addr, indicator: ind.code, value: read.value }),
        );
        continue;
      }
      if (read.fromText) {
        add(
          finding('warning', 'V-TEXTNUM', where, {
            zh: `单元格 ${addr}(${ind.name},${COLUMN_NAMES[k].zh})是文本型数字,已按 ${read.value} 读取。请把单元格改为数值格式并重新输入数字。`,
            en: `Cell ${addr} (${ind.nameEn}, ${COLUMN_NAMES[k].en}) holds a number stored as text, read as ${read.value}. Format the cell as a number and type the figure again.`,
          }, { cell: addr, indicator: ind.code, value: read.value, explained }),
        );
      }
      if (k === 'yoy') {
        if (read.unit !== null) {
          invalidCols.push(k);
          add(
            finding('error', 'V-UNIT', where, {
              zh: `单元格 ${addr}(${ind.name},同比)写有单位“${read.unit}”,同比应为百分数。请只填写百分数。`,
              en: `Cell ${addr} (${ind.nameEn}, year-on-year) carries the unit "${read.unit}"; growth is a percentage. Write the percentage only.`,
            }, { cell: addr, indicator: ind.code, value: read.unit }),
          );
          continue;
        }
        values.yoy = read.value;
        continue;
      }
      if (rowFactor === null) {
        invalidCols.push(k);
        continue;
      }
      let factor = rowFactor;
      if (read.unit !== null && normaliseUnit(read.unit) !== normaliseUnit(rowUnit)) {
        // A unit written in the cell (or only in its number format) wins over the row's unit.
        const f = factorTo(read.unit, ind);
        if (f === null) {
          invalidCols.push(k);
          const why = unitProblem(read.unit, ind);
          add(
            finding('error', 'V-UNIT', where, {
              zh: `单元格 ${addr}(${ind.name}):${why.zh},该值未使用。请按“${ind.unit}”填写数字。`,
              en: `Cell ${addr} (${ind.nameEn}): ${why.en}; the value is not used. Write the figure in "${ind.unit}".`,
            }, { cell: addr, indicator: ind.code, value: read.unit, expected: ind.unit }),
          );
          continue;
        }
        factor = f;
        add(conversionInfo(addr, read.unit, ind, f, r));
      }
      const converted = convert(read.value, factor);
      if (!Number.isFinite(converted)) {
        // Only a nonsense magnitude overflows a conversion; it must not become Infinity.
        invalidCols.push(k);
        add(typeError({ kind: 'invalid', reason: 'text', text: String(read.value) }, addr, ind, k));
        continue;
      }
      values[k] = converted;
      const shownHere = shownInUnit(read.shown, factor);
      if (shownHere !== null) shown[k] = shownHere;
    }
    checkRateYoy(r, ind, values, cells);
    return {
      indicator: ind.code,
      row: r,
      unit: ind.unit,
      ...values,
      note,
      cells,
      formulaCols,
      invalidCols,
      yoyLabel,
      ...(Object.keys(shown).length > 0 ? { shown } : {}),
    };
  }

  function conversionInfo(cell: string, from: string, ind: Indicator, factor: number, r: number): Finding {
    return finding('info', 'V-UNITCONV', where, {
      zh: `第 ${r + 1} 行“${ind.name}”(单元格 ${cell})单位为“${from}”,已按${ind.unit}换算,系数 ${factor}。`,
      en: `Row ${r + 1}, ${ind.nameEn} (cell ${cell}): the unit is "${from}"; converted to ${ind.unit}, factor ${factor}.`,
    }, { cell, indicator: ind.code, value: from, expected: ind.unit });
  }

  function typeError(read: Extract<NumberRead, { kind: 'invalid' }>, addr: string, ind: Indicator, k: ColumnKey): Finding {
    const what = `${addr}(${ind.name},${COLUMN_NAMES[k].zh})`;
    const whatEn = `${addr} (${ind.nameEn}, ${COLUMN_NAMES[k].en})`;
    const m: Bilingual =
      read.reason === 'formulaError'
        ? {
            zh: `单元格 ${what}的公式结果是错误值 ${read.text}。请修正公式(例如除数为0、引用已删除的单元格)后重新计算。`,
            en: `Cell ${whatEn}: the formula gives the error ${read.text}. Fix the formula (a division by zero, a deleted reference…) and recalculate.`,
          }
        : read.reason === 'noResult'
          ? {
              zh: `单元格 ${what}的公式${read.text ? `“${read.text}”` : ''}没有计算结果(文件保存前从未计算过),无法读取。请在 Excel 中重新计算(F9)并保存后再核查。`,
              en: `Cell ${whatEn}: the formula${read.text ? ` "${read.text}"` : ''} was never calculated (the file was saved without results), so it cannot be read. Recalculate in Excel (F9), save, and check again.`,
            }
          : read.reason === 'date'
            ? {
                zh: `单元格 ${what}是日期“${read.text}”,不是数字。Excel 可能把输入自动转成了日期:请把单元格格式设为数值后重新填写。`,
                en: `Cell ${whatEn} holds the date "${read.text}", not a number. Excel may have turned the entry into a date: format the cell as a number and type the figure again.`,
              }
            : read.reason === 'boolean'
              ? {
                  zh: `单元格 ${what}是逻辑值 ${read.text},不是数字。请填写数字;无数据请留空或填“—”。`,
                  en: `Cell ${whatEn} holds the logical value ${read.text}, not a number. Write a number; for no data leave it blank or write "—".`,
                }
              : {
                  zh: `单元格 ${what}的内容“${read.text}”不是数字。请填写数字;无数据请留空或填“—”。`,
                  en: `Cell ${whatEn} holds "${read.text}", which is not a number. Write a number; for no data leave it blank or write "—".`,
                };
    return finding('error', 'V-TYPE', where, m, { cell: addr, indicator: ind.code, value: read.text });
  }

  /**
   * A rate (增加值增速) belongs in the 1-本月累计 column and its 同比 cell stays empty. A rate typed
   * only in the 同比 column would otherwise be lost without a word; two different figures are a
   * contradiction. Either is a layout error of the row. (The spec says where the rate goes but not
   * what to do otherwise: decided here.)
   */
  function checkRateYoy(r: number, ind: Indicator, v: Record<Figure, number | null>, cells: Partial<Record<ColumnKey, string>>): void {
    if (ind.kind !== 'rate' || v.yoy === null) return;
    if (v.ytd !== null && v.ytd === v.yoy) return;
    add(
      finding('error', 'V-LAYOUT', where, {
        zh:
          v.ytd === null
            ? `第 ${r + 1} 行“${ind.name}”(单元格 ${cells.yoy})是增速指标,应填在“1-本月累计”列,同比列应为空。请把 ${v.yoy} 移到累计列。`
            : `第 ${r + 1} 行“${ind.name}”(单元格 ${cells.yoy})是增速指标,累计列为 ${v.ytd},同比列却为 ${v.yoy}。增速只填在“1-本月累计”列,请清空同比列。`,
        en:
          v.ytd === null
            ? `Row ${r + 1}, ${ind.nameEn} (cell ${cells.yoy}) is a growth rate: it goes in the year-to-date column and the year-on-year cell stays empty. Move ${v.yoy} to the year-to-date column.`
            : `Row ${r + 1}, ${ind.nameEn} (cell ${cells.yoy}) is a growth rate: the year-to-date column says ${v.ytd} but the year-on-year column ${v.yoy}. Write the rate in the year-to-date column only and clear the other.`,
      }, { cell: cells.yoy ?? null, indicator: ind.code, value: v.yoy, expected: v.ytd }),
    );
  }
}
