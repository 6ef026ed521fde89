/**
 * An imported configuration is size-limited and validated (src/domain/config/validate.ts
 * parseConfigText): a file over the limit, a deeply nested document, and a huge but well-formed one
 * are each refused with a message in both languages, never a crash. A known crash (tens of
 * thousands of malformed catalogue entries overflow the stack inside zod) is recorded as a failing
 * expectation until validate.ts guards it.
 */
import { defaultConfig, MAX_CONFIG_BYTES, MAX_CONFIG_ENTRIES, parseConfigText, type ConfigResult } from '../../src/domain/config/validate';

function refused(r: ConfigResult): { zh: string; en: string }[] {
  if (r.ok) throw new Error('expected the configuration to be refused');
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.en).toMatch(/[A-Za-z]{3}/);
  }
  return r.problems;
}

const valid = JSON.stringify(defaultConfig());

describe('imported configuration: limits', () => {
  test('the default configuration round-trips (the baseline the other cases break)', () => {
    expect(parseConfigText(valid).ok).toBe(true);
  });

  test('one byte over the limit is refused before parsing, in both languages', () => {
    // valid JSON padded past the limit (counted in UTF-8 bytes: the Chinese names are 3 bytes each)
    const bytes = Buffer.byteLength(valid, 'utf8');
    const text = valid + ' '.repeat(MAX_CONFIG_BYTES + 1 - bytes);
    expect(Buffer.byteLength(text, 'utf8')).toBe(MAX_CONFIG_BYTES + 1);
    const problems = refused(parseConfigText(text));
    expect(problems).toEqual([
      { zh: expect.stringContaining('配置文件过大'), en: expect.stringContaining('too large') },
    ]);
    // and exactly at the limit the same text is read
    expect(parseConfigText(valid + ' '.repeat(MAX_CONFIG_BYTES - bytes)).ok).toBe(true);
  });

  test('a 200,000-deep array is refused as the wrong shape, not a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(deep.length).toBeLessThan(MAX_CONFIG_BYTES);
    const problems = refused(parseConfigText(deep));
    expect(problems).toEqual([{ zh: expect.stringContaining('应为对象'), en: expect.stringContaining('must be an object') }]);
  });

  test('a 150,000-deep object under an unknown field is refused by name, not by a crash', () => {
    const text = valid.replace(/}$/, `,"extra":${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}}`);
    expect(text.length).toBeLessThan(MAX_CONFIG_BYTES);
    const problems = refused(parseConfigText(text));
    expect(problems.map((p) => p.en).join('\n')).toContain('"extra"');
  });

  test('deep nesting where the schema expects a value is refused at that field', () => {
    const cfg = defaultConfig();
    const text = JSON.stringify(cfg).replace(/"aliases":\[[^\]]*\]/, `"aliases":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const problems = refused(parseConfigText(text));
    expect(problems.map((p) => p.en).join('\n')).toMatch(/catalogue\[0\].*aliases/);
  });

  test('a huge well-formed catalogue (just under the size limit, thousands of duplicate codes) is refused, not a crash', () => {
    const cfg = defaultConfig();
    const first = cfg.catalogue[0];
    const catalogue = [...cfg.catalogue];
    // one entry is ~300 bytes: fill up to just under the limit with copies of a real entry
    const copy = { ...first, aliases: [] };
    const room = MAX_CONFIG_BYTES - 2_000 - Buffer.byteLength(JSON.stringify(cfg), 'utf8');
    const n = Math.floor(room / (Buffer.byteLength(JSON.stringify(copy), 'utf8') + 1));
    for (let i = 0; i < n; i++) catalogue.push(copy);
    const text = JSON.stringify({ ...cfg, catalogue });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(MAX_CONFIG_BYTES);
    expect(catalogue.length).toBeGreaterThan(1_000);
    const problems = refused(parseConfigText(text));
    expect(problems.map((p) => p.en).join('\n')).toContain(`Indicator code ${first.code} appears twice.`);
    // thousands of problems are capped: the first 200, then how many more
    expect(problems.length).toBeLessThanOrEqual(201);
  });

  test('a NUL byte, a second BOM or a NUL where an array belongs are refused, never thrown', () => {
    for (const text of ['\u0000', '\uFEFF\uFEFF' + valid, '{"catalogue":"\u0000"}']) {
      expect(() => parseConfigText(text)).not.toThrow();
      refused(parseConfigText(text));
    }
  });

  // Was a crash: 30,000 malformed entries (≈ 0.5 MB) made zod collect ~150,000 issues and overflow
  // the stack. validate.ts now refuses lists over MAX_CONFIG_ENTRIES before zod walks them.
  test(`30,000 malformed catalogue entries are refused with one message (over ${MAX_CONFIG_ENTRIES} entries)`, () => {
    const text = JSON.stringify({ ...defaultConfig(), catalogue: Array.from({ length: 30_000 }, (_, i) => ({ code: `x${i}` })) });
    expect(text.length).toBeLessThan(MAX_CONFIG_BYTES);
    expect(refused(parseConfigText(text))).toEqual([
      { zh: expect.stringContaining(`上限 ${MAX_CONFIG_ENTRIES}`), en: expect.stringContaining(`limit of ${MAX_CONFIG_ENTRIES}`) },
    ]);
  });
});
