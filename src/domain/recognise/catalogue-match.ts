/**
 * Matching a report row to a catalogue indicator (template.md §1): by code when the sheet has a code
 * column and the code is in the catalogue (the name is then only checked loosely: see rows.ts), else by name or
 * alias after normaliseName (其中:, indents and numbering ignored; a trailing unit in brackets too).
 */
import type { Indicator } from '../config/schema';
import type { Cell } from '../types';
import { cleanText, normaliseName } from '../cells/normalise';

export interface CatalogueIndex {
  byCode: Map<string, Indicator>;
  byName: Map<string, Indicator>;
  all: Indicator[];
}

/** A row name as matched: normalised, and "规模以上工业总产值(万元)" loses its bracketed unit. */
export function nameKey(text: string): string {
  return normaliseName(text).replace(/\([^()]*\)$/, '');
}

// Built once per catalogue: every sheet of a check is matched against the same one.
const indexes = new WeakMap<Indicator[], CatalogueIndex>();

export function indexCatalogue(catalogue: Indicator[]): CatalogueIndex {
  let ix = indexes.get(catalogue);
  if (!ix) {
    ix = buildIndex(catalogue);
    indexes.set(catalogue, ix);
  }
  return ix;
}

function buildIndex(catalogue: Indicator[]): CatalogueIndex {
  const byCode = new Map<string, Indicator>();
  const byName = new Map<string, Indicator>();
  const ambiguous = new Set<string>();
  for (const ind of catalogue) {
    byCode.set(ind.code, ind);
    for (const n of [ind.name, ...ind.aliases]) {
      const k = nameKey(n);
      if (k === '') continue;
      const prev = byName.get(k);
      if (prev && prev !== ind) ambiguous.add(k);
      else byName.set(k, ind);
    }
  }
  // A bureau's catalogue whose names differ only in spacing or 其中: would make a name match a guess:
  // such a name matches nothing (the row is then reported), and the code column decides.
  for (const k of ambiguous) byName.delete(k);
  return { byCode, byName, all: catalogue };
}

/**
 * The indicator a code cell names. A code typed as a number lost its leading zero in Excel (01 → 1):
 * it matches the catalogue code with the same numeric value.
 */
export function matchCode(idx: CatalogueIndex, cell: Cell | undefined): Indicator | null {
  if (!cell || cell.v === null) return null;
  const v = cell.v;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return null;
    return idx.all.find((i) => /^\d+$/.test(i.code) && Number(i.code) === v) ?? null;
  }
  if (typeof v !== 'string') return null;
  const t = cleanText(v).replace(/\s+/g, '');
  if (t === '') return null;
  const exact = idx.byCode.get(t);
  if (exact) return exact;
  if (/^\d+$/.test(t)) return idx.all.find((i) => /^\d+$/.test(i.code) && Number(i.code) === Number(t)) ?? null;
  return null;
}

export function matchName(idx: CatalogueIndex, text: string): Indicator | null {
  const k = nameKey(text);
  return k === '' ? null : idx.byName.get(k) ?? null;
}
