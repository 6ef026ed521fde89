/**
 * Benchmark 6, legacy formats: the folder of benchmark 2 (N zone reports, 开发区名录, 历史数据) saved as
 * .xls (BIFF8) by LibreOffice in one soffice call, then checked against the .xlsx folder:
 * - in process: reading each file alone (`readWorkbookBytes`: detection, guard, reader: the
 *   project's own for .xlsx, SheetJS for .xls), per file, alternated after a warm-up;
 * - as processes: `node bin/zone-report.js check <folder>` (reader thread and all), per file;
 * - the pane: the initial JS holds no SheetJS; it comes in a chunk only the reader thread (a Web
 *   Worker chunk) loads, when a legacy file arrives.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialFiles } from '../pane/bundle';
import { readWorkbookBytes } from '../../src/xlsx/open/read-workbook';
import { ensureCliFresh } from '../lib/builds';
import { loadAverage } from '../lib/machine';
import { median, timePair } from '../lib/stats';
import { writeFolder } from '../overhead/files';

export interface FormatsResult {
  n: number;
  files: number;
  load: string;
  /** null when LibreOffice is not installed (nothing measured) */
  measured: null | {
    convertSeconds: number;
    xlsMegabytes: number;
    xlsxMegabytes: number;
    reps: number;
    /** reading every file once, in process: CPU ms per file (medians) */
    inProcess: { xlsxMsPerFile: number; xlsMsPerFile: number; ratio: number };
    /** zone-report check of each folder as a process, wall ms (medians) */
    child: { xlsxMs: number; xlsMs: number; xlsxPerFile: number; xlsPerFile: number; reps: number; exitXlsx: number | null; exitXls: number | null };
  };
  pane: PaneChunks | null;
  /** the initial JS of the run before this one (results.json), for comparison */
  previousInitial: { bytes: number; gzip: number; started: string } | null;
}

export interface PaneChunks {
  initial: { file: string; bytes: number; gzip: number }[];
  sheetJs: { file: string; bytes: number; gzip: number } | null;
  /** the chunk whose code names the SheetJS chunk (the reader thread's) */
  loadedBy: string | null;
  sheetJsInInitial: boolean;
}

const ROOT = path.resolve(__dirname, '..', '..');

function timeProcess(args: string[]): { ms: number; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status };
}

const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).byteLength;

/** Where SheetJS is in the production pane (dist/): not in the initial JS, in a chunk of the reader thread. */
export function paneChunks(dist: string): PaneChunks | null {
  const htmlFile = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(htmlFile)) return null;
  // the start script and the entry chunk it loads (bench/pane's definition of the initial JS)
  const initialNames = initialFiles(dist).initialNames;
  // a name only SheetJS's own code holds (its compound-file writer), not the project's code that loads it
  const sheetJsMark = /cfb_add/;
  const initial = initialNames.map((f) => {
    const b = fs.readFileSync(path.join(dist, f));
    return { file: f, bytes: b.byteLength, gzip: gz(b) };
  });
  const chunks = fs.readdirSync(dist).filter((f) => /\.chunk\.js$/.test(f));
  const sheetJsFile = chunks.find((f) => sheetJsMark.test(fs.readFileSync(path.join(dist, f), 'utf8')));
  let sheetJs: PaneChunks['sheetJs'] = null;
  let loadedBy: string | null = null;
  if (sheetJsFile) {
    const b = fs.readFileSync(path.join(dist, sheetJsFile));
    sheetJs = { file: sheetJsFile, bytes: b.byteLength, gzip: gz(b) };
    const hash = /\.([0-9a-f]{8})\.chunk\.js$/.exec(sheetJsFile)?.[1] ?? '\u0000';
    loadedBy = chunks.find((f) => f !== sheetJsFile && fs.readFileSync(path.join(dist, f), 'utf8').includes(hash)) ?? null;
  }
  const sheetJsInInitial = initialNames.some((f) => sheetJsMark.test(fs.readFileSync(path.join(dist, f), 'utf8')));
  return { initial, sheetJs, loadedBy, sheetJsInInitial };
}

function readAll(files: { name: string; bytes: Uint8Array }[]): () => Promise<number> {
  return async () => {
    let sheets = 0;
    for (const f of files) {
      const r = await readWorkbookBytes(f.bytes, f.name);
      if (!r.ok) throw new Error(`${f.name}: ${r.error.code}`);
      sheets += r.sheets.length;
    }
    return sheets;
  };
}

export async function formatsBench(n: number, reps: number, childReps: number, previousInitial: FormatsResult['previousInitial'] = null): Promise<FormatsResult> {
  const load = loadAverage();
  const pane = paneChunks(path.join(ROOT, 'dist'));
  const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
  const base = path.join(os.tmpdir(), `zr-bench-formats-${n}`);
  const xlsxDir = path.join(base, 'xlsx');
  const files = await writeFolder(xlsxDir, n);
  if (!hasSoffice) {
    fs.rmSync(base, { recursive: true, force: true });
    return { n, files: files.length, load, measured: null, pane, previousInitial };
  }
  const xlsDir = path.join(base, 'xls');
  fs.mkdirSync(xlsDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  const t0 = Date.now();
  const conv = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xls', '--outdir', xlsDir, ...files.map((f) => path.join(xlsxDir, f.name))], { encoding: 'utf8', timeout: 900_000 });
  const convertSeconds = (Date.now() - t0) / 1000;
  fs.rmSync(profile, { recursive: true, force: true });
  if (conv.status !== 0) throw new Error(`soffice failed: ${conv.stderr}`);
  const xls = fs.readdirSync(xlsDir).map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(xlsDir, name))) }));
  if (xls.length !== files.length) throw new Error(`LibreOffice wrote ${xls.length} of ${files.length} files`);

  const pair = await timePair(readAll(files), readAll(xls), reps);
  ensureCliFresh();
  const cli = path.join(ROOT, 'bin', 'zone-report.js');
  timeProcess([cli, 'check', xlsDir]); // warm the disk cache
  const cx: number[] = [];
  const cl: number[] = [];
  let exitXlsx: number | null = null;
  let exitXls: number | null = null;
  for (let i = 0; i < childReps; i++) {
    const a = timeProcess([cli, 'check', xlsxDir]);
    const b = timeProcess([cli, 'check', xlsDir]);
    cx.push(a.ms);
    cl.push(b.ms);
    exitXlsx = a.status;
    exitXls = b.status;
  }
  const size = (fs_: { bytes: Uint8Array }[]): number => fs_.reduce((s, f) => s + f.bytes.byteLength, 0) / 2 ** 20;
  fs.rmSync(base, { recursive: true, force: true });
  return {
    n,
    files: files.length,
    load,
    measured: {
      convertSeconds,
      xlsMegabytes: size(xls),
      xlsxMegabytes: size(files),
      reps,
      inProcess: { xlsxMsPerFile: pair.a.cpu / files.length, xlsMsPerFile: pair.b.cpu / xls.length, ratio: pair.b.cpu / pair.a.cpu },
      child: { xlsxMs: median(cx), xlsMs: median(cl), xlsxPerFile: median(cx) / files.length, xlsPerFile: median(cl) / xls.length, reps: childReps, exitXlsx, exitXls },
    },
    pane,
    previousInitial,
  };
}
