/**
 * What `zone-report check <folder>` takes from a folder: every spreadsheet extension; .xml, .htm,
 * .html and .txt only when their first bytes are a spreadsheet's (so a README.txt or a page without a
 * table beside the reports is no input to refuse); never an Office lock file or the --out folder.
 * A file named on the command line is always read, whatever its name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckReport } from '../../src/domain/types';
import { odsBytes, odsContent, odsRows, xlsBytes, xml2003 } from '../hostile/formats';
import { REPORT_ROWS } from '../hostile/corpus-formats';
import { run, tempDir } from './helpers';

const csv = REPORT_ROWS.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\n');

it('takes the spreadsheets of a folder, by extension or, for ambiguous ones, by content', async () => {
  const dir = tempDir('folders');
  mkdirSync(path.join(dir, 'sub'));
  const files: Record<string, Uint8Array | string> = {
    'a.xls': xlsBytes([{ name: '盘锦辽滨', rows: REPORT_ROWS }]),
    'b.ods': odsBytes(odsContent([{ name: '大连金普', rows: odsRows(REPORT_ROWS) }])),
    'c.csv': csv,
    'sub/d.tsv': csv.replace(/,/g, '\t'),
    'e.xml': xml2003([{ name: '营口', rows: REPORT_ROWS }]),
    'f.html': `<html><body><table>${REPORT_ROWS.map((r) => `<tr>${r.map((v) => `<td>${v ?? ''}</td>`).join('')}</tr>`).join('')}</table></body></html>`,
    'g.txt': csv.replace(/,/g, '\t'),
    // not spreadsheets: left alone
    'README.txt': '这个文件夹是九月的月报。\n请勿修改。\n',
    'notes.xml': '<?xml version="1.0"?><notes><note>九月</note></notes>',
    'index.html': '<html><body><p>月报目录</p></body></html>',
    'photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    '~$a.xls': 'lock',
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  const r = await run(['check', dir, '--json']);
  const report = JSON.parse(r.out) as CheckReport;
  expect(report.files.map((f) => path.relative(dir, path.resolve(f.file))).sort()).toEqual(['a.xls', 'b.ods', 'c.csv', 'e.xml', 'f.html', 'g.txt', 'sub/d.tsv']);
  expect(report.files.filter((f) => f.inputError !== null)).toEqual([]);
  expect(report.files.every((f) => f.sheets.some((s) => s.kind === 'report'))).toBe(true);
});

it('reads a file named on the command line whatever its name', async () => {
  const dir = tempDir('named');
  writeFileSync(path.join(dir, 'report.dat'), csv);
  const r = await run(['check', path.join(dir, 'report.dat'), '--json']);
  const report = JSON.parse(r.out) as CheckReport;
  expect(report.files[0].inputError).toBeNull();
  expect(report.files[0].sheets[0]).toMatchObject({ sheet: 'report', kind: 'report' });
  const note = report.findings.find((f) => f.rule === 'V-INPUT' && f.sheet === null);
  expect(note?.message.zh).toContain('文件扩展名为 .dat，但内容是CSV 文本');
});
