/**
 * The closed list of reasons a workbook file could not be read, each with a stable code (for the
 * --json report and tests) and a message in both languages telling the clerk what to do. Messages
 * never echo file content or exceljs's own message (those are unstable and may leak content).
 */
import type { InputError } from '../../domain/types';

export const INPUT_ERROR_CODES = [
  'E_EMPTY',
  'E_NOT_ZIP',
  'E_ENCRYPTED_OR_XLS',
  'E_XLSB',
  'E_XLS',
  'E_CORRUPT',
  'E_NO_SHEETS',
  'E_TOO_LARGE',
  'E_NOT_FOUND',
  'E_UNREADABLE',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

const MESSAGES: Record<InputErrorCode, { zh: string; en: string }> = {
  E_EMPTY: {
    zh: '文件是空的(0 字节)。请重新从 Excel 另存为 .xlsx 后再提交。',
    en: 'The file is empty (0 bytes). Save it again from Excel as .xlsx and resubmit it.',
  },
  E_NOT_ZIP: {
    zh: '文件不是 Excel 工作簿(.xlsx)。请在 Excel 中打开并另存为“Excel 工作簿(*.xlsx)”。',
    en: 'The file is not an Excel workbook (.xlsx). Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  },
  E_ENCRYPTED_OR_XLS: {
    zh: '文件设置了打开密码,或是旧版 .xls 格式。请去掉密码(文件→信息→保护工作簿)或另存为 .xlsx 后再核查。',
    en: 'The file is password-protected or in the old .xls format. Remove the password (File → Info → Protect Workbook) or save it as .xlsx, then check it again.',
  },
  E_XLSB: {
    zh: '不支持 .xlsb(二进制工作簿)格式。请在 Excel 中另存为 .xlsx 后再核查。',
    en: 'The .xlsb (binary workbook) format is not supported. Save it as .xlsx in Excel and check it again.',
  },
  E_XLS: {
    zh: '不支持旧版 .xls 格式。请在 Excel 中另存为 .xlsx 后再核查。',
    en: 'The old .xls format is not supported. Save it as .xlsx in Excel and check it again.',
  },
  E_CORRUPT: {
    zh: '工作簿已损坏或结构无法识别,无法读取。请在 Excel 中打开(必要时使用“打开并修复”),另存为 .xlsx 后再核查。',
    en: 'The workbook is damaged or its structure is not recognised. Open it in Excel (use "Open and Repair" if needed), save it as .xlsx and check it again.',
  },
  E_NO_SHEETS: {
    zh: '工作簿中没有工作表。请确认提交的是填好的月报文件。',
    en: 'The workbook contains no worksheets. Make sure you submitted the filled-in monthly report.',
  },
  E_TOO_LARGE: {
    zh: '文件过大,超出可核查的范围。请删除无关的工作表或数据后再提交。',
    en: 'The file is too large to check. Remove unrelated sheets or data and resubmit it.',
  },
  E_NOT_FOUND: {
    zh: '找不到该文件。请检查路径和文件名。',
    en: 'The file was not found. Check the path and the file name.',
  },
  E_UNREADABLE: {
    zh: '无法打开该文件(可能正被其他程序占用或没有读取权限)。请关闭 Excel 中的该文件或检查权限后重试。',
    en: 'The file could not be opened (it may be in use by another program or not readable). Close it in Excel or check the permissions and try again.',
  },
};

/** The InputError for a code, with its bilingual message. */
export function inputError(code: InputErrorCode): InputError {
  const m = MESSAGES[code];
  return { code, message: { zh: m.zh, en: m.en } };
}

export function isInputErrorCode(code: string): code is InputErrorCode {
  return (INPUT_ERROR_CODES as readonly string[]).includes(code);
}
