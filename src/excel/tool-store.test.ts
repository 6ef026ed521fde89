import { TOOL_SHEETS } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';
import { CHUNK_CHARS, chunkText } from './tool-store';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

describe('stored configuration', () => {
  test('none stored: null, in 1 sync', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    expect(await port(fx).loadStoredConfig()).toBeNull();
    expect(fx.stats.syncs).toBe(1);
  });

  test('round trip of a 70,000-character configuration in column A chunks of ≤ 30,000 of a veryHidden sheet', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    const json = JSON.stringify({ catalogue: '指标'.repeat(20_000), n: '=1+2', tail: '0123' }) + ' '.repeat(30_000 - 17) + '12345';
    await port(fx).storeConfig(json);
    const s = fx.sheet(TOOL_SHEETS.config);
    expect(s?.visibility).toBe('VeryHidden');
    const chunks = s?.rows.map((r) => r[0]) ?? [];
    expect(chunks.length).toBe(Math.ceil(json.length / CHUNK_CHARS));
    for (const c of chunks) {
      expect(typeof c?.v).toBe('string'); // a chunk of digits stays text
      expect(String(c?.v).length).toBeLessThanOrEqual(CHUNK_CHARS);
      expect(c?.nf).toBe('@');
    }
    expect(await port(fx).loadStoredConfig()).toBe(json);
  });

  test('storing again replaces the old text (a shorter JSON leaves no stale chunk) and keeps the highlight record', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x', 1]] });
    const p = port(fx);
    await p.highlight([{ sheet: 'S', cell: 'B1', level: 'error', note: '' }]);
    await p.storeConfig('x'.repeat(65_000));
    await p.storeConfig('{"short":true}');
    expect(await p.loadStoredConfig()).toBe('{"short":true}');
    await p.clearHighlights();
    expect(fx.sheet('S')?.cfs).toEqual([]);
  });

  test('chunkText never splits a surrogate pair', () => {
    const text = 'a'.repeat(9) + '𠀀' + 'b';
    const chunks = chunkText(text, 10);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toBe('a'.repeat(9));
    expect(chunks.every((c) => c.length <= 10)).toBe(true);
  });
});

describe('stored configuration and workbook structure protection', () => {
  test('no tool sheet yet and the structure protected: refused in both languages, nothing added', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    fx.structureProtected = true;
    const err = await port(fx)
      .storeConfig('{"a":1}')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_EXCEL_STRUCTURE_PROTECTED', zh: expect.stringContaining('保护工作簿') });
    expect(fx.sheets.map((s) => s.name)).toEqual(['S']);
  });

  test('the tool sheet already there: storing works under structure protection (only its cells change)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    const p = port(fx);
    await p.storeConfig('{"a":1}');
    fx.structureProtected = true;
    await p.storeConfig('{"a":2}');
    expect(await p.loadStoredConfig()).toBe('{"a":2}');
  });

  test('ExcelApi 1.1 reads a stored configuration with the plain used range', async () => {
    const old = new FakeExcel({ api: '1.7' });
    old.addSheet('S', { rows: [['x']] });
    await port(old).storeConfig('{"name":"大连"}');
    const store = old.sheet(TOOL_SHEETS.config);
    const fx = new FakeExcel({ api: '1.1' });
    fx.addSheet('S', { rows: [['x']] });
    fx.addSheet(TOOL_SHEETS.config, { rows: store?.rows.map((r) => r.map((c) => (c ? { ...c } : null))), visibility: 'VeryHidden' });
    expect(await port(fx).loadStoredConfig()).toBe('{"name":"大连"}');
  });
});
