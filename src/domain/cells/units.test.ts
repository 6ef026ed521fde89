import fc from 'fast-check';
import { convert, isKnownUnit, normaliseUnit, unitFactor, unitInName, unitList } from './units';

describe('unit factors (template.md §1)', () => {
  test.each([
    ['元', '万元', 0.0001],
    ['千元', '万元', 0.1],
    ['万元', '万元', 1],
    ['亿元', '万元', 10000],
    ['美元', '万美元', 0.0001],
    ['万美元', '万美元', 1],
    ['亿美元', '万美元', 10000],
  ])('%s → %s: factor %s', (from, to, f) => {
    expect(unitFactor(from, to)).toBe(f);
  });

  test('a different currency is never converted', () => {
    expect(unitFactor('万美元', '万元')).toBeNull();
    expect(unitFactor('亿元', '万美元')).toBeNull();
  });

  test('an unknown unit cannot be converted and is not known', () => {
    expect(unitFactor('吨', '万元')).toBeNull();
    expect(isKnownUnit('吨')).toBe(false);
    expect(isKnownUnit('亿元')).toBe(true);
  });

  test('unit cells are normalised: brackets, full-width forms, spaces', () => {
    expect(normaliseUnit('（万元）')).toBe('万元');
    expect(normaliseUnit(' 亿 元 ')).toBe('亿元');
    expect(unitFactor('（亿元）', '万元')).toBe(10000);
  });
});

describe('convert', () => {
  test('123.4 亿元 is 1234000 万元 exactly (no binary noise)', () => {
    expect(convert(123.4, 10000)).toBe(1234000);
  });

  test('12345 元 is 1.2345 万元', () => {
    expect(convert(12345, 0.0001)).toBe(1.2345);
  });

  test('converting with factor 1 returns the value untouched', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => expect(Object.is(convert(v, 1), v)).toBe(true)));
  });

  test('亿元 → 万元 → back is the original to 15 significant digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (i, d) => {
        const v = i + d / 10000;
        const back = convert(convert(v, 10000), 0.0001);
        expect(back).toBe(Number(v.toPrecision(15)));
      }),
    );
  });
});

describe('unitList and unitInName (template.md §5 units)', () => {
  test('a line of units, in the order written', () => {
    expect(unitList('亿元、%')).toEqual(['亿元', '%']);
    expect(unitList('单位:万元,个')).toEqual(['万元', '个']);
    expect(unitList('万元')).toEqual(['万元']);
    expect(unitList('盘锦开发区')).toBeNull();
    expect(unitList('亿元、吨')).toBeNull();
  });
  test('a known unit in brackets at the end of a name, half- or full-width', () => {
    expect(unitInName('规模以上工业总产值(亿元)')).toBe('亿元');
    expect(unitInName('实际使用外资（千美元）')).toBe('千美元');
    expect(unitInName('税收占比(%)')).toBe('%');
    expect(unitInName('进出口总额(剔重)')).toBeNull();
    expect(unitInName('税收收入')).toBeNull();
  });
});
