/**
 * The project's sample reports in every format the tool reads, made once per source state and kept
 * under test-output/formats/ for the command-line and browser tests of the formats:
 *  - the samples: `zone-report sample` (the compiled command line of test/hostile/harness.ts);
 *  - .xls (BIFF8), .ods and HTML: written by LibreOffice, one soffice call per format for all files,
 *    each with a throw-away profile;
 *  - CSV: LibreOffice's UTF-8 CSV (values as stored), then GB18030 and UTF-16 copies by iconv;
 *  - SpreadsheetML 2003: written here from the .xlsx as the project's reader reads it (values,
 *    formulas in R1C1 as that format keeps them, number formats, merges);
 *  - renamed/: one file of each format under an extension that says another.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Cell, SheetGrid } from '../../src/domain/types';
import { readWorkbookBytes } from '../../src/xlsx/open/read-workbook';
import { BUILD_DIR, ensureBuilt, ROOT } from '../hostile/harness';
import { xmlEsc } from '../hostile/formats';

export const FORMATS_DIR = path.join(ROOT, 'test-output', 'formats');
const CLI = path.join(ROOT, 'test', 'hostile', 'cli-wrapper.js');

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the compiled command line (the same build the hostile tests run, reader thread included). */
export function cli(args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HOSTILE_LIB: BUILD_DIR, HOSTILE_STATS: '', NODE_OPTIONS: '' },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function soffice(filter: string, files: string[], outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  try {
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 400_000 });
    if (r.status !== 0) throw new Error(`soffice ${filter} failed: ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- SpreadsheetML 2003

/** A1 references of a formula → R1C1 relative to the cell (r, c), as SpreadsheetML 2003 keeps formulas. */
export function toR1C1(formula: string, r: number, c: number): string {
  return formula.replace(/("(?:[^"]|"")*")|(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![\w(])/g, (all, str: string | undefined, cAbs: string, col: string, rAbs: string, row: string) => {
    if (str !== undefined) return all;
    const colN = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const rowN = Number(row) - 1;
    const R = rAbs ? `R${rowN + 1}` : rowN === r ? 'R' : `R[${rowN - r}]`;
    const C = cAbs ? `C${colN + 1}` : colN === c ? 'C' : `C[${colN - c}]`;
    return R + C;
  });
}

function xml2003Cell(cell: Cell, r: number, c: number, styleOf: (fmt: string) => string, merge: string): string {
  const v = cell.v;
  const style = cell.fmt ? ` ss:StyleID="${styleOf(cell.fmt)}"` : '';
  const formula = cell.f !== undefined ? ` ss:Formula="=${xmlEsc(toR1C1(cell.f, r, c))}"` : '';
  let data = '';
  if (typeof v === 'number') data = `<Data ss:Type="Number">${v}</Data>`;
  else if (typeof v === 'string') data = `<Data ss:Type="String">${xmlEsc(v)}</Data>`;
  else if (typeof v === 'boolean') data = `<Data ss:Type="Boolean">${v ? 1 : 0}</Data>`;
  else if (v && 'error' in v) data = `<Data ss:Type="Error">${xmlEsc(v.error)}</Data>`;
  return `<Cell ss:Index="${c + 1}"${merge}${style}${formula}>${data}</Cell>`;
}

/** A workbook's grids as SpreadsheetML 2003 XML (what Excel 2003 saves as "XML 表格"). */
export function gridsToXml2003(sheets: readonly SheetGrid[]): string {
  const styles = new Map<string, string>();
  const styleOf = (fmt: string): string => {
    let id = styles.get(fmt);
    if (!id) styles.set(fmt, (id = `s${styles.size + 21}`));
    return id;
  };
  const body = sheets
    .map((s) => {
      const spans = new Map<string, string>();
      for (const m of s.merges) {
        const [a, b] = m.split(':').map((ref) => {
          const x = /^([A-Z]+)(\d+)$/.exec(ref);
          if (!x) throw new Error(`merge ${m}`);
          return { r: Number(x[2]) - 1, c: [...x[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
        });
        spans.set(`${a.r},${a.c}`, `${b.c > a.c ? ` ss:MergeAcross="${b.c - a.c}"` : ''}${b.r > a.r ? ` ss:MergeDown="${b.r - a.r}"` : ''}`);
      }
      const rows = s.rows
        .map((row, r) => {
          const cells = row.map((cell, c) => (cell ? xml2003Cell(cell, r, c, styleOf, spans.get(`${r},${c}`) ?? '') : spans.has(`${r},${c}`) ? `<Cell ss:Index="${c + 1}"${spans.get(`${r},${c}`)}/>` : '')).join('');
          return `<Row ss:Index="${r + 1}">${cells}</Row>`;
        })
        .join('');
      const hidden = s.hidden ? '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>' : '';
      return `<Worksheet ss:Name="${xmlEsc(s.name)}"><Table>${rows}</Table>${hidden}</Worksheet>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
    `<Styles><Style ss:ID="Default" ss:Name="Normal"/>${[...styles].map(([fmt, id]) => `<Style ss:ID="${id}"><NumberFormat ss:Format="${xmlEsc(fmt)}"/></Style>`).join('')}</Styles>` +
    body +
    '</Workbook>'
  );
}

// ---------------------------------------------------------------- the fixture folder

