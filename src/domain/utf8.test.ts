import { utf8Length } from './utf8';

describe('utf8Length', () => {
  it('counts bytes as UTF-8 does: ASCII 1, Latin/Greek 2, CJK 3, a surrogate pair 4', () => {
    for (const s of ['', 'abc', 'é', '税收占比', '𠀀', 'a中é😀']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
