import {
  configFileTooLarge,
  defaultConfig,
  defaultConfigInput,
  parseConfigText,
  validateConfig,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_ENTRIES,
  MAX_PROBLEMS_LISTED,
} from './validate';
import type { ConfigInput } from './schema';

function withCatalogue(edit: (c: NonNullable<ConfigInput['catalogue']>) => void): ConfigInput {
  const input = structuredClone(defaultConfigInput());
  edit(input.catalogue);
  return input;
}

describe('default configuration', () => {
  it('is valid and holds the 23 catalogue indicators of indicators.md', () => {
    const cfg = defaultConfig();
    expect(cfg.catalogue).toHaveLength(23);
    expect(cfg.catalogue.map((i) => i.code)).toEqual(
      Array.from({ length: 23 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('has the flags of indicators.md', () => {
    const by = new Map(defaultConfig().catalogue.map((i) => [i.code, i]));
    expect(by.get('01')).toMatchObject({ kind: 'flow', key: true, monotone: true, unit: '万元' });
    expect(by.get('05')).toMatchObject({ janExempt: true, nonNegative: false, monotone: false });
    expect(by.get('11')?.partition).toEqual(['12', '13']);
    expect(by.get('14')).toMatchObject({ kind: 'ratio', ratio: { numerator: '12', denominator: '11' }, key: true });
    expect(by.get('15')).toMatchObject({ unit: '万美元', swingPct: 50, key: true });
    expect(by.get('19')).toMatchObject({ integer: true, pair: '21' });
    expect(by.get('03')).toMatchObject({ kind: 'rate' });
    expect(by.get('12')).toMatchObject({ parent: '11', monotone: false });
    expect(by.get('01')?.swingPct).toBe(30);
  });

  it('has the score weights of rules.md §4 (25/30/25/20)', () => {
    expect(defaultConfig().score.dimensions.map((d) => d.weight)).toEqual([25, 30, 25, 20]);
  });

  it('returns an independent copy each time', () => {
    const a = defaultConfig();
    a.catalogue[0].name = 'changed';
    expect(defaultConfig().catalogue[0].name).toBe('规模以上工业总产值');
  });
});

describe('a bad configuration is refused with every problem listed', () => {
  it('lists an unknown parent, a cycle, a ratio over a missing indicator and a negative threshold together', () => {
    const input = withCatalogue((cat) => {
      cat[1].parent = '99'; // 02 → unknown parent
      cat[8].parent = '10'; // 09 → 10
      cat[9].parent = '09'; // 10 → 09: a cycle
      cat[13].ratio = { numerator: '12', denominator: '77' }; // 14 over a missing indicator
    });
    const bad = validateConfig({ ...input, thresholds: { tolMin: -1 } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    // the structural problem and every cross-reference problem, in one list
    const en = bad.problems.map((p) => p.en);
    expect(en).toEqual(
      expect.arrayContaining([
        'thresholds.tolMin: must be at least 0',
        'Indicator 02: parent 99 does not exist.',
        'Ratio indicator 14 refers to indicator 77, which does not exist.',
      ]),
    );
    expect(bad.problems.map((p) => p.zh)).toContain('thresholds.tolMin:不能小于 0');
    expect(en.filter((t) => t.startsWith('Parent indicators form a cycle'))).toHaveLength(1);
    const cross = bad;
    expect(cross.problems.every((p) => p.zh.length > 0 && p.en.length > 0)).toBe(true);
  });

  it('names the entry of a structural problem by its code', () => {
    const input = withCatalogue((cat) => {
      (cat[3] as { kind: string }).kind = 'amount';
    });
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toEqual({
      zh: 'catalogue[3] (04).kind:应为以下之一:"flow"、"stock"、"rate"、"ratio"',
      en: 'catalogue[3] (04).kind: must be one of "flow", "stock", "rate", "ratio"',
    });
  });

  it('does not call a malformed entry missing: a parent that exists but is malformed is only reported once', () => {
    const input = withCatalogue((cat) => {
      (cat[0] as { unit: unknown }).unit = 5; // 01 malformed; 02's parent is 01
    });
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.en)).toEqual(['catalogue[0] (01).unit: must be a string']);
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const input = withCatalogue((cat) => {
      (cat[4] as Record<string, unknown>).swingPc = 40;
    });
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { zh: 'catalogue[4] (05):有未知的字段 "swingPc"(是否拼写有误?)', en: 'catalogue[4] (05): has unknown field(s) "swingPc" (misspelt?)' },
    ]);
  });

  it('refuses duplicate codes, an alias naming two indicators and a score item over an unknown indicator', () => {
    const input = withCatalogue((cat) => {
      cat[22].code = '22';
      cat[2].aliases = ['规上工业产值']; // already an alias of 01
    });
    input.score = { dimensions: [{ id: 'x', name: '维度', nameEn: 'Dim', weight: 10, items: [{ indicator: '88', measure: 'growth' }] }] };
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = r.problems.map((p) => p.en).join('\n');
    expect(en).toContain('Indicator code 22 appears twice.');
    expect(en).toContain('The name or alias "规上工业产值" names both indicator 01 and 03.');
    expect(en).toContain('Score dimension "Dim" refers to indicator 88, which does not exist.');
  });

  it('refuses a register with duplicate codes and an alias naming two zones', () => {
    const input = defaultConfigInput();
    input.register = [
      { code: 'G1', name: '甲开发区', aliases: ['甲区'] },
      { code: 'G1', name: '乙开发区', aliases: [] },
      { code: 'G3', name: '丙开发区', aliases: ['甲区'] },
    ];
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = r.problems.map((p) => p.en);
    expect(en).toContain('Zone code G1 appears twice.');
    expect(en).toContain('The name or alias "甲区" names both zone G1 and G3.');
  });
});

describe('parseConfigText', () => {
  it('accepts the exported default configuration (with a BOM)', () => {
    const text = '\uFEFF' + JSON.stringify(defaultConfig());
    const r = parseConfigText(text);
    expect(r.ok).toBe(true);
  });

  it('refuses text that is not JSON, in both languages', () => {
    const r = parseConfigText('{ not json');
    expect(r).toEqual({ ok: false, problems: [{ zh: '配置文件不是有效的 JSON。', en: 'The configuration file is not valid JSON.' }] });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = parseConfigText(' '.repeat(MAX_CONFIG_BYTES + 1));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].en).toContain('too large');
  });

  it('refuses an empty object, naming the missing catalogue and score', () => {
    const r = parseConfigText('{}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = r.problems.map((p) => p.en).join('\n');
    expect(en).toContain('catalogue');
    expect(en).toContain('score');
  });

  it('refuses a file over the limit counted in UTF-8 bytes (Chinese text is 3 bytes a character)', () => {
    const text = JSON.stringify({ name: '中'.repeat(Math.ceil(MAX_CONFIG_BYTES / 3) + 10) });
    expect(text.length).toBeLessThan(MAX_CONFIG_BYTES);
    const r = parseConfigText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].en).toContain('too large');
    expect(configFileTooLarge(MAX_CONFIG_BYTES + 1)?.zh).toContain('配置文件过大');
    expect(configFileTooLarge(MAX_CONFIG_BYTES)).toBeNull();
  });

  it('refuses 30,000 malformed catalogue entries with one message instead of a crash', () => {
    const text = JSON.stringify({ catalogue: Array.from({ length: 30_000 }, () => ({ code: 1 })), score: {} });
    const r = parseConfigText(text);
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ en: expect.stringContaining(`over the limit of ${MAX_CONFIG_ENTRIES}`) })] });
  });

  it('lists at most the first problems and says how many more there are', () => {
    const text = JSON.stringify({ catalogue: Array.from({ length: 1_000 }, () => ({ code: 1 })), score: {} });
    const r = parseConfigText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(r.problems[MAX_PROBLEMS_LISTED].en).toMatch(/^… and \d+ more problems not listed\.$/);
  });
});
