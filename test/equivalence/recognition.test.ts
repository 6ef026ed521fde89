/**
 * Recognition keeps its results: over every sheet of the corpus (each sheet the test suites hand the
 * recogniser, the sample generator's workbooks, the same saved again by LibreOffice, and random
 * grids of report words — see build-corpus.ts), recogniseSheet gives exactly the records, columns,
 * zone, period and findings the former recogniser gave.
 *
 * Output changed on purpose is named here, change by change, with the reason: either the former
 * output is adjusted by a rule worked out from the sheet alone (never from the new output), or a
 * sheet holding a form the former recogniser could not read (listed in NEW_FORMS) is left out of the
 * exact comparison, counted, and covered by the variant fixtures instead. Anything else that differs
 * fails, with the first differing field of each sheet.
 */
import { defaultConfig } from '../../src/domain/config/validate';
import { normaliseLabel } from '../../src/domain/cells/normalise';
import { normaliseNumberText } from '../../src/domain/cells/read-number';
import { unitList } from '../../src/domain/cells/units';
import { parseA1 } from '../../src/domain/a1';
import { decimalsOf } from '../../src/domain/rounding';
import { buildRegister } from '../../src/domain/recognise/register';
import { gridView, type GridView } from '../../src/domain/recognise/grid';
import { matchColumnLabel } from '../../src/domain/recognise/labels';
import { indicatorsAcross } from '../../src/domain/recognise/layout';
import { indexCatalogue } from '../../src/domain/recognise/catalogue-match';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import type { SheetGrid } from '../../src/domain/types';
import { loadCorpus } from './corpus';

type Json = Record<string, unknown>;
type Rec = Json & { cells: Record<string, string>; invalidCols: string[]; yoy: number | null; yoyLabel?: string | null };

/**
 * Cell texts the former recogniser could not read and the new one reads (template.md §5): a value
 * with its published rank, a figure with a footnote mark, last year's figure in a growth cell.
 * A sheet holding one is compared by the variant fixtures, not here.
 */
