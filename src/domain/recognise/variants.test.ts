/**
 * Every layout variant of template.md §5 (variants.fixtures.ts) is read as expected: the zone, the
 * period, the records (the fields each fixture names) and every finding, in order.
 */
import { defaultConfig } from '../config/validate';
import { buildRegister } from './register';
import { recogniseSheet } from './sheet';
import type { RecognisedReport } from './types';
import { ONE_ZONE_VARIANTS, TABLE_VARIANTS, VARIANT_ZONES, type Variant } from './variants.fixtures';

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

describe.each(TABLE_VARIANTS.map((v) => [v.name, v] as const))('%s', (_, v) => {
  const t = recogniseSheet(v.sheet, { config, register, fallbackYear: null });
  if (t.kind !== 'table') throw new Error(`${v.name}: read as ${t.kind}`);
  test('period, and one report per zone, each with its records and findings', () => {
    expect(t.period ? `${t.period.year}-${String(t.period.month).padStart(2, '0')}` : null).toBe(v.period);
    expect(t.reports.map((r) => r.zone?.code)).toEqual(v.zones.map((z) => z.zone));
    v.zones.forEach((want, i) => {
      const r = t.reports[i];
      expect(r).toMatchObject({ kind: 'report', sheet: v.sheet.name, layout: 'table' });
      expect(r.records.map((x) => x.indicator)).toEqual(want.records.map((x) => x.indicator));
      want.records.forEach((rec, j) => expect(r.records[j]).toMatchObject(rec));
      if (want.findings) expect(r.findings.map((f) => [f.rule, f.level, f.cell])).toEqual(want.findings);
      for (const f of r.findings) expect(f.zone).toBe(want.zone);
    });
  });
  test('rows that are no zone: totals, others, districts, rows holding a zone', () => {
    expect(t.rows.map((r) => [r.text, r.kind, r.dedup])).toEqual(v.rows);
  });
  test('findings about the table', () => {
    expect(t.findings.map((f) => [f.rule, f.level, f.cell])).toEqual(v.findings);
    for (const f of t.findings) {
      expect(f.zone).toBeNull();
      if (f.cell) expect(f.message.zh).toContain(f.cell);
    }
  });
});
