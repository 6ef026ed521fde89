/**
 * The findings recognition makes about rows and cells, worded once (Chinese and English) so that
 * every layout — one zone per sheet, many zones in one table, a transposed sheet — says the same
 * thing the same way. `line` names the row as the layout does ("第 4 行" / "Row 4").
 */
import type { Indicator } from '../config/schema';
import type { Bilingual, ColumnKey, Finding } from '../types';
import type { NumberRead } from '../cells/read-number';
import { isKnownUnit } from '../cells/units';
import { finding, type FindingWhere } from './findings';
import { COLUMN_NAMES } from './labels';

export type Line = { zh: string; en: string };

export function unitProblem(from: string, ind: Indicator): Bilingual {
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

/** A row's unit that cannot be converted: the row's figures are not used. */
export function rowUnitError(where: FindingWhere, line: Line, ind: Indicator, unit: string, unitCell: string | null, ytdCell: string | null): Finding {
  const why = unitProblem(unit, ind);
  return finding('error', 'V-UNIT', where, {
    zh: `${line.zh}“${ind.name}”${unitCell ? `(单元格 ${unitCell})` : ''}:${why.zh},本行数值未使用。请按统一单位“${ind.unit}”填报,或改正计量单位。`,
    en: `${line.en}, ${ind.nameEn}${unitCell ? ` (cell ${unitCell})` : ''}: ${why.en}; the row's figures are not used. Report it in "${ind.unit}" or correct the unit.`,
  }, { cell: unitCell ?? ytdCell, indicator: ind.code, value: unit, expected: ind.unit });
}

/** A unit converted for one row (a unit cell) or one cell (a unit typed in it). */
export function conversionInfo(where: FindingWhere, line: Line, cell: string, from: string, ind: Indicator, factor: number): Finding {
  return finding('info', 'V-UNITCONV', where, {
    zh: `${line.zh}“${ind.name}”(单元格 ${cell})单位为“${from}”,已按${ind.unit}换算,系数 ${factor}。`,
    en: `${line.en}, ${ind.nameEn} (cell ${cell}): the unit is "${from}"; converted to ${ind.unit}, factor ${factor}.`,
  }, { cell, indicator: ind.code, value: from, expected: ind.unit });
}

/** The sheet's 金额单位 converted for the money rows without a unit of their own (said once). */
export function sheetConversionInfo(where: FindingWhere, unit: string, unitCell: string | null, ind: Indicator, factor: number): Finding {
  return finding('info', 'V-UNITCONV', where, {
    zh: `金额单位为“${unit}”(单元格 ${unitCell}):未写计量单位的金额行已按${ind.unit}换算,系数 ${factor}。`,
    en: `The sheet's amount unit is "${unit}" (cell ${unitCell}): money rows without their own unit were converted to ${ind.unit}, factor ${factor}.`,
  }, { cell: unitCell, value: unit, expected: ind.unit });
}

/** A column label's unit ("累计(亿元)") converted for the money rows without a unit of their own (said once a column). */
export function columnConversionInfo(where: FindingWhere, unit: string, headerCell: string, ind: Indicator, factor: number): Finding {
  return finding('info', 'V-UNITCONV', where, {
    zh: `列标题(单元格 ${headerCell})的单位为“${unit}”:该列未写计量单位的金额行已按${ind.unit}换算,系数 ${factor}。`,
    en: `The column label (cell ${headerCell}) gives the unit "${unit}": money rows of that column without their own unit were converted to ${ind.unit}, factor ${factor}.`,
  }, { cell: headerCell, value: unit, expected: ind.unit });
}

/** A unit cell and a unit in the indicator's name that say two different things: neither is guessed. */
export function unitConflictError(where: FindingWhere, line: Line, ind: Indicator, unit: string, unitCell: string | null, nameUnit: string): Finding {
  return finding('error', 'V-UNIT', where, {
    zh: `${line.zh}“${ind.name}”的计量单位“${unit}”${unitCell ? `(单元格 ${unitCell})` : ''}与指标名称中的单位“${nameUnit}”不一致,本行数值未使用。请删去其中一个或改为一致。`,
    en: `${line.en}, ${ind.nameEn}: the unit "${unit}"${unitCell ? ` (cell ${unitCell})` : ''} contradicts the unit "${nameUnit}" in the indicator's name; the row's figures are not used. Remove one of them or make them agree.`,
  }, { cell: unitCell, indicator: ind.code, value: unit, expected: nameUnit });
}

/** A unit typed in a cell (or only in its number format) that cannot be converted. */
export function cellUnitError(where: FindingWhere, addr: string, unit: string, ind: Indicator): Finding {
  const why = unitProblem(unit, ind);
  return finding('error', 'V-UNIT', where, {
    zh: `单元格 ${addr}(${ind.name}):${why.zh},该值未使用。请按“${ind.unit}”填写数字。`,
    en: `Cell ${addr} (${ind.nameEn}): ${why.en}; the value is not used. Write the figure in "${ind.unit}".`,
  }, { cell: addr, indicator: ind.code, value: unit, expected: ind.unit });
}

export function scalingFormatError(where: FindingWhere, addr: string, ind: Indicator, k: ColumnKey, fmt: string | undefined, value: number): Finding {
  return finding('error', 'V-UNIT', where, {
    zh: `单元格 ${addr}(${ind.name},${COLUMN_NAMES[k].zh})的数字格式“${fmt}”按千或百万缩放显示,显示的数与存储的数 ${value} 不同,无法确定单位,该值未使用。请改用普通数字格式,按“${ind.unit}”填写。`,
    en: `Cell ${addr} (${ind.nameEn}, ${COLUMN_NAMES[k].en}) has the number format "${fmt}", which scales the display by thousands or millions: what is shown differs from the stored ${value}, so the unit is uncertain and the value is not used. Use a plain number format and write the figure in "${ind.unit}".`,
  }, { cell: addr, indicator: ind.code, value });
}

export function textNumberWarning(where: FindingWhere, addr: string, ind: Indicator, k: ColumnKey, value: number, explained: boolean): Finding {
  return finding('warning', 'V-TEXTNUM', where, {
    zh: `单元格 ${addr}(${ind.name},${COLUMN_NAMES[k].zh})是文本型数字,已按 ${value} 读取。请把单元格改为数值格式并重新输入数字。`,
    en: `Cell ${addr} (${ind.nameEn}, ${COLUMN_NAMES[k].en}) holds a number stored as text, read as ${value}. Format the cell as a number and type the figure again.`,
  }, { cell: addr, indicator: ind.code, value, explained });
}

export function growthUnitError(where: FindingWhere, addr: string, ind: Indicator, unit: string): Finding {
  return finding('error', 'V-UNIT', where, {
    zh: `单元格 ${addr}(${ind.name},同比)写有单位“${unit}”,同比应为百分数。请只填写百分数。`,
    en: `Cell ${addr} (${ind.nameEn}, year-on-year) carries the unit "${unit}"; growth is a percentage. Write the percentage only.`,
  }, { cell: addr, indicator: ind.code, value: unit });
}

export function typeError(where: FindingWhere, read: Extract<NumberRead, { kind: 'invalid' }>, addr: string, ind: Indicator, k: ColumnKey): Finding {
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
export function rateInGrowthError(where: FindingWhere, line: Line, ind: Indicator, ytd: number | null, yoy: number, yoyCell: string | undefined): Finding {
  return finding('error', 'V-LAYOUT', where, {
    zh:
      ytd === null
        ? `${line.zh}“${ind.name}”(单元格 ${yoyCell})是增速指标,应填在“1-本月累计”列,同比列应为空。请把 ${yoy} 移到累计列。`
        : `${line.zh}“${ind.name}”(单元格 ${yoyCell})是增速指标,累计列为 ${ytd},同比列却为 ${yoy}。增速只填在“1-本月累计”列,请清空同比列。`,
    en:
      ytd === null
        ? `${line.en}, ${ind.nameEn} (cell ${yoyCell}) is a growth rate: it goes in the year-to-date column and the year-on-year cell stays empty. Move ${yoy} to the year-to-date column.`
        : `${line.en}, ${ind.nameEn} (cell ${yoyCell}) is a growth rate: the year-to-date column says ${ytd} but the year-on-year column ${yoy}. Write the rate in the year-to-date column only and clear the other.`,
  }, { cell: yoyCell ?? null, indicator: ind.code, value: yoy, expected: ytd });
}

export function unknownRowInfo(where: FindingWhere, line: Line, cell: string, shown: string): Finding {
  return finding('info', 'V-UNKNOWN-ROW', where, {
    zh: `${line.zh}“${shown}”(单元格 ${cell})不是指标目录中的指标,未读取。若它是目录中的指标,请按目录填写名称或代码。`,
    en: `${line.en} "${shown}" (cell ${cell}) names no catalogue indicator and was not read. If it is one, write its name or code as in the catalogue.`,
  }, { cell, value: shown });
}

/** A code naming one indicator on a row whose name is another catalogue indicator exactly. */
export function codeNameConflict(where: FindingWhere, line: Line, ind: Indicator, codeCell: string, name: string, other: Indicator): Finding {
  return finding('error', 'V-LAYOUT', where, {
    zh: `${line.zh}代码 ${ind.code}(单元格 ${codeCell},${ind.name})与名称“${name}”(指标 ${other.code})不一致,本行按代码读作 ${ind.code}。请改正代码或名称。`,
    en: `${line.en}: code ${ind.code} (cell ${codeCell}, ${ind.nameEn}) does not match the name "${name}" (indicator ${other.code}); the row is read by its code as ${ind.code}. Correct the code or the name.`,
  }, { cell: codeCell, indicator: ind.code, value: name, expected: ind.name });
}

/** The same indicator on a second row (or column) of one report: the second is not used. */
export function duplicateRowError(where: FindingWhere, first: Line, second: Line, ind: Indicator, cell: string, name: string): Finding {
  const rows = first.en.startsWith('Row ') && second.en.startsWith('Row ') ? `rows ${first.en.slice(4)} and ${second.en.slice(4)}` : `${first.en} and ${second.en}`;
  return finding('error', 'V-DUP', where, {
    zh: `指标“${ind.name}”在本表出现两次(${first.zh}和${second.zh}),${second.zh}(单元格 ${cell})未使用。请删除重复的一行。`,
    en: `Indicator ${ind.code} (${ind.nameEn}) appears twice in this sheet (${rows}); ${second.en.charAt(0).toLowerCase()}${second.en.slice(1)} (cell ${cell}) is not used. Delete the duplicate row.`,
  }, { cell, indicator: ind.code, value: name });
}

/** A header of another table below the first: nothing from there on is read. */
export function otherTableError(where: FindingWhere, r: number, cell: string, headerRow: number): Finding {
  return finding('error', 'V-LAYOUT', where, {
    zh: `第 ${r + 1} 行(单元格 ${cell})是另一张表的表头,列的排列与第 ${headerRow + 1} 行的表头不同;从这一行起未读取。请把第二张表移到单独的工作表。`,
    en: `Row ${r + 1} (cell ${cell}) is the header of another table whose columns differ from the header in row ${headerRow + 1}; nothing from this row on was read. Move the second table to a sheet of its own.`,
  }, { cell });
}
