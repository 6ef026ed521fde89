import { PortError } from '../domain/port';
import { EXCEL_ERROR_CODES, protectedSheetError, toPortError } from './errors';

describe('toPortError', () => {
  test.each([
    ['AccessDenied', EXCEL_ERROR_CODES.protected],
    ['InvalidOperationInCellEditMode', EXCEL_ERROR_CODES.cellEdit],
    ['RequestPayloadSizeLimitExceeded', EXCEL_ERROR_CODES.tooLarge],
    ['ResponsePayloadSizeLimitExceeded', EXCEL_ERROR_CODES.tooLarge],
    ['ItemNotFound', EXCEL_ERROR_CODES.notFound],
    ['GeneralException', EXCEL_ERROR_CODES.general],
    ['SomethingNew', EXCEL_ERROR_CODES.other],
  ])('%s → %s, in Chinese and English', (code, expected) => {
    // the localised message must not matter: a Chinese Excel says something else entirely
    const e = Object.assign(new Error('本地化的消息 / localised message'), { code });
    const p = toPortError(e);
    expect(p).toBeInstanceOf(PortError);
    expect(p.code).toBe(expected);
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.en).toMatch(/^[\x20-\x7e]+$/);
    expect(p.zh).not.toContain('本地化');
  });

  test('a PortError passes through; non-errors still become PortErrors', () => {
    const p = protectedSheetError(['表1']);
    expect(toPortError(p)).toBe(p);
    expect(toPortError('boom').code).toBe(EXCEL_ERROR_CODES.other);
    expect(toPortError(null).code).toBe(EXCEL_ERROR_CODES.other);
  });
});
