/**
 * The closed list of refusals of the pre-parse inspector, each a stable code with a message in both
 * languages that says what to do. Codes shared with input-errors.ts (E_NOT_ZIP, E_ENCRYPTED_OR_XLS,
 * E_XLSB, E_TOO_LARGE, E_CORRUPT) mean the same thing there. Messages never quote the file.
 */
import type { Bilingual } from '../../domain/types';

export const INSPECT_ERROR_CODES = [
  'E_NOT_ZIP',
  'E_TRUNCATED',
  'E_ENCRYPTED_OR_XLS',
  'E_XLSB',
  'E_EMPTY_ZIP',
  'E_NO_WORKBOOK',
  'E_CORRUPT',
  'E_PART_NAME_CASE',
  'E_DUPLICATE_PART',
  'E_TOO_MANY_PARTS',
  'E_TOO_LARGE',
  'E_ZIP_BOMB',
  'E_XML_DTD',
  'E_BAD_ENCODING',
  'E_ROW_LIMIT',
  'E_COL_LIMIT',
  'E_BAD_REF',
  'E_RANGE_TOO_LARGE',
  'E_UNSAFE_NAME',
] as const;
export type InspectErrorCode = (typeof INSPECT_ERROR_CODES)[number];

const RESAVE_ZH = '请在 Excel 中打开该文件并另存为 .xlsx 后重新提交。';
const RESAVE_EN = 'Open the file in Excel, save it as .xlsx and submit it again.';

export const INSPECT_MESSAGES: Readonly<Record<InspectErrorCode, Bilingual>> = Object.freeze({
  E_NOT_ZIP: {
    zh: '文件不是 Excel 工作簿(.xlsx)，可能是改了扩展名的其他文件。' + RESAVE_ZH,
    en: 'The file is not an Excel workbook (.xlsx); it may be another kind of file renamed. ' + RESAVE_EN,
  },
  E_TRUNCATED: {
    zh: '文件不完整(可能下载或拷贝中断)。请重新获取完整文件，或' + RESAVE_ZH,
    en: 'The file is incomplete (an interrupted download or copy). Get the complete file again, or: ' + RESAVE_EN,
  },
  E_ENCRYPTED_OR_XLS: {
    zh: '文件设置了打开密码，或是旧版 .xls 格式。请去掉密码(文件→信息→保护工作簿)或另存为 .xlsx 后再提交。',
    en: 'The file is password-protected or in the old .xls format. Remove the password (File → Info → Protect Workbook) or save it as .xlsx, then submit it again.',
  },
  E_XLSB: {
    zh: '不支持 .xlsb(二进制工作簿)格式。' + RESAVE_ZH,
    en: 'The .xlsb (binary workbook) format is not supported. ' + RESAVE_EN,
  },
  E_EMPTY_ZIP: {
    zh: '文件是一个空的压缩包，不含任何工作表。请确认提交的是填好的月报文件。',
    en: 'The file is an empty archive with no worksheets. Make sure you submitted the filled-in monthly report.',
  },
  E_NO_WORKBOOK: {
    zh: '文件是压缩包，但不是 Excel 工作簿(缺少工作簿部分)。' + RESAVE_ZH,
    en: 'The file is an archive but not an Excel workbook (the workbook part is missing). ' + RESAVE_EN,
  },
  E_CORRUPT: {
    zh: '工作簿已损坏或压缩结构无法识别。请在 Excel 中打开(必要时使用“打开并修复”)，另存为 .xlsx 后重新提交。',
    en: 'The workbook is damaged or its archive structure is not recognised. Open it in Excel (use "Open and Repair" if needed), save it as .xlsx and submit it again.',
  },
  E_PART_NAME_CASE: {
    zh: '工作簿内部部件名称的大小写不规范(由非 Excel 程序生成)，内容可能读不全。' + RESAVE_ZH,
    en: 'The workbook was written by another program with non-standard part-name casing, so some content could be missed. ' + RESAVE_EN,
  },
  E_DUPLICATE_PART: {
    zh: '工作簿内部有重名的部件，无法确定哪一份是真实内容。' + RESAVE_ZH,
    en: 'The workbook contains two parts with the same name, so it is unclear which holds the real content. ' + RESAVE_EN,
  },
  E_TOO_MANY_PARTS: {
    zh: '工作簿内部部件过多，超出可核查的范围。请删除无关的工作表、图片或对象后重新提交。',
    en: 'The workbook has too many internal parts to check. Remove unrelated sheets, pictures or objects and submit it again.',
  },
  E_TOO_LARGE: {
    zh: '工作簿解压后过大，超出可核查的范围。请删除无关的工作表或数据后重新提交。',
    en: 'The workbook is too large once decompressed. Remove unrelated sheets or data and submit it again.',
  },
  E_ZIP_BOMB: {
    zh: '工作簿的压缩数据异常(解压后体积远超正常或与声明不符)，为安全起见未读取。' + RESAVE_ZH,
    en: 'The workbook\'s compressed data is abnormal (it expands far beyond normal, or beyond what it declares), so it was not read for safety. ' + RESAVE_EN,
  },
  E_XML_DTD: {
    zh: '工作簿含有文档类型或实体声明(DOCTYPE/ENTITY)，Excel 不会生成这类内容，为安全起见未读取。' + RESAVE_ZH,
    en: 'The workbook contains a document-type or entity declaration (DOCTYPE/ENTITY), which Excel never writes; it was not read for safety. ' + RESAVE_EN,
  },
  E_BAD_ENCODING: {
    zh: '工作簿中的文字编码无效(不是合法的 UTF-8)，读取可能造成乱码或改变数据。' + RESAVE_ZH,
    en: 'The workbook\'s text is not valid UTF-8; reading it could garble or change data. ' + RESAVE_EN,
  },
  E_ROW_LIMIT: {
    zh: '工作表的行号超出 Excel 上限(1,048,576 行)。' + RESAVE_ZH,
    en: 'A worksheet uses row numbers beyond Excel\'s limit of 1,048,576 rows. ' + RESAVE_EN,
  },
  E_COL_LIMIT: {
    zh: '工作表的列超出 Excel 上限(16,384 列，即 XFD 列)。' + RESAVE_ZH,
    en: 'A worksheet uses columns beyond Excel\'s limit of 16,384 columns (column XFD). ' + RESAVE_EN,
  },
  E_BAD_REF: {
    zh: '工作表中有无效的单元格地址或行列编号。' + RESAVE_ZH,
    en: 'A worksheet contains an invalid cell address or row/column number. ' + RESAVE_EN,
  },
  E_RANGE_TOO_LARGE: {
    zh: '工作表的合并单元格范围过大(例如整列或整张表)。请取消多余的合并，只合并实际需要的标题等单元格后重新提交。',
    en: 'A worksheet merges cells over a huge range (e.g. whole columns or the whole sheet). Unmerge them, keep only the merges really needed (titles and the like) and submit it again.',
  },
  E_UNSAFE_NAME: {
    zh: '工作表名称或定义的名称使用了保留字(如 __proto__、constructor、prototype)，为安全起见未读取。请在 Excel 中重命名后重新提交。',
    en: 'A sheet name or defined name is a reserved word (such as __proto__, constructor or prototype); it was not read for safety. Rename it in Excel and submit it again.',
  },
});

export function isInspectErrorCode(code: string): code is InspectErrorCode {
  return (INSPECT_ERROR_CODES as readonly string[]).includes(code);
}
