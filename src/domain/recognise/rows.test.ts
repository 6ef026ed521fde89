import { defaultConfig, indicatorByCode } from '../config/validate';
import { isMoney, scalingFormat } from './rows';

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
