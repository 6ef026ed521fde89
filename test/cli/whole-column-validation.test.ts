/**
 * A clerk's report with a dropdown on a whole column (classic, C1:C1048576) and a cross-sheet list on
 * a whole column (x14, I1:I1048576), as templates made by selecting columns hold them: `zone-report
 * check` reads it (the inspector used to refuse it: exceljs expanded the list to one object per cell,
 * 1.5 s and 222 MB idle), finds what it finds on the same sheet without validations, and the
 * annotated copy keeps the user's validations byte for byte (it is a patch on the original package).
 * The file is also in the hostile corpus (realistic-whole-column-dropdowns.xlsx), which runs it
 * through the spawned command line within 10 s and 512 MB.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { clerkMistakes, reportSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import type { CheckReport } from '../../src/domain/types';
import { sheetsOf } from '../../src/xlsx/package/opc';
import { readPackage } from '../../src/xlsx/package/zip-parts';
import { fixtureWorkbook } from '../lossless/fixture-writer';
import { PERIOD } from '../lossless/fixtures';
import { run, tempDir } from './helpers';

jest.setTimeout(120_000);

const NAME = '盘锦辽滨.xlsx';

function workbook(validations: 'whole-column' | 'none'): Uint8Array {
  const zones = sampleRegister(2);
  const month = sampleMonth(zones, PERIOD);
  const sheet = reportSheet(month[0].zone, PERIOD, month[0].values, { overrides: clerkMistakes(month[0].values) });
  return fixtureWorkbook({ reports: [sheet], notes: { A4: '口径说明' }, validations });
}

/** Writes `bytes` as NAME in a folder of its own (the report names the file, not the folder). */
function file(tag: string, bytes: Uint8Array): string {
  const dir = path.join(tempDir(tag), 'in');
  mkdirSync(dir);
  const f = path.join(dir, NAME);
  writeFileSync(f, bytes);
  return f;
}

const dec = new TextDecoder();

/** The validation elements of the first report sheet, as written (classic block and x14 ext). */
function validationsOf(bytes: Uint8Array): string[] {
  const pkg = readPackage(bytes);
  const part = sheetsOf(pkg)[0]?.part ?? '';
  const xml = dec.decode(pkg.parts.get(part));
  return [...xml.matchAll(/<dataValidations\b[\s\S]*?<\/dataValidations>|<ext uri="\{CCE6A557[^>]*>[\s\S]*?<\/ext>/g)].map((m) => m[0]);
}

const key = (rep: CheckReport): string[] => rep.findings.map((f) => `${f.rule} ${f.level} ${f.sheet} ${f.cell} ${f.message.zh}`).sort();

describe('whole-column data validations', () => {
  const withDv = workbook('whole-column');
  const without = workbook('none');

  it('the fixture holds both whole-column validations (and the plain one none)', () => {
    const v = validationsOf(withDv);
    expect(v).toHaveLength(2);
    expect(v[0]).toContain('sqref="C1:C1048576"');
    expect(v[1]).toContain('<xm:sqref>I1:I1048576</xm:sqref>');
    expect(validationsOf(without)).toEqual([]);
  });

  it('are read: no input error, the same findings as without validations, in well under the 10 s limit', async () => {
    const t = Date.now();
    const a = await run(['check', file('dv', withDv), '--json']);
    const ms = Date.now() - t;
    const b = await run(['check', file('nodv', without), '--json']);
    const ra = JSON.parse(a.out) as CheckReport;
    const rb = JSON.parse(b.out) as CheckReport;
    expect(a.code).not.toBe(2);
    expect(ra.files.map((f) => f.inputError)).toEqual([null]);
    expect(ra.findings.length).toBeGreaterThan(0); // the clerk's mistakes are found
    expect(key(ra)).toEqual(key(rb));
    expect(a.code).toBe(b.code);
    expect(ms).toBeLessThan(10_000);
  });

  it('stay byte for byte in the annotated copy (--out)', async () => {
    const input = file('out', withDv);
    const out = path.join(path.dirname(path.dirname(input)), 'annotated');
    const r = await run(['check', input, '--out', out]);
    expect(r.code).toBe(1);
    const copy = new Uint8Array(readFileSync(path.join(out, NAME)));
    expect(validationsOf(copy)).toEqual(validationsOf(withDv));
    // and the copy, validations included, reads back with the same findings
    const again = await run(['check', path.join(out, NAME), '--json']);
    const first = await run(['check', input, '--json']);
    expect(key(JSON.parse(again.out) as CheckReport)).toEqual(key(JSON.parse(first.out) as CheckReport));
  });
});
