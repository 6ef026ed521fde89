import fc from 'fast-check';
import { parsePeriodKey, periodKey, readPeriodText, stripPeriod } from './period';

describe('readPeriodText', () => {
  test.each([
    ['2026年9月', 2026, 9],
    ['2026年1-9月', 2026, 9],
    ['2026年1—9月', 2026, 9],
    ['2026年1~9月', 2026, 9],
    ['2026年1至9月', 2026, 9],
    ['2026年9月份', 2026, 9],
    ['2026年09月', 2026, 9],
    ['2026-09', 2026, 9],
    ['2026.9', 2026, 9],
    ['2026/9', 2026, 9],
    ['2026 年 12 月', 2026, 12],
    ['２０２６年１０月', 2026, 10],
    ['盘锦开发区2026年9月', 2026, 9],
    ['二〇二六年九月', 2026, 9],
    ['二〇二六年一至十二月', 2026, 12],
    ['二〇二六年十一月份', 2026, 11],
    ['9月', null, 9],
    ['1-9月', null, 9],
  ])('"%s" → %s-%s', (text, year, month) => {
    expect(readPeriodText(text)).toMatchObject({ kind: 'period', year, month });
  });

  test.each([['2026年第三季度', 2026, 3], ['2026年三季度', 2026, 3], ['2026Q3', 2026, 3], ['第一季度', null, 1], ['2025年4季度', 2025, 4]])('"%s" is a quarter, not a month', (t, year, q) => {
    expect(readPeriodText(t)).toMatchObject({ kind: 'quarter', year, q });
  });

  test('"2026年7-9月" is a range not starting in January', () => {
    expect(readPeriodText('2026年7-9月').kind).toBe('range');
  });

  test.each(['', '本月', '2026年13月', '2026-00', 'Sheet1', '盘锦开发区'])('"%s" is no period', (t) => {
    expect(readPeriodText(t).kind).toBe('none');
  });
});

describe('period keys', () => {
  test('periodKey pads the month; parsePeriodKey reads it and dates back', () => {
    expect(periodKey({ year: 2026, month: 9 })).toBe('2026-09');
    expect(parsePeriodKey('2026-09')).toEqual({ year: 2026, month: 9 });
    expect(parsePeriodKey('2026-09-30T00:00:00.000Z')).toEqual({ year: 2026, month: 9 });
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(parsePeriodKey('2026-9')).toBeNull();
  });

  test('every month round-trips through its key and through readPeriodText', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const key = periodKey({ year, month });
        expect(parsePeriodKey(key)).toEqual({ year, month });
        expect(readPeriodText(key)).toMatchObject({ kind: 'period', year, month });
        expect(readPeriodText(`${year}年1-${month}月`)).toMatchObject({ kind: 'period', year, month });
      }),
    );
  });
});

describe('stripPeriod', () => {
  test('leaves the zone of a sheet name that carries a month too', () => {
    expect(stripPeriod('盘锦高新区2026年9月')).toBe('盘锦高新区');
    expect(stripPeriod('盘锦高新区(1-9月)')).toBe('盘锦高新区');
    expect(stripPeriod('9月')).toBe('');
    expect(stripPeriod('2026-09')).toBe('');
    expect(stripPeriod('盘锦高新区')).toBe('盘锦高新区');
    expect(stripPeriod('盘锦高新区九月')).toBe('盘锦高新区');
  });
});
