import { guardInput, MAX_INPUT_BYTES } from './input-guard';
import { INPUT_ERROR_CODES, inputError } from './input-errors';

const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

describe('guardInput', () => {
  it('lets a zip named .xlsx through', () => {
    expect(guardInput(zip, 'a.xlsx')).toBeNull();
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
