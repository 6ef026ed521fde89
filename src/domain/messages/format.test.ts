import { fmtFixed, fmtNum, fmtOne } from './format';

test('money figures: separators and at least one decimal', () => {
  expect(fmtNum(12345)).toBe('12,345.0');
  expect(fmtNum(11000, '万元')).toBe('11,000.0');
  expect(fmtNum(1234.5678)).toBe('1,234.5678');
  expect(fmtNum(-987654.3)).toBe('-987,654.3');
  expect(fmtNum(0.05)).toBe('0.05');
});

test('counts without decimals', () => {
  expect(fmtNum(1234, '个')).toBe('1,234');
  expect(fmtNum(12.5, '个')).toBe('12.5');
});

test('fixed decimals, no negative zero', () => {
  expect(fmtOne(13.25)).toBe('13.3');
  expect(fmtFixed(1.005, 2)).toBe('1.01'); // as Excel ROUND, not toFixed's binary 1.00
  expect(fmtFixed(-0.04, 1)).toBe('0.0');
  expect(fmtFixed(1234567.891, 2)).toBe('1,234,567.89');
});
