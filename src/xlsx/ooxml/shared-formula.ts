/**
 * A shared formula's text for one cell of its range. Excel writes the formula once, on the range's
 * first cell (<f t="shared" ref="E4:E30" si="0">D4/C4</f>), and the other cells only name it
 * (<f t="shared" si="0"/>): their formula is the master's with every relative reference moved by the
 * cell's offset ($-anchored parts stay). Text in quotes, function names and names are left alone.
 * Only messages show formula text (a formula never calculated), so this is about being readable.
 */
import { columnLetters, columnNumber } from '../../domain/a1';

/** `$A$1`, `B7`, `Sheet1!C3`, `'My sheet'!$D4` (not followed by '(' or more name characters). */
const REF = /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![\w.(])/g;

/** The master's formula moved by (dRow, dCol); a reference moved off the sheet becomes #REF!. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(REF, (all, str: string | undefined, sheet: string | undefined, cAbs: string, col: string, rAbs: string, row: string, at: number) => {
    if (str !== undefined) return all;
    // part of a longer name (e.g. LOG10 in LOG10(…) is handled by the lookahead; ABC1D is not a ref)
    if (at > 0 && /[\w.$]/.test(formula[at - 1]) && sheet === undefined) return all;
    const c = columnNumber(col) + (cAbs ? 0 : dCol);
    const r = Number(row) + (rAbs ? 0 : dRow);
    if (columnNumber(col) > 16384) return all; // not a column: a name such as ABCD1
    if (c < 1 || c > 16384 || r < 1 || r > 1048576) return `${sheet ?? ''}#REF!`;
    return `${sheet ?? ''}${cAbs}${columnLetters(c - 1)}${rAbs}${r}`;
  });
}
