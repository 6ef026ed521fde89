/**
 * The one closed list of reasons a workbook file is not read, whatever its format: each a stable
 * code (for the --json report and tests) with a message in both languages telling the clerk what to
 * do. Messages never echo file content or a library's own message (those are unstable and may leak
 * content). A refusal of a file that is not an .xlsx is prefixed with the format found
 * (refusal() in ../open/formats.ts), so the clerk learns what the tool took the file for.
 */
import type { Bilingual, InputError } from '../../domain/types';

export const INPUT_ERROR_CODES = [
  'E_EMPTY',
  'E_NOT_FOUND',
  'E_UNREADABLE',
  'E_UNKNOWN_FORMAT',
  'E_OTHER_DOCUMENT',
  'E_ENCRYPTED',
  'E_TRUNCATED',
  'E_CORRUPT',
  'E_SHEET_MISSING',
  'E_EMPTY_ZIP',
  'E_NO_WORKBOOK',
  'E_NO_SHEETS',
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
  'E_CELL_TOO_LONG',
  'E_UNSAFE_NAME',
  'E_TIMEOUT',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

const RESAVE_ZH = '请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后重新提交。';
const RESAVE_EN = 'Open the file in Excel or WPS, save it as .xlsx and submit it again.';

/** The formats read, as the refusals name them. */
const FORMATS_ZH = '.xlsx、.xls、.xlsb、.ods、CSV 文本、Excel 2003 XML 和网页表格(HTML)';
const FORMATS_EN = '.xlsx, .xls, .xlsb, .ods, CSV text, Excel 2003 XML and web-page (HTML) tables';

const MESSAGES: Readonly<Record<InputErrorCode, Bilingual>> = Object.freeze({
  E_EMPTY: {
    zh: '文件是空的(0 字节)。请重新保存月报后再提交。',
    en: 'The file is empty (0 bytes). Save the report again and resubmit it.',
  },
  E_NOT_FOUND: {
    zh: '找不到该文件。请检查路径和文件名。',
    en: 'The file was not found. Check the path and the file name.',
  },
  E_UNREADABLE: {
    zh: '无法打开该文件(可能正被其他程序占用或没有读取权限)。请关闭 Excel 中的该文件或检查权限后重试。',
    en: 'The file could not be opened (it may be in use by another program or not readable). Close it in Excel or check the permissions and try again.',
  },
  E_UNKNOWN_FORMAT: {
    zh: `文件不是可识别的电子表格(可读取 ${FORMATS_ZH})，可能是改了扩展名的其他文件。` + RESAVE_ZH,
    en: `The file is not a spreadsheet the tool recognises (it reads ${FORMATS_EN}); it may be another kind of file renamed. ` + RESAVE_EN,
  },
  E_OTHER_DOCUMENT: {
    zh: '文件是文字文档、演示文稿或 PDF，不是电子表格。请提交月报工作簿本身。',
    en: 'The file is a text document, a presentation or a PDF, not a spreadsheet. Submit the report workbook itself.',
  },
  E_ENCRYPTED: {
    zh: '工作簿设置了打开密码(已加密)，无法读取。请在 Excel 或 WPS 中去掉密码(文件→信息→保护工作簿)后重新提交。',
    en: 'The workbook is password-protected (encrypted) and cannot be read. Remove the password in Excel or WPS (File → Info → Protect Workbook) and submit it again.',
  },
  E_TRUNCATED: {
    zh: '文件不完整(可能下载或拷贝中断)。请重新获取完整文件，或' + RESAVE_ZH,
    en: 'The file is incomplete (an interrupted download or copy). Get the complete file again, or: ' + RESAVE_EN,
  },
  E_CORRUPT: {
    zh: '工作簿已损坏或结构无法识别，无法读取。请在 Excel 或 WPS 中打开(必要时使用“打开并修复”)，另存为 .xlsx 后重新提交。',
    en: 'The workbook is damaged or its structure is not recognised. Open it in Excel or WPS (use "Open and Repair" if needed), save it as .xlsx and submit it again.',
  },
  E_SHEET_MISSING: {
    zh: '工作簿已损坏:它列出的工作表中至少有一个找不到内容，读取其余部分可能漏掉数据。' + RESAVE_ZH,
    en: 'The workbook is damaged: at least one of the worksheets it lists has no content to be found, and reading the rest could miss data. ' + RESAVE_EN,
  },
  E_EMPTY_ZIP: {
    zh: '文件是一个空的压缩包，不含任何工作表。请确认提交的是填好的月报文件。',
    en: 'The file is an empty archive with no worksheets. Make sure you submitted the filled-in monthly report.',
  },
  E_NO_WORKBOOK: {
    zh: '文件是压缩包，但其中没有工作簿(既不是 Excel 工作簿，也不是 OpenDocument 电子表格)。' + RESAVE_ZH,
    en: 'The file is an archive but holds no workbook (neither an Excel workbook nor an OpenDocument spreadsheet). ' + RESAVE_EN,
  },
  E_NO_SHEETS: {
    zh: '工作簿中没有工作表。请确认提交的是填好的月报文件。',
    en: 'The workbook contains no worksheets. Make sure you submitted the filled-in monthly report.',
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
    zh: '文件过大(或解压、展开后过大)，超出可核查的范围。请删除无关的工作表或数据后重新提交。',
    en: 'The file is too large to check (as it is, or once decompressed or expanded). Remove unrelated sheets or data and submit it again.',
  },
  E_ZIP_BOMB: {
    zh: '工作簿的压缩数据异常(解压后体积远超正常或与声明不符)，为安全起见未读取。' + RESAVE_ZH,
    en: "The workbook's compressed data is abnormal (it expands far beyond normal, or beyond what it declares), so it was not read for safety. " + RESAVE_EN,
  },
  E_XML_DTD: {
    zh: '文件含有文档类型或实体声明(DOCTYPE/ENTITY)，电子表格程序不会生成这类内容，为安全起见未读取。' + RESAVE_ZH,
    en: 'The file contains a document-type or entity declaration (DOCTYPE/ENTITY), which spreadsheet programs never write; it was not read for safety. ' + RESAVE_EN,
  },
  E_BAD_ENCODING: {
    zh: '文件中的文字编码无效(不是合法的 UTF-8、UTF-16 或 GB18030/GBK)，读取可能造成乱码或改变数据。' + RESAVE_ZH,
    en: "The file's text is not valid in its encoding (UTF-8, UTF-16 or GB18030/GBK); reading it could garble or change data. " + RESAVE_EN,
  },
  E_ROW_LIMIT: {
    zh: '工作表的行号超出 Excel 上限(1,048,576 行)。' + RESAVE_ZH,
    en: "A worksheet uses row numbers beyond Excel's limit of 1,048,576 rows. " + RESAVE_EN,
  },
  E_COL_LIMIT: {
    zh: '工作表的列超出 Excel 上限(16,384 列，即 XFD 列)。' + RESAVE_ZH,
    en: "A worksheet uses columns beyond Excel's limit of 16,384 columns (column XFD). " + RESAVE_EN,
  },
  E_BAD_REF: {
    zh: '工作表中有无效的单元格地址或行列编号。' + RESAVE_ZH,
    en: 'A worksheet contains an invalid cell address or row/column number. ' + RESAVE_EN,
  },
  E_RANGE_TOO_LARGE: {
    zh: '工作表的合并单元格范围过大(例如整列或整张表)。请取消多余的合并，只合并实际需要的标题等单元格后重新提交。',
    en: 'A worksheet merges cells over a huge range (e.g. whole columns or the whole sheet). Unmerge them, keep only the merges really needed (titles and the like) and submit it again.',
  },
  E_CELL_TOO_LONG: {
    zh: '文件中有单元格超过 32,767 个字符(Excel 的上限)，不像月报数据。请检查文件内容后重新提交。',
    en: "A cell of the file holds more than 32,767 characters (Excel's limit), which is not report data. Check the file's content and submit it again.",
  },
  E_UNSAFE_NAME: {
    zh: '工作表名称或定义的名称使用了保留字(如 __proto__、constructor、prototype)，为安全起见未读取。请在 Excel 中重命名后重新提交。',
    en: 'A sheet name or defined name is a reserved word (such as __proto__, constructor or prototype); it was not read for safety. Rename it in Excel and submit it again.',
  },
  E_TIMEOUT: {
    zh: '读取该文件超过了时限，已停止(文件可能已损坏或结构异常复杂)。' + RESAVE_ZH,
    en: 'Reading the file took longer than the time limit and was stopped (the file may be damaged or unusually complex). ' + RESAVE_EN,
  },
});

/** The InputError for a code, with its bilingual message. */
export function inputError(code: InputErrorCode): InputError {
  const m = MESSAGES[code];
  return { code, message: { zh: m.zh, en: m.en } };
}

/** The canonical message of a code. */
export function messageOf(code: InputErrorCode): Bilingual {
  const m = MESSAGES[code];
  return { zh: m.zh, en: m.en };
}

export function isInputErrorCode(code: string): code is InputErrorCode {
  return (INPUT_ERROR_CODES as readonly string[]).includes(code);
}
