/**
 * Office errors → PortError with messages in both languages. Branches on `error.code` (stable),
 * never on the localised `message`. The port never tries to unprotect anything: a protected sheet
 * is reported and left alone.
 */
import { PortError } from '../domain/port';

/** Stable PortError codes of the Office.js port. */
export const EXCEL_ERROR_CODES = {
  protected: 'E_EXCEL_PROTECTED',
  cellEdit: 'E_EXCEL_CELL_EDIT',
  tooLarge: 'E_EXCEL_TOO_LARGE',
  notFound: 'E_EXCEL_NOT_FOUND',
  general: 'E_EXCEL_GENERAL',
  unsupported: 'E_EXCEL_UNSUPPORTED',
  cancelled: 'E_CANCELLED',
  other: 'E_EXCEL',
} as const;

/** The `code` of an OfficeExtension.Error (or of anything shaped like one), else null. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null;
  return typeof e.code === 'string' ? e.code : null;
}

/** True when the error says a request or response was over Excel's size limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

export function protectedSheetError(sheets: string[]): PortError {
  const list = sheets.join('、');
  return new PortError(
    EXCEL_ERROR_CODES.protected,
    `工作表“${list}”受保护,无法标注或写入。请先在 Excel 中撤销工作表保护(审阅 → 撤销工作表保护)后重试;本工具不会自行撤销保护。`,
    `Sheet "${sheets.join('", "')}" is protected, so it cannot be highlighted or written. Unprotect it in Excel (Review → Unprotect Sheet) and try again; the tool never removes protection itself.`,
  );
}

export function cancelledError(): PortError {
  return new PortError(EXCEL_ERROR_CODES.cancelled, '已取消。', 'Cancelled.');
}

export function unsupportedError(what: string, set: string): PortError {
  return new PortError(
    EXCEL_ERROR_CODES.unsupported,
    `此版本的 Excel 不支持${what}(需要 ${set})。`,
    `This version of Excel does not support ${what} (needs ${set}).`,
  );
}

/** Any thrown value → PortError; a PortError passes through unchanged. */
export function toPortError(e: unknown): PortError {
  if (e instanceof PortError) return e;
  const code = officeErrorCode(e);
  switch (code) {
    case 'AccessDenied':
      return new PortError(
        EXCEL_ERROR_CODES.protected,
        '没有写入权限:工作表或工作簿受保护,或文件为只读。请撤销保护或另存一份后重试;本工具不会自行撤销保护。',
        'Access denied: the sheet or workbook is protected, or the file is read-only. Unprotect it or save a copy and try again; the tool never removes protection itself.',
      );
    case 'InvalidOperationInCellEditMode':
      return new PortError(
        EXCEL_ERROR_CODES.cellEdit,
        'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
        'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
      );
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new PortError(
        EXCEL_ERROR_CODES.tooLarge,
        '数据量超出 Excel 单次请求的上限(5 MB),已分块仍未成功。请只核查当前工作表,或缩小工作表的已用区域。',
        "The data exceeds Excel's per-request limit (5 MB) even after splitting. Check only the active sheet, or reduce the sheet's used range.",
      );
    case 'ItemNotFound':
      return new PortError(
        EXCEL_ERROR_CODES.notFound,
        '找不到所需的工作表或区域:它可能刚被删除或改名。请重新核查。',
        'A sheet or range the tool needs was not found: it may just have been deleted or renamed. Run the check again.',
      );
    case 'GeneralException':
      return new PortError(
        EXCEL_ERROR_CODES.general,
        'Excel 报告了一个内部错误。请稍后重试;若反复出现,请保存并重新打开工作簿。',
        'Excel reported an internal error. Try again in a moment; if it keeps happening, save and reopen the workbook.',
      );
    default: {
      const detail = code ?? (e instanceof Error ? e.name : typeof e);
      return new PortError(
        EXCEL_ERROR_CODES.other,
        `与 Excel 通信失败(${detail})。请重试。`,
        `Communication with Excel failed (${detail}). Please try again.`,
      );
    }
  }
}
