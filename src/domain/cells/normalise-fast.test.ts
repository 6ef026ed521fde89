/**
 * The memo and the already-normal scan of normalise.ts against the functions as they were before,
 * kept here verbatim as the reference: the same text out for any text in.
 */
import fc from 'fast-check';
import { cleanText, normaliseLabel, normaliseName } from './normalise';
import { memoText } from './memo';

// ---------------------------------------------------------------- reference (before the fast paths)

const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF\u202A-\u202E]/g;
const FOOTNOTE_MARKS = /[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/g;
const WHITESPACE = /\s+/g;

function refCleanText(s: string): string {
  return s.replace(FOOTNOTE_MARKS, '').replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
}

function refNormaliseLabel(s: string): string {
  let t = refCleanText(s).replace(WHITESPACE, '');
  for (let i = 0; i < 8; i++) {
    const next = t.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

const LEAD_QIZHONG = /^其中[:：]?/;
const LEAD_NUMBERING = /^(?:\(?[0-9]{1,2}[).、．.]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[·•\-*#])/;

function refNormaliseName(s: string): string {
  let t = refNormaliseLabel(s);
  for (let i = 0; i < 64; i++) {
    let next = t;
    for (;;) {
      const stripped = next.replace(LEAD_QIZHONG, '').replace(LEAD_NUMBERING, '');
      if (stripped === next) break;
      next = stripped;
    }
    next = refNormaliseLabel(next.toLowerCase());
    if (next === t) break;
    t = next;
  }
  return t;
}

// ---------------------------------------------------------------- generators

/** Characters the scan lets through, and their neighbours that it must not. */
const edgeChars = fc.constantFrom(
  ' ', '\t', '\n', '\u00A0', '\u3000', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u202A', '\u2060', '\u007F', '\u001F',
  '\u4DFF', '\u4E00', '\u9FFF', '\uA000', '\uF900', '\uFA10', '\u2F00', '\u3251', '①', '⑴', '❶',
  '１', '９', '．', '：', '（', '）', '％', 'Ａ', 'ａ', '\u0301', '\u0308', '\u0338', '¨', '´', 'İ', 'ß', 'ﬁ', '㎡', '㈱',
  '\u1100', '\u1161', '\u11A8', '가', '\uD800', '\uDC00', '其', '中', '一', '、', '·', '#', '-', '.', '0', '9', 'e', 'E',
);
const normalRange = fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x4e00, max: 0x9fff })).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-composite' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: edgeChars }),
  fc.string({ unit: normalRange }),
  fc.string({ unit: fc.oneof(normalRange, edgeChars) }),
  fc.string({ unit: fc.oneof(normalRange, edgeChars), minLength: 250, maxLength: 300 }), // around the memo's length bound
);

const RUNS = { numRuns: 20_000 };

describe('normalisation fast paths give what the uncached functions gave', () => {
  test('cleanText', () => {
    fc.assert(fc.property(anyText, (s) => expect(cleanText(s)).toBe(refCleanText(s))), RUNS);
  });

  test('normaliseLabel', () => {
    fc.assert(fc.property(anyText, (s) => expect(normaliseLabel(s)).toBe(refNormaliseLabel(s))), RUNS);
  });

  test('normaliseName', () => {
    fc.assert(fc.property(anyText, (s) => expect(normaliseName(s)).toBe(refNormaliseName(s))), RUNS);
  });

  test('asked again, from the memo: the same answers', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 20 }), (xs) => {
        for (const s of [...xs, ...xs]) {
          expect(cleanText(s)).toBe(refCleanText(s));
          expect(normaliseLabel(s)).toBe(refNormaliseLabel(s));
          expect(normaliseName(s)).toBe(refNormaliseName(s));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('every character the scan lets through is its own NFKC form', () => {
    for (const [lo, hi] of [[0x21, 0x7e], [0x4e00, 0x9fff]]) {
      for (let c = lo; c <= hi; c++) {
        const ch = String.fromCharCode(c);
        expect(refNormaliseLabel(ch)).toBe(ch);
      }
    }
  });
});

describe('memoText', () => {
  test('stays bounded and keeps answering right after it starts afresh', () => {
    let calls = 0;
    const f = memoText((s) => {
      calls++;
      return s.toUpperCase();
    });
    for (let i = 0; i < 20_000; i++) expect(f(`k${i}`)).toBe(`K${i}`);
    expect(calls).toBe(20_000);
    expect(f('k19999')).toBe('K19999');
    expect(calls).toBe(20_000); // remembered after the clears
    const long = 'x'.repeat(300);
    f(long);
    f(long);
    expect(calls).toBe(20_002); // long texts are not kept
  });
});
