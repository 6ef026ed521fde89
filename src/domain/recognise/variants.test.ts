/**
 * Every layout variant of template.md §5 (variants.fixtures.ts) is read as expected: the zone, the
 * period, the records (the fields each fixture names) and every finding, in order.
 */
import { defaultConfig } from '../config/validate';
import { buildRegister } from './register';
import { recogniseSheet } from './sheet';
import type { RecognisedReport } from './types';
import { ONE_ZONE_VARIANTS, VARIANT_ZONES, type Variant } from './variants.fixtures';

const config = defaultConfig();
const register = buildRegister(VARIANT_ZONES).register;

function read(v: Variant): RecognisedReport {
  const r = recogniseSheet(v.sheet, { config, register, fallbackYear: null });
  if (r.kind !== 'report') throw new Error(`${v.name}: read as ${r.kind}`);
  return r;
}

describe.each(ONE_ZONE_VARIANTS.map((v) => [v.name, v] as const))('%s', (_, v) => {
  const r = read(v);
  test('zone and period', () => {
    expect(r.zone?.code ?? null).toBe(v.zone);
    expect(r.period ? `${r.period.year}-${String(r.period.month).padStart(2, '0')}` : null).toBe(v.period);
  });
  test('records', () => {
    expect(r.records.map((x) => x.indicator)).toEqual(v.records.map((x) => x.indicator));
    v.records.forEach((want, i) => expect(r.records[i]).toMatchObject(want));
  });
  test('findings', () => {
    expect(r.findings.map((f) => [f.rule, f.level, f.cell])).toEqual(v.findings);
    for (const f of r.findings) {
      expect(f.message.zh).not.toBe('');
      expect(f.message.en).not.toBe('');
      if (f.cell) expect(f.message.zh).toContain(f.cell);
    }
  });
});
