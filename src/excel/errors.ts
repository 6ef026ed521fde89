/**
 * Office errors → PortError with messages in both languages. Branches on `error.code` (stable),
 * never on the localised `message`. The port never tries to unprotect anything: a protected sheet
 * is reported and left alone.
 */
import { PortError } from '../domain/port';

/** Stable PortError codes of the Office.js port. */
export const EXCEL_ERROR_CODES = {
  protected: 'E_EXCEL_PROTECTED',
  structure: 'E_EXCEL_STRUCTURE_PROTECTED',
  noResponse: 'E_EXCEL_NO_RESPONSE',
  noActiveSheet: 'E_EXCEL_NO_ACTIVE_SHEET',
  tooManyAreas: 'E_EXCEL_TOO_MANY_AREAS',
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

/**
 * Errors no repetition can help with: a PortError (cancellation, the watchdog) or cell-edit mode.
 * Code that retries a failed read piece by piece (to isolate what Excel cannot read) stops on these.
 */
export function isFatalForRetry(e: unknown): boolean {
  return e instanceof PortError || officeErrorCode(e) === 'InvalidOperationInCellEditMode';
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

/** The workbook's structure is protected and the operation would have to add, delete or hide a sheet. */
export function structureProtectedError(sheets: string[]): PortError {
  return new PortError(
    EXCEL_ERROR_CODES.structure,
    `工作簿结构受保护(审阅 → 保护工作簿),本工具无法添加或替换工作表(${sheets.join('、')}),因此没有做任何修改。请撤销工作簿保护后重试;本工具不会自行撤销保护。`,
    `The workbook's structure is protected (Review → Protect Workbook), so the tool cannot add or replace sheets (${sheets.join(', ')}); nothing was changed. Unprotect the workbook and try again; the tool never removes protection itself.`,
  );
}

/** A sync Excel never answered (office-js #6678, seen on Excel on the web with large workbooks). */
export function noResponseError(seconds: number): PortError {
  return new PortError(
    EXCEL_ERROR_CODES.noResponse,
    `Excel 在 ${seconds} 秒内没有响应,操作已停止(Excel 可能仍在后台完成它)。这是 Excel 网页版处理大工作簿时的已知问题:请保存工作簿,刷新页面(或关闭后重新打开工作簿)再重试。`,
    `Excel did not answer within ${seconds} seconds, so the operation was stopped (Excel may still finish it in the background). This is a known problem of Excel on the web with large workbooks: save the workbook, reload the page (or close and reopen the workbook) and try again.`,
  );
}

/** The active sheet is not a worksheet (a chart sheet), or Excel could not say which it is. */
export function noActiveSheetError(): PortError {
  return new PortError(
    EXCEL_ERROR_CODES.noActiveSheet,
    '当前活动的不是普通工作表(可能是图表工作表),无法“仅检查当前工作表”。请切换到要检查的工作表后重试,或检查整个工作簿。',
    'The active sheet is not a worksheet (it may be a chart sheet), so "check the active sheet only" cannot run. Switch to the sheet to check and try again, or check the whole workbook.',
  );
}

/** Below ExcelApi 1.9 every separate area needs a rule of its own: past a limit the tool refuses. */
export function tooManyAreasError(areas: number, limit: number): PortError {
  return new PortError(
    EXCEL_ERROR_CODES.tooManyAreas,
    `此版本的 Excel 需要为每个不相连的单元格区域单独添加一条条件格式;本次标注有 ${areas} 个区域,超过 ${limit} 个,为免 Excel 变慢,没有标注任何单元格。请先更正一部分问题后再标注,或使用“写入核查结果”;更新到 Microsoft 365 或 Excel 2021 后没有此限制。`,
    `This version of Excel needs one conditional format per separate area of cells; these highlights have ${areas} areas, more than ${limit}, so nothing was highlighted (to keep Excel responsive). Correct some of the problems first, or use "Write findings"; Microsoft 365 and Excel 2021 have no such limit.`,
  );
}

export function cancelledError(): PortError {
  return new PortError(EXCEL_ERROR_CODES.cancelled, '已取消。', 'Cancelled.');
}

export function unsupportedError(what: string | { zh: string; en: string }, set: string): PortError {
  const w = typeof what === 'string' ? { zh: what, en: what } : what;
  return new PortError(
    EXCEL_ERROR_CODES.unsupported,
    `此版本的 Excel 不支持${w.zh}(需要 ${set})。请更新 Excel,或在浏览器中打开独立页面处理工作簿文件。`,
    `This version of Excel does not support ${w.en} (needs ${set}). Update Excel, or open the standalone page in a browser to work on the workbook files.`,
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
