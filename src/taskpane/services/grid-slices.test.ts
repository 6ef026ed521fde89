/**
 * Sheets cut into row slices and put back together (grid-slices.ts) are the sheets given, exactly —
 * holes, merges, flags and all — also after each message is copied by structuredClone, as between
 * the pane's threads; and no slice is much above the cell budget.
 */
import fc from 'fast-check';
import type { Cell, SheetGrid } from '../../domain/types';
import { joinSlice, sliceSheets } from './grid-slices';

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ v: fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.boolean()) }, { requiredKeys: ['v'] }),
  fc.record({ v: fc.integer(), f: fc.string(), nf: fc.constantFrom('0.0', '#,##0', 'General') }),
);
const row = fc.array(cell, { maxLength: 12 }).map((r) => {
  // a sparse row as a reader makes it: cells only where there is one
  const sparse: (Cell | undefined)[] = [];
  r.forEach((c, i) => {
    if (c !== undefined) sparse[i] = c;
  });
  return sparse;
});
const sheet: fc.Arbitrary<SheetGrid> = fc.record(
  { name: fc.string({ minLength: 1 }), rows: fc.array(row, { maxLength: 60 }), merges: fc.array(fc.constantFrom('A1:B1', 'C3:D4')), hidden: fc.boolean() },
  { requiredKeys: ['name', 'rows', 'merges'] },
);

it('puts the sheets back exactly, holes included, across structuredClone', () => {
  fc.assert(
    fc.property(fc.array(sheet, { maxLength: 4 }), fc.integer({ min: 1, max: 50 }), (sheets, budget) => {
      const { heads, slices } = sliceSheets(sheets, budget);
      const back = structuredClone(heads);
      for (const s of slices) joinSlice(back, structuredClone(s));
      expect(back).toEqual(sheets);
      back.forEach((g, i) => g.rows.forEach((r, j) => expect(Object.keys(r)).toEqual(Object.keys(sheets[i].rows[j]))));
      for (const s of slices) expect(s.rows.reduce((n, r) => n + Math.max(1, r.length), 0)).toBeLessThan(budget + 12);
    }),
  );
});

it('leaves the given sheets untouched', () => {
  const sheets: SheetGrid[] = [{ name: 'a', rows: [[{ v: 1 }], [{ v: 2 }]], merges: [] }];
  sliceSheets(sheets, 1);
  expect(sheets[0].rows).toHaveLength(2);
});
