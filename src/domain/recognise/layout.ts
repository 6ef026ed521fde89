/**
 * Deciding how a sheet is laid out (template.md §1, §5), before anything is read: a report with
 * indicators down the rows (the template and its variants), an attempt at a report whose header
 * cannot be used (a layout error), or not a report at all (skipped: empty, or no report header).
 */
import type { GridView } from './grid';
import { findHeader, type HeaderFound } from './header';

export type Layout =
  | { kind: 'indicators-down'; header: HeaderFound }
  /** a report title or some header labels, but no usable header: the row that came closest */
  | { kind: 'attempt'; best: HeaderFound | null }
  | { kind: 'none'; empty: boolean };

export function detectLayout(g: GridView): Layout {
  const head = findHeader(g);
  if (head.kind === 'found') return { kind: 'indicators-down', header: head.header };
  if (head.attempt) return { kind: 'attempt', best: head.best };
  let empty = true;
  for (let r = 0; r < g.rowCount && empty; r++) empty = g.blankRow(r);
  return { kind: 'none', empty };
}
