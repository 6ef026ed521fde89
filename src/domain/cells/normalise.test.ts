import fc from 'fast-check';
import { cleanText, normaliseLabel, normaliseName } from './normalise';

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-composite' }),
  // the characters Chinese reports actually carry, mixed
  fc.string({ unit: fc.constantFrom('其', '中', ':', '：', ' ', '\u3000', '\u200B', '\uFEFF', '①', '１', '1', '.', '、', '(', ')', '（', '）', 'e', '\u0301', '¨', 'İ', '\n', '一', '·') }),
);

describe('normaliseLabel / normaliseName: total and idempotent', () => {
  test('normaliseLabel never throws and is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normaliseLabel(s);
        expect(normaliseLabel(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  test('normaliseName never throws and is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normaliseName(s);
        expect(normaliseName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  test('normaliseLabel leaves no whitespace behind', () => {
    fc.assert(fc.property(anyString, (s) => expect(/\s/.test(normaliseLabel(s))).toBe(false)), { numRuns: 1000 });
  });
});

describe('examples', () => {
  test('full-width brackets and the ideographic space: 同比增长 （%） is 同比增长(%)', () => {
    expect(normaliseLabel('同比增长\u3000（％）')).toBe('同比增长(%)');
  });

  test('line breaks inside a header cell are removed', () => {
    expect(normaliseLabel('上年同期\n累计')).toBe('上年同期累计');
  });

  test('zero-width characters and the BOM are removed', () => {
    expect(normaliseLabel('\uFEFF本\u200B月\u200D')).toBe('本月');
  });

  test('footnote marks are dropped, not turned into digits', () => {
    // NFKC alone would make ① into 1
    expect(cleanText('税收收入①')).toBe('税收收入');
  });

  test('其中: with ASCII or full-width colon, indent and numbering are ignored for names', () => {
    expect(normaliseName('  其中:税收收入')).toBe('税收收入');
    expect(normaliseName('其中：税收收入')).toBe('税收收入');
    expect(normaliseName('1.其中:税收收入')).toBe('税收收入');
    expect(normaliseName('（一）固定资产投资')).toBe('固定资产投资');
    expect(normaliseName('一、固定资产投资')).toBe('固定资产投资');
  });

  test('a yearbook "#" (an of-which item) is a mark, not part of the name', () => {
    expect(normaliseName('#工业投资')).toBe('工业投资');
  });

  test('nested numbering is stripped however deep', () => {
    expect(normaliseName('1.1.1.1.1.固投')).toBe('固投');
  });

  test('Latin letters are lower-cased for names', () => {
    expect(normaliseName('FDI')).toBe('fdi');
  });
});