const NEW_FORMS: { name: string; test: (text: string) => boolean }[] = [
  { name: 'value(rank)', test: (t) => /^.*\d\((?:第|并列)?\d{1,4}(?:位|名)?\)$/.test(normaliseLabel(t)) },
  { name: 'footnote mark', test: (t) => /\d\s*(?:[*＊※†‡△▲#]+|[\u00B9\u00B2\u00B3\u2070-\u2079]+)$/.test(t.trim()) },
  { name: '上年为x', test: (t) => /^(?:上年|去年)(?:同期)?(?:为|是|:)?[+-]?\d/.test(normaliseLabel(t)) },
  { name: 'a line of units', test: (t) => (unitList(t.replace(/^.*?单位\s*[:：]/, ''))?.length ?? 0) > 1 },
];

function cellText(g: GridView, addr: string | undefined): string | null {
  const p = addr ? parseA1(addr) : null;
  return p ? g.text(p.row, p.col) : null;
}

/** The former output as the new recogniser gives it, by the changes made on purpose. */
const INTENDED: { name: string; why: string; apply: (g: GridView, rec: Rec) => void }[] = [
  {
    name: 'marks',
    why: 'template.md §5: "--" (withheld) and "-" (not assessed) are kept on the record as marks (the figure stays null)',
    apply(g, rec) {
      for (const col of ['month', 'ytd', 'base', 'yoy', 'target']) {
        if (rec[col] !== null || rec.invalidCols.includes(col)) continue;
        const t = cellText(g, rec.cells[col]);
        const n = t === null ? '' : normaliseNumberText(t);
        if (n === '-' || n === '--') ((rec.marks ??= {}) as Json)[col] = n;
      }
    },
  },
  {
    name: 'growth dash',
    why: 'template.md §5: "—" in a growth cell says no % can be given (label —), not merely no data',
    apply(g, rec) {
      if (rec.yoy !== null || rec.yoyLabel !== null || rec.invalidCols.includes('yoy')) return;
      const t = cellText(g, rec.cells.yoy);
      if (t !== null && ['—', '——', '―', '─'].includes(normaliseLabel(t))) {
        rec.yoyLabel = '—';
        const marks = rec.marks as Json | undefined;
        if (marks) delete marks.yoy;
      }
    },
  },
  {
    name: 'shown decimals of converted General numbers',
    why: 'rules.md §1 (tol from the last digit shown): a number in General format shows what was typed, and converting it (亿元 → 万元) moves its last shown digit with it; the former code judged the converted figure by its own decimals',
    apply(g, rec) {
      for (const col of ['month', 'ytd', 'base', 'target']) {
        const v = rec[col];
        const p = parseA1(rec.cells[col] ?? '');
        const shown = rec.shown as Json | undefined;
        if (typeof v !== 'number' || !p || shown?.[col] !== undefined) continue;
        const cell = g.cell(p.row, p.col);
        if (typeof cell?.v !== 'number' || (cell.fmt !== undefined && cell.fmt !== 'General') || cell.v === 0 || v === cell.v) continue;
        const places = Math.round(Math.log10(v / cell.v));
        if (Number((10 ** places).toPrecision(15)) !== Number((v / cell.v).toPrecision(15))) continue;
        if (decimalsOf(cell.v) <= 15) ((rec.shown ??= {}) as Json)[col] = decimalsOf(cell.v) - places;
      }
    },
  },
];

/** Changes to the findings made on purpose. */
const INTENDED_FINDINGS: { name: string; why: string; keep: (g: GridView, out: Json, f: Json) => boolean }[] = [
  {
    name: 'section headings',
    why: 'template.md §5: a row naming no indicator and holding no figure (and no code) is a section heading, skipped without a word',
    keep(g, out, f) {
      if (f.rule !== 'V-UNKNOWN-ROW' || typeof f.cell !== 'string') return true;
      const r = (parseA1(f.cell) as { row: number }).row;
      const cols = out.columns as Record<string, number>;
      const blank = (k: string) => cols[k] === undefined || g.text(r, cols[k]) === '';
      return !(['code', 'month', 'ytd', 'base', 'yoy', 'target'].every(blank));
    },
  },
];

/** The first place two JSON values differ, as a path, for the failure message. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array against object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Json)[k], (b as Json)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

/**
 * A sheet the former recogniser refused for want of a 上年同期 column although its header has the
 * value and the 同比 columns: now read, with the published growth (template.md §5).
 */
function growthWithoutBase(sheet: SheetGrid, expected: Json): boolean {
  const findings = (expected.findings as Json[] | undefined) ?? [];
  if (!findings.some((f) => f.rule === 'V-LAYOUT' && f.level === 'error' && typeof f.value === 'string' && f.value.split(',').includes('base'))) return false;
  const g = gridView(sheet);
  for (let r = 0; r < Math.min(15, g.rowCount); r++) {
    const keys = new Set<string>();
    for (let c = 0; c < g.width(r); c++) {
      const m = matchColumnLabel(g.label(r, c));
      if (m) keys.add(m.key);
    }
    if (keys.has('ytd') && keys.has('yoy') && !keys.has('base')) return true;
  }
  return false;
}

/**
 * A sheet the former recogniser found no header in, with a row naming two or more indicators across
 * its cells: now read as a transposed sheet, or refused with the one error that says the indicators
 * run across the columns (template.md §5).
 */
function indicatorsAcrossUnread(sheet: SheetGrid, expected: Json): boolean {
  if (expected.kind === 'report' && expected.headerRow !== -1) return false;
  if (expected.kind !== 'report' && expected.kind !== 'skipped') return false;
  return indicatorsAcross(gridView(sheet), catalogue) !== null;
}
const catalogue = indexCatalogue(defaultConfig().catalogue);

function newForm(sheet: SheetGrid): string | null {
  for (const row of sheet.rows) {
    for (const c of row) {
      if (typeof c?.v !== 'string') continue;
      const f = NEW_FORMS.find((x) => x.test(c.v as string));
      if (f) return f.name;
    }
  }
  return null;
}

test('every corpus sheet is recognised as before, but for the changes made on purpose', () => {
  const corpus = loadCorpus();
  const config = defaultConfig();
  const registers = corpus.registers.map((zones) => buildRegister(zones).register);
  const differ: string[] = [];
  const leftOut = new Map<string, string[]>();
  let compared = 0;
  for (const e of corpus.entries) {
    const form =
      newForm(e.sheet) ??
      (growthWithoutBase(e.sheet, e.expected as Json) ? 'growth without a base' : null) ??
      (indicatorsAcrossUnread(e.sheet, e.expected as Json) ? 'indicators across' : null);
    if (form) {
      leftOut.set(form, [...(leftOut.get(form) ?? []), e.source]);
      continue;
    }
    const out = recogniseSheet(e.sheet, {
      config: e.config === null ? config : corpus.configs[e.config],
      register: e.register === null ? null : registers[e.register],
      fallbackYear: e.fallbackYear,
    });
    const expected = JSON.parse(JSON.stringify(e.expected)) as Json;
    const g = gridView(e.sheet);
    for (const rec of (expected.records as Rec[] | undefined) ?? []) for (const change of INTENDED) change.apply(g, rec);
    if (Array.isArray(expected.findings)) expected.findings = (expected.findings as Json[]).filter((f) => INTENDED_FINDINGS.every((c) => c.keep(g, expected, f)));
    const d = firstDifference(JSON.parse(JSON.stringify(out)), expected);
    if (d) differ.push(`${e.source}: ${d}`);
    compared++;
  }
  expect(differ.slice(0, 10)).toEqual([]);
  expect(differ).toHaveLength(0);
  // Only random grids hold the new forms: every sheet of the suites and the samples is compared.
  const random = (s: string) => s.startsWith('random ') || s.startsWith('src/domain/recognise/sheet.property.test.ts#');
  for (const sources of leftOut.values()) expect(sources.filter((s) => !random(s)).slice(0, 5)).toEqual([]);
  expect([...leftOut.values()].flat().length).toBeLessThan(corpus.entries.length / 8);
  expect(compared).toBeGreaterThan(4000);
  const withRecords = corpus.entries.filter((e) => (e.expected as { records?: unknown[] }).records?.length).length;
  expect(withRecords).toBeGreaterThan(500);
});
