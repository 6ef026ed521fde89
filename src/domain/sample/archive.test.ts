import { defaultConfig } from '../config/validate';
import { sampleArchive } from './archive';
import { sampleHistory } from './month';
import { sampleRegister } from './register';

describe('sampleArchive', () => {
  const zones = sampleRegister(10);
  const periods = [{ year: 2026, month: 6 }, { year: 2026, month: 3 }, { year: 2026, month: 8 }];
  const rows = sampleArchive(zones, periods, defaultConfig());

  it('archives the same figures the generator gives, in date order', () => {
    const plain = sampleHistory(zones, [{ year: 2026, month: 3 }, { year: 2026, month: 6 }, { year: 2026, month: 8 }]);
    const key = (r: { period: string; zone: string; indicator: string }) => `${r.period}|${r.zone}|${r.indicator}`;
    const byKey = new Map(rows.map((r) => [key(r), r]));
    expect(rows).toHaveLength(plain.length);
    for (const p of plain) {
      expect(byKey.get(key(p))?.ytd).toBe(p.ytd);
      expect(byKey.get(key(p))?.base).toBe(p.base);
    }
    expect([...new Set(rows.map((r) => r.period))]).toEqual(['2026-03', '2026-06', '2026-08']);
  });

  it('keeps warning levels at quarter ends only', () => {
    const levels = (period: string) => rows.filter((r) => r.period === period && r.indicator === '01').map((r) => r.level);
    expect(levels('2026-06').every((l) => l !== null)).toBe(true);
    expect(levels('2026-08').every((l) => l === null || l === 'gray')).toBe(true);
  });
});
