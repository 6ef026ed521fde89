/**
 * Merged ranges in a read grid, the same for every format: Excel shows only the top-left cell of a
 * merged range, so anything a file holds under the rest of it is left out, as the Office.js port
 * sees it.
 */
import { parseRange } from '../../domain/a1';
import type { Cell } from '../../domain/types';

/** Removes every cell under a merge but its top-left one. */
export function blankUnderMerges(rows: (Cell | undefined)[][], merges: string[]): void {
  for (const m of merges) {
    const r = parseRange(m);
    if (!r) continue;
    for (let i = r.top; i <= r.bottom && i < rows.length; i++) {
      const line = rows[i];
      if (!line) continue;
      for (let j = r.left; j <= r.right && j < line.length; j++) {
        if (i === r.top && j === r.left) continue;
        if (line[j] !== undefined) delete line[j];
      }
    }
  }
}
