/**
 * The layout variants of template.md §5 in files another program wrote: each fixture grid written to
 * .xlsx, opened and saved again by LibreOffice (its own shared strings, styles and merges), read back
 * by the .xlsx port, gives the same records and findings as the fixture. Skipped, with a message
 * saying so, when soffice is not installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/domain/config/validate';
import type { OutCell, OutSheet } from '../../src/domain/output/sheet-model';
import { buildRegister } from '../../src/domain/recognise/register';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { ONE_ZONE_VARIANTS, TABLE_VARIANTS, VARIANT_ZONES } from '../../src/domain/recognise/variants.fixtures';
import type { SheetGrid } from '../../src/domain/types';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { hasSoffice, soffice } from '../lossless/soffice';

jest.setTimeout(240_000);
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the variants as LibreOffice writes them are not read.');
const maybe = hasSoffice ? describe : describe.skip;

/** A fixture grid as a sheet to write: values, formats, merges (sheet names kept apart per fixture). */
function outSheet(g: SheetGrid, name: string): OutSheet {
  const rows: OutCell[][] = g.rows.map((row) =>
    row.map((c): OutCell => {
      if (!c || c.v === null || typeof c.v === 'object' || typeof c.v === 'boolean') return { v: null };
      return c.fmt ? { v: c.v, fmt: c.fmt } : { v: c.v };
    }),
  );
  return { name, columns: [], rows, merges: g.merges };
}

const summary = (r: ReturnType<typeof recogniseSheet>) => {
  const reports = r.kind === 'report' ? [r] : r.kind === 'table' ? r.reports : [];
  return {
    kind: r.kind,
    reports: reports.map((x) => ({ zone: x.zone?.code ?? null, period: x.period, records: x.records.map((rec) => [rec.indicator, rec.month, rec.ytd, rec.base, rec.yoy, rec.yoyLabel ?? null, rec.quarter ?? null]), findings: x.findings.map((f) => [f.rule, f.level, f.cell]) })),
    table: r.kind === 'table' ? { rows: r.rows.map((x) => [x.text, x.kind]), findings: r.findings.map((f) => [f.rule, f.level, f.cell]) } : null,
  };
};

maybe('template variants saved by LibreOffice', () => {
  const config = defaultConfig();
  const register = buildRegister(VARIANT_ZONES).register;
  const all = [...ONE_ZONE_VARIANTS, ...TABLE_VARIANTS];
  const names = all.map((_, i) => `V${i + 1}`);
  let read: SheetGrid[] = [];
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-variants-'));
    try {
      const port = XlsxWorkbookPort.create('variants.xlsx');
      await port.writeSheets(all.map((v, i) => outSheet(v.sheet, names[i])));
      fs.mkdirSync(path.join(dir, 'in'));
      fs.writeFileSync(path.join(dir, 'in', 'variants.xlsx'), await port.toBytes());
      soffice('xlsx', [path.join(dir, 'in', 'variants.xlsx')], path.join(dir, 'out'));
      const saved = await XlsxWorkbookPort.open(fs.readFileSync(path.join(dir, 'out', 'variants.xlsx')), 'variants.xlsx');
      read = (await saved.readWorkbook()).sheets;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(all.map((v, i) => [v.name, i] as const))('%s', (_, i) => {
    const sheet = read.find((s) => s.name === names[i]);
    if (!sheet) throw new Error(`sheet ${names[i]} not read back`);
    const ctx = { config, register, fallbackYear: null };
    // the fixture under the same sheet name, so sheet-name sources agree
    const original = { ...all[i].sheet, name: names[i] };
    expect(summary(recogniseSheet(sheet, ctx))).toEqual(summary(recogniseSheet(original, ctx)));
  });
});
