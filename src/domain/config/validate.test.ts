import { defaultConfig, defaultConfigInput, parseConfigText, validateConfig, MAX_CONFIG_BYTES } from './validate';
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
    // Structural problems are listed first (cross-references cannot be followed in a malformed
    // file); once the structure is right, every cross-reference problem is listed together.
    if (bad.ok) return;
    expect(bad.problems.some((p) => p.en.includes('thresholds.tolMin'))).toBe(true);
    const cross = validateConfig(input);
    expect(cross.ok).toBe(false);
    if (cross.ok) return;
    const en = cross.problems.map((p) => p.en);
    expect(en).toEqual(
      expect.arrayContaining([
        'Indicator 02: parent 99 does not exist.',
        'Ratio indicator 14 refers to indicator 77, which does not exist.',
      ]),
    );
    expect(en.filter((t) => t.startsWith('Parent indicators form a cycle'))).toHaveLength(1);
    expect(cross.problems.every((p) => p.zh.length > 0 && p.en.length > 0)).toBe(true);
  });

  it('names the entry of a structural problem by its code', () => {
    const input = withCatalogue((cat) => {
      (cat[3] as { kind: string }).kind = 'amount';
    });
    const r = validateConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].en).toMatch(/^catalogue\[3\] \(04\)\.kind: /);
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
});
