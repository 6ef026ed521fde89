/**
 * A bounded memo for pure string → string functions (text normalisation): a month's workbooks repeat
 * a few hundred distinct labels thousands of times, so each is normalised once. Bounded in entries
 * and key length, so a long run or a hostile sheet cannot grow it without limit.
 */

/** Entries kept before the memo starts afresh (a clear is cheaper than tracking recency). */
const MAX_ENTRIES = 8192;
/** Longer texts (notes, pasted paragraphs) are computed each time: they rarely repeat. */
const MAX_KEY_LENGTH = 256;

/** `f` with its results remembered; `f` must be pure (same text in, same text out) and total. */
export function memoText(f: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s: string): string => {
    if (s.length > MAX_KEY_LENGTH) return f(s);
    let r = cache.get(s);
    if (r === undefined) {
      r = f(s);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(s, r);
    }
    return r;
  };
}

/**
 * `f` with its results remembered, for pure functions of a cell's number format: a month's workbooks
 * use a handful of formats over hundreds of thousands of cells, and reading one (quoted literals,
 * sections, placeholders) builds several strings each time. Same bounds as memoText.
 */
export function memoFormat<T>(f: (fmt: string) => T): (fmt: string) => T {
  const cache = new Map<string, T>();
  return (fmt: string): T => {
    if (fmt.length > MAX_KEY_LENGTH) return f(fmt);
    if (cache.has(fmt)) return cache.get(fmt) as T;
    const r = f(fmt);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(fmt, r);
    return r;
  };
}
