/**
 * Invariants of recogniseSheet over arbitrary small grids built from the words reports use: it never
 * throws, every finding is complete and bilingual and names its cell with the level its rule has (rules.md §1), every value
 * is a finite number or null, and no indicator is read twice.
 */
import fc from 'fast-check';
import { defaultConfig } from '../config/validate';
import type { Cell, Finding, Level, RuleId, Zone } from '../types';
import { buildRegister } from './register';
import { recogniseSheet } from './sheet';
import { CANONICAL_HEADER } from './grid-fixture';

const LEVEL_OF: Partial<Record<RuleId, Level[]>> = {
  'V-ZONE': ['error'], 'V-PERIOD': ['error'], 'V-DUP': ['error'], 'V-UNIT': ['error'], 'V-TYPE': ['error'],
  'V-UNITCONV': ['info'], 'V-TEXTNUM': ['warning'], 'V-UNKNOWN-ROW': ['info'],
  // V-LAYOUT: error; info only for the optional unit column (decision recorded in sheet.ts)
  'V-LAYOUT': ['error', 'info'],
};

const words = [
  '指标名称', '代码', '计量单位', '本月', '1-本月累计', '1-9月', '上年同期累计', '同比增长(%)', '年度目标', '说明',
  '填报单位:辽滨经开区', '统计期:2026年9月', '统计期:9月', '统计期', '9月', '1-8月', '2026年第三季度', '金额单位:亿元', '金额单位:吨', '开发区代码:G1',
  '规模以上工业总产值', '其中:税收收入', '税收占比', '实际使用外资', '规上工业增加值增速', '固投', '01', '12',
  '万元', '亿元', '万美元', '%', '个', '—', '-', '无', '１２３，４５６．７', '3.5亿元', '12.3%', 'abc', '填表人:', '注:', '甲',
];
const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...words).map((v) => ({ v })),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((v) => ({ v })),
  fc.integer({ min: 0, max: 1000 }).map((v) => ({ v })),
  fc.constantFrom({ v: { error: '#DIV/0!' }, f: 'A1/B1' }, { v: null, f: 'SUM(A1)', noResult: true as const }, { v: { date: '2026-09-30' } }, { v: 0.5, fmt: '0.0%' }, { v: 3, fmt: '0"亿元"' }),
);
// Half of the sheets get the canonical header somewhere in their first rows, so that rows are read.
const rowsArb = fc
  .tuple(fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 12 }), fc.option(fc.nat({ max: 4 }), { nil: null }))
  .map(([rows, at]) => {
    if (at === null) return rows;
    const out = [...rows];
    out.splice(Math.min(at, out.length), 0, CANONICAL_HEADER.map((v) => ({ v })));
    return out;
  });
const sheetArb = fc.record({
  name: fc.constantFrom('Sheet1', '辽滨', '2026年9月', '9月', '辽滨经开区2026年8月'),
  rows: rowsArb,
  merges: fc.array(fc.constantFrom('A1:I1', 'A1:A2', 'D3:E3', 'B2:C9'), { maxLength: 2 }),
});

const zones: Zone[] = [{ code: 'G1', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区'], level: null, type: null, city: null, province: null }];

test('recogniseSheet is total and its output well-formed', () => {
  const config = defaultConfig();
  const register = buildRegister(zones).register;
  let withRecords = 0;
  fc.assert(
    fc.property(sheetArb, fc.boolean(), fc.option(fc.constant(2026), { nil: null }), (sheet, withRegister, fallbackYear) => {
      const out = recogniseSheet(sheet, { config, register: withRegister ? register : null, fallbackYear });
      if (out.kind !== 'report' && out.kind !== 'table') {
        expect(out.reason.zh).not.toBe('');
        expect(out.reason.en).not.toBe('');
        return;
      }
      const checkFinding = (f: Finding) => {
        expect(f.message.zh.length).toBeGreaterThan(0);
        expect(f.message.en.length).toBeGreaterThan(0);
        expect(f.file).toBeNull();
        expect(f.sheet).toBe(sheet.name);
        const allowed = LEVEL_OF[f.rule];
        expect(allowed).toBeDefined();
        expect(allowed).toContain(f.level);
        if (f.level !== 'warning') expect(f.explained).toBe(false);
        // the clerk is told where: a finding with a cell names it in both languages
        if (f.cell !== null) {
          expect(f.message.zh).toContain(f.cell);
          expect(f.message.en).toContain(f.cell);
        }
      };
      if (out.kind === 'table') out.findings.forEach(checkFinding);
      for (const r of out.kind === 'table' ? out.reports : [out]) {
        r.findings.forEach(checkFinding);
        if (r.records.length > 0) withRecords++;
        const codes = r.records.map((x) => x.indicator);
        expect(new Set(codes).size).toBe(codes.length);
        for (const rec of r.records) {
          for (const k of ['month', 'ytd', 'base', 'yoy', 'target'] as const) {
            const v = rec[k];
            expect(v === null || Number.isFinite(v)).toBe(true);
            if (rec.invalidCols.includes(k)) expect(v).toBeNull();
          }
          expect(rec.row).toBeGreaterThan(r.headerRow);
        }
      }
    }),
    { numRuns: 1500 },
  );
  // the generator does reach the row reading (a vacuous pass would prove nothing)
  expect(withRecords).toBeGreaterThan(50);
});
