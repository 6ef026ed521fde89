/**
 * Test helper (used only by *.test.ts): builds a SheetGrid from plain arrays, so a test reads like
 * the sheet it describes. A string or number is a cell's value, null/undefined a blank cell, and an
 * object a full Cell (formula, number format, error, date).
 */
import type { Cell, SheetGrid } from '../types';

export type FixtureCell = string | number | boolean | null | undefined | Cell;

export function grid(name: string, rows: FixtureCell[][], merges: string[] = []): SheetGrid {
  return {
    name,
    merges,
    rows: rows.map((row) =>
      row.map((v): Cell | undefined => {
        if (v === null || v === undefined) return undefined;
        if (typeof v === 'object') return v;
        return { v };
      }),
    ),
  };
}

/** The canonical template's header (template.md §1 row 3). */
export const CANONICAL_HEADER = ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)', '年度目标', '说明'];
