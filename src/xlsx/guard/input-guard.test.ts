import { guardInput, MAX_INPUT_BYTES } from './input-guard';
import { INPUT_ERROR_CODES, inputError } from './input-errors';

import ExcelJS from 'exceljs';

// The zip magic alone is not enough any more: the pre-parse inspector reads the central directory.
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
let workbook: Uint8Array;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('月报').getCell('A1').value = '指标名称';
  workbook = new Uint8Array(await wb.xlsx.writeBuffer());
});
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

describe('guardInput', () => {
  it('lets a real workbook named .xlsx through', () => {
    expect(guardInput(workbook, 'a.xlsx')).toBeNull();
  });
  it('refuses a file that only starts like a zip (the inspector reads the central directory)', () => {
    expect(guardInput(zip, 'a.xlsx')?.code).toBe('E_TRUNCATED');
  });
  it.each([
    [new Uint8Array(0), 'a.xlsx', 'E_EMPTY'],
    [new TextEncoder().encode('<html>'), 'a.xlsx', 'E_NOT_ZIP'],
    [ole, 'a.xlsx', 'E_ENCRYPTED_OR_XLS'],
    [ole, 'a.XLS', 'E_XLS'],
    [zip, 'a.xls', 'E_XLS'],
    [zip, 'a.xlsb', 'E_XLSB'],
    [new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0]), 'a.xlsx', 'E_CORRUPT'],
  ])('refuses %#: %s → %s', (bytes, name, code) => {
    expect(guardInput(bytes, name)?.code).toBe(code);
  });
  it('refuses an oversized file before looking further', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1);
    big.set(zip);
    expect(guardInput(big, 'a.xlsx')?.code).toBe('E_TOO_LARGE');
  });
  it('has a message in both languages for every code, telling what to do', () => {
    for (const code of INPUT_ERROR_CODES) {
      const e = inputError(code);
      expect(e.code).toBe(code);
      expect(e.message.zh.length).toBeGreaterThan(8);
      expect(e.message.en).toMatch(/\.$/);
    }
  });
});
