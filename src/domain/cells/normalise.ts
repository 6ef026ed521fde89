/**
 * Text normalisation for Chinese reports: NFKC (full-width → half-width), invisible characters,
 * footnote marks, spaces. One place, so labels, names and numbers are compared the same way
 * everywhere. Every function here is total (never throws) and idempotent.
 *
 * Why memoised (cells/memo.ts), with a scan before the memo: the same labels recur in every sheet of
 * every workbook, and text that is plain ASCII or CJK ideographs is already normal (numbers as text,
 * most names). normalise-fast.test.ts checks both against the uncached functions.
 */
import { memoText } from './memo';

// Zero-width and invisible characters NFKC keeps: ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, BOM,
// and the bidi marks some copy-pastes carry.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF\u202A-\u202E]/g;
// Circled / parenthesised / dingbat numbers used as footnote marks: NFKC would turn ① into 1.
const FOOTNOTE_MARKS = /[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/g;
const WHITESPACE = /\s+/g;

/**
 * Whether NFKC, the removals and the space removal all leave `s` as it is: every character is
 * printable ASCII other than the space, or a CJK unified ideograph (U+4E00–U+9FFF). None of these
 * has a decomposition or composes with a neighbour, and none is invisible, a footnote mark or a space.
 */
function alreadyNormal(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    return false;
  }
  return true;
}

/** NFKC + invisible characters and footnote marks removed. Keeps spaces. */
export function cleanText(s: string): string {
  return alreadyNormal(s) ? s : cleanTextMemo(s);
}
const cleanTextMemo = memoText(cleanTextUncached);

function cleanTextUncached(s: string): string {
  return s.replace(FOOTNOTE_MARKS, '').replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
}

/** A label as compared: clean, every space and line break removed. "同比增长 (%)" → "同比增长(%)". */
export function normaliseLabel(s: string): string {
  return alreadyNormal(s) ? s : normaliseLabelMemo(s);
}
const normaliseLabelMemo = memoText(normaliseLabelUncached);

function normaliseLabelUncached(s: string): string {
  let t = cleanText(s).replace(WHITESPACE, '');
  // Removing a space can leave a base letter and a combining mark side by side ("e ̈" → "ë"), which
  // NFKC composes differently: normalise again until nothing changes, so the result is a fixed point.
  for (let i = 0; i < 8; i++) {
    const next = t.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

// Leading "其中:", numbering "1." "1、" "(1)" "一、" and bullets, removed for matching names.
const LEAD_QIZHONG = /^其中[:：]?/;
// "#" marks an "of which" item in yearbooks (engineering-notes.md): a mark, not part of the name.
const LEAD_NUMBERING = /^(?:\(?[0-9]{1,2}[).、．.]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[·•\-*#])/;

/**
 * A name as matched against the catalogue or the register: label-normalised, leading "其中:",
 * numbering and bullets removed (repeatedly: "1.其中:x"), Latin letters lower-cased.
 */
export function normaliseName(s: string): string {
  return normaliseNameMemo(s);
}
const normaliseNameMemo = memoText(normaliseNameUncached);

function normaliseNameUncached(s: string): string {
  let t = normaliseLabel(s);
  // Each pass only shortens the text, so this ends; repeated until nothing changes so that
  // normaliseName is idempotent ("1.1.1.1.1.x" loses every level, lower-casing is re-normalised).
  for (let i = 0; i < 64; i++) {
    let next = t;
    for (;;) {
      const stripped = next.replace(LEAD_QIZHONG, '').replace(LEAD_NUMBERING, '');
      if (stripped === next) break;
      next = stripped;
    }
    next = normaliseLabel(next.toLowerCase());
    if (next === t) break;
    t = next;
  }
  return t;
}
