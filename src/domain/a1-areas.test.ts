import fc from 'fast-check';
import { a1 } from './a1';
import { areaBounds, localAddress, MAX_ADDRESS_CHARS, MAX_AREAS_PER_CALL, packCells, quoteSheet, splitAreas } from './a1-areas';

describe('addresses', () => {
  test('sheet prefixes are quoted and stripped as Excel writes them', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(localAddress("'a!b'!C3:D4")).toBe('C3:D4');
    expect(splitAreas("'x, y'!A1:B2, 'x, y'!C3")).toEqual(['A1:B2', 'C3']);
    expect(areaBounds('B:C')).toEqual({ top: 0, left: 1, bottom: 1_048_575, right: 2 });
    expect(areaBounds('$A$2:$B$3')).toEqual({ top: 1, left: 0, bottom: 2, right: 1 });
  });

  test('packCells covers every cell exactly once, within the per-call limits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3000), fc.nat(200)), { maxLength: 3000 }), (pos) => {
        const cells = pos.map(([r, c]) => a1(r, c));
        const packed = packCells(cells);
        const covered = new Set<string>();
        for (const addr of packed) {
          expect(addr.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
          const areas = addr.split(',');
          expect(areas.length).toBeLessThanOrEqual(MAX_AREAS_PER_CALL);
          for (const area of areas) {
            const b = areaBounds(area);
            if (!b) throw new Error(area);
            for (let r = b.top; r <= b.bottom; r++)
              for (let c = b.left; c <= b.right; c++) {
                const k = a1(r, c);
                expect(covered.has(k)).toBe(false);
                covered.add(k);
              }
          }
        }
        expect(covered).toEqual(new Set(cells));
      }),
      { numRuns: 40 },
    );
  });
});