export interface FormatFixtures {
  dir: string;
  /** zone report stems (the sheet in each is named the same) */
  zones: string[];
  /** folder per format: xlsx, xls, ods, html, xml2003, csv, csv-gb18030, csv-utf16 */
  folder(format: string): string;
  register(ext: 'xlsx' | 'xls' | 'ods'): string;
  history(ext: 'xlsx' | 'xls' | 'ods'): string;
  renamed: string;
  /** renamed file name → the folder (format) it was copied from */
  renamedFrom: Record<string, string>;
}

const FOLDERS = ['xlsx', 'xls', 'ods', 'html', 'xml2003', 'csv', 'csv-gb18030', 'csv-utf16'];

async function build(dir: string): Promise<void> {
  const samples = path.join(dir, 'samples');
  const made = cli(['sample', '--out', samples], ROOT);
  if (made.code !== 0) throw new Error(`sample failed: ${made.err}`);
  for (const f of FOLDERS) fs.mkdirSync(path.join(dir, f), { recursive: true });
  const month = path.join(samples, '2026-09');
  for (const f of fs.readdirSync(month)) fs.copyFileSync(path.join(month, f), path.join(dir, 'xlsx', f));
  const books = path.join(dir, 'books');
  fs.mkdirSync(books);
  for (const f of ['开发区名录.xlsx', '历史数据.xlsx']) fs.copyFileSync(path.join(samples, f), path.join(books, f));
  const zoneFiles = fs.readdirSync(path.join(dir, 'xlsx')).map((f) => path.join(dir, 'xlsx', f));
  const bookFiles = fs.readdirSync(books).map((f) => path.join(books, f));
  soffice('xls', zoneFiles, path.join(dir, 'xls'));
  soffice('xls', bookFiles, books);
  soffice('ods', zoneFiles, path.join(dir, 'ods'));
  soffice('ods', bookFiles, books);
  soffice('html', zoneFiles, path.join(dir, 'html'));
  // values as stored (no thousands separators added): what a system export holds
  soffice('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', zoneFiles, path.join(dir, 'csv'));
  for (const f of fs.readdirSync(path.join(dir, 'csv'))) {
    const src = path.join(dir, 'csv', f);
    fs.writeFileSync(path.join(dir, 'csv-gb18030', f), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', src]));
    fs.writeFileSync(path.join(dir, 'csv-utf16', f), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16', src]));
  }
  for (const f of zoneFiles) {
    const bytes = new Uint8Array(fs.readFileSync(f));
    const r = await readWorkbookBytes(bytes, path.basename(f));
    if (!r.ok) throw new Error(`${f}: ${r.error.code}`);
    fs.writeFileSync(path.join(dir, 'xml2003', path.basename(f, '.xlsx') + '.xml'), gridsToXml2003(r.sheets));
  }
  // one file of each format under an extension that says another
  const renamed = path.join(dir, 'renamed');
  fs.mkdirSync(renamed);
  const zones = fs.readdirSync(path.join(dir, 'xlsx')).map((f) => path.basename(f, '.xlsx')).sort();
  const pairs: [string, string, string][] = [
    ['xlsx', '.xlsx', '.xls'],
    ['xls', '.xls', '.xlsx'],
    ['ods', '.ods', '.xls'],
    ['html', '.html', '.xls'],
    ['xml2003', '.xml', '.xls'],
    ['csv', '.csv', '.xls'],
    ['csv-gb18030', '.csv', '.xlsx'],
  ];
  const origins: Record<string, string> = {};
  pairs.forEach(([folder, from, to], i) => {
    const zone = zones[i % zones.length];
    fs.copyFileSync(path.join(dir, folder, zone + from), path.join(renamed, `${zone}${to}`));
    origins[`${zone}${to}`] = folder;
  });
  fs.writeFileSync(path.join(dir, 'renamed.json'), JSON.stringify(origins, null, 2));
}

/** The fixtures, built once (one builder at a time across jest workers; rebuilt when the sources changed). */
export async function formatFixtures(): Promise<FormatFixtures> {
  ensureBuilt();
  const stamp = fs.statSync(path.join(BUILD_DIR, 'cli', 'main.js')).mtimeMs.toFixed(0);
  const dir = path.join(FORMATS_DIR, stamp);
  const done = path.join(dir, '.done');
  const lock = path.join(os.tmpdir(), 'zone-report-formats.lock');
  const deadline = Date.now() + 600_000;
  while (!fs.existsSync(done)) {
    try {
      fs.mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error('formats fixture lock held too long: ' + lock);
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      if (!fs.existsSync(done)) {
        fs.rmSync(FORMATS_DIR, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        await build(dir);
        fs.writeFileSync(done, '');
      }
    } finally {
      fs.rmdirSync(lock);
    }
  }
  const zones = fs.readdirSync(path.join(dir, 'xlsx')).map((f) => path.basename(f, '.xlsx')).sort();
  return {
    dir,
    zones,
    folder: (f) => path.join(dir, f),
    register: (ext) => path.join(dir, 'books', `开发区名录.${ext}`),
    history: (ext) => path.join(dir, 'books', `历史数据.${ext}`),
    renamed: path.join(dir, 'renamed'),
    renamedFrom: JSON.parse(fs.readFileSync(path.join(dir, 'renamed.json'), 'utf8')) as Record<string, string>,
  };
}
