/**
 * Parts of a record that repeat from zone to zone, kept once: the cell addresses of a row (every
 * zone's sheet of the template puts indicator 01 on the same cells), the columns holding formulas,
 * the decimals shown. A month of thousands of zones otherwise keeps a copy per record for as long
 * as its check result lives (about 8 KB per zone). Shared parts are frozen: nothing may change them
 * once a record is read (recognition builds them before, and nothing writes to them after).
 */

/** Entries kept before the table starts afresh (bounded whatever the sheets hold). */
const MAX_ENTRIES = 16384;
const table = new Map<string, object>();

function intern<T extends object>(key: string, value: T): T {
  const known = table.get(key);
  if (known !== undefined) return known as T;
  if (table.size >= MAX_ENTRIES) table.clear();
  table.set(key, Object.freeze(value));
  return value;
}

/** An object of short strings or numbers (cell addresses by column, decimals by figure), shared. */
export function sharedRecord<V extends string | number>(o: Partial<Record<string, V>>, tag: string): typeof o {
  let key = tag;
  for (const k in o) key += '\u0000' + k + '\u0001' + (Object.is(o[k], -0) ? '-0' : String(o[k]));
  return intern(key, o);
}

/** A short list of column keys (formula columns, invalid columns), shared; the empty list too. */
export function sharedList<T extends string>(list: T[], tag: string): T[] {
  return intern(tag + '\u0000' + list.join('\u0000'), list);
}
