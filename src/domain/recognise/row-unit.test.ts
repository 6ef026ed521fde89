import { defaultConfig, indicatorByCode } from '../config/validate';
import { scalingFormat } from '../cells/number-format';
import { isMoney, rowUnitOf } from './row-unit';

describe('scalingFormat', () => {
  test.each([
    ['#,##0', false],
    ['#,##0.00', false],
    ['#,##0_);(#,##0)', false],
    ['0.0%', false],
    ['0"万元"', false],
    ['"1,000"0', false],
    ['#,##0,', true],
    ['#,##0,,', true],
    ['0.0,,"百万"', true],
    ['#,##0,;-#,##0,', true],
  ])('%s scales the display: %s', (fmt, expected) => {
    expect(scalingFormat(fmt)).toBe(expected);
  });
  test('no format is no scaling', () => expect(scalingFormat(undefined)).toBe(false));
});

describe('isMoney', () => {
  const cat = indicatorByCode(defaultConfig());
  const ind = (code: string) => {
    const i = cat.get(code);
    if (!i) throw new Error(`no indicator ${code} in the default catalogue`);
    return i;
  };
  test('万元 and 万美元 indicators are money; counts and percentages are not', () => {
    expect(isMoney(ind('01'))).toBe(true);
    expect(isMoney(ind('15'))).toBe(true);
    expect(isMoney(ind('06'))).toBe(false);
    expect(isMoney(ind('14'))).toBe(false);
  });
});

describe('rowUnitOf', () => {
  const cat = indicatorByCode(defaultConfig());
  const ind = (code: string) => cat.get(code) as NonNullable<ReturnType<typeof cat.get>>;
  const sheet = (unit: string | null, known = true) => ({ unit: unit ?? '万元', stated: unit !== null, cell: unit ? 'G2' : null, known });

  test('the row\'s own unit cell wins', () => {
    expect(rowUnitOf(ind('08'), '亿元', 'C4', sheet('元'))).toEqual({ unit: '亿元', source: 'row', cell: 'C4', factor: 10000 });
  });
  test('money rows without a unit take the 金额单位; other rows the catalogue unit', () => {
    expect(rowUnitOf(ind('08'), '', null, sheet('千元'))).toEqual({ unit: '千元', source: 'sheet', cell: 'G2', factor: 0.1 });
    expect(rowUnitOf(ind('06'), '', null, sheet('千元'))).toEqual({ unit: '个', source: 'catalogue', cell: null, factor: 1 });
    expect(rowUnitOf(ind('08'), '', null, sheet(null))).toEqual({ unit: '万元', source: 'catalogue', cell: null, factor: 1 });
  });
  test('a unit that cannot be converted has no factor: another currency, an unknown 金额单位', () => {
    expect(rowUnitOf(ind('08'), '万美元', 'C4', sheet(null)).factor).toBeNull();
    expect(rowUnitOf(ind('08'), '', null, sheet('吨', false)).factor).toBeNull();
    expect(rowUnitOf(ind('14'), '百分点', 'C4', sheet(null)).factor).toBe(1);
  });
});
