/**
 * The input side of `check` (and of `summary`, which reuses it): files and folders → CheckInput[]
 * (bytes read, sha256, the workbook read through the guarded port, or the InputError saying why
 * not), plus the register, history and configuration options. Problems that stop the command
 * (a bad --config, an unreadable --register) are returned as bilingual messages, never thrown.
 */
import * as path from 'node:path';
import type { Config } from '../domain/config/schema';
import { defaultConfig, parseConfigText, MAX_CONFIG_BYTES } from '../domain/config/validate';
import { checkWorkbooks, type CheckInput, type CheckResult } from '../domain/check';
import { readHistorySheet } from '../domain/recognise/history-sheet';
import { readRegisterSheet } from '../domain/recognise/register';
import { PortError } from '../domain/port';
import type { Bilingual, CheckReport, Finding, HistoryRow, InputError, Lang, WorkbookGrid, Zone } from '../domain/types';
import { findWorkbooks, isDirectory, readBytes, sha256 } from '../xlsx/node-files';
import { XlsxWorkbookPort } from '../xlsx/xlsx-port';
import { nodeInflate } from '../xlsx/node-inflate';
import { readInWorker } from '../xlsx/node-read-pool';
import { inputError } from '../xlsx/guard/codes';
import { countLevels } from '../domain/output/annotations';
import { progress, type CliIO } from './io';

export interface LoadOptions {
  register?: string;
  history?: string;
  config?: string;
  /** folder never searched for inputs (the --out folder) */
  outDir?: string;
  onProgress?: (fraction: number) => void;
}

export interface LoadedInputs {
  inputs: CheckInput[];
  /** absolute paths of the inputs, in the order of `inputs` */
  paths: string[];
  config: Config;
  registerZones: Zone[] | null;
  history: HistoryRow[];
  /** findings made while reading the register and history files (V-REGISTER, layout…) */
  sideFindings: Finding[];
  /** problems that stop the command (exit 2) */
  fatal: Bilingual[];
}

export interface OpenedWorkbook {
  bytes: Uint8Array | null;
  sha256: string;
  grid: WorkbookGrid | null;
  port: XlsxWorkbookPort | null;
  inputError: InputError | null;
}

/**
 * Read one workbook file, whatever its format, in the reader thread (guards and time limit:
 * src/xlsx/node-read-pool.ts), into a port; never throws.
 */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  const read = await readBytes(file);
  if (!read.ok) return { bytes: null, sha256: '', grid: null, port: null, inputError: read.error };
  const hash = sha256(read.bytes);
  try {
    const name = path.basename(file);
    const port = XlsxWorkbookPort.fromRead(read.bytes, name, await readInWorker(read.bytes, name), { inflate: nodeInflate });
    const grid = await port.readWorkbook();
    return { bytes: read.bytes, sha256: hash, grid, port, inputError: null };
  } catch (e) {
    const err: InputError = e instanceof PortError ? { code: e.code, message: { zh: e.zh, en: e.en } } : inputError('E_CORRUPT');
    return { bytes: read.bytes, sha256: hash, grid: null, port: null, inputError: err };
  }
}

/** Expand files and folders into the list of workbook paths (absolute, de-duplicated, in order). */
export async function expandPaths(args: string[], exclude: string[], outDir?: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>(exclude.map((p) => path.resolve(p)));
  for (const a of args) {
    const abs = path.resolve(a);
    if (await isDirectory(abs)) {
      // The --out folder is skipped (earlier annotated copies are not inputs), unless it is the very
      // folder given: then its files are checked and writing over them is refused later.
      const skip = outDir && path.resolve(outDir) !== abs ? [outDir] : [];
      for (const f of await findWorkbooks(abs, skip)) {
        if (!seen.has(f)) {
          seen.add(f);
          out.push(f);
        }
      }
    } else if (!seen.has(abs)) {
      // a named file is always tried, whatever its extension: the guard says why it cannot be read
      seen.add(abs);
      out.push(abs);
    }
  }
  return out;
}

function describe(file: string, err: InputError): Bilingual {
  return { zh: `${file}:${err.message.zh}`, en: `${file}: ${err.message.en}` };
}

async function loadConfig(file: string | undefined, fatal: Bilingual[]): Promise<Config> {
  if (!file) return defaultConfig();
  const read = await readBytes(file);
  if (!read.ok) {
    fatal.push({ zh: `配置文件 ${file}:${read.error.message.zh}`, en: `Configuration file ${file}: ${read.error.message.en}` });
    return defaultConfig();
  }
  if (read.bytes.byteLength > MAX_CONFIG_BYTES * 4) {
    fatal.push({ zh: `配置文件 ${file} 过大,未导入。`, en: `Configuration file ${file} is too large and was not imported.` });
    return defaultConfig();
  }
  const result = parseConfigText(new TextDecoder('utf-8').decode(read.bytes));
  if (!result.ok) {
    fatal.push({ zh: `配置文件 ${file} 无效,未使用。问题如下:`, en: `Configuration file ${file} is not valid and was not used. Problems:` });
    for (const p of result.problems) fatal.push({ zh: `  - ${p.zh}`, en: `  - ${p.en}` });
    return defaultConfig();
  }
  return result.config;
}

async function loadRegister(file: string, fatal: Bilingual[], side: Finding[]): Promise<Zone[] | null> {
  const wb = await openWorkbookFile(file);
  if (!wb.grid) {
    if (wb.inputError) fatal.push(describe(`开发区名录 ${file}`, wb.inputError));
    return null;
  }
  for (const sheet of wb.grid.sheets) {
    const r = readRegisterSheet(sheet);
    if (r) {
      side.push(...r.findings.map((f) => ({ ...f, file: path.basename(file) })));
      return r.zones;
    }
  }
  fatal.push({
    zh: `${file} 中没有开发区名录(须有“开发区代码”“开发区名称”列的工作表,名称宜为“开发区名录”)。`,
    en: `${file} holds no zone register (a sheet, ideally named 开发区名录, with 开发区代码 and 开发区名称 columns).`,
  });
  return null;
}

async function loadHistory(file: string, fatal: Bilingual[], side: Finding[]): Promise<HistoryRow[]> {
  const wb = await openWorkbookFile(file);
  if (!wb.grid) {
    if (wb.inputError) fatal.push(describe(`历史数据 ${file}`, wb.inputError));
    return [];
  }
  const rows: HistoryRow[] = [];
  let found = false;
  for (const sheet of wb.grid.sheets) {
    const r = readHistorySheet(sheet);
    if (r) {
      found = true;
      rows.push(...r.rows);
      side.push(...r.findings.map((f) => ({ ...f, file: path.basename(file) })));
    }
  }
  if (!found) {
    fatal.push({
      zh: `${file} 中没有“历史数据”工作表(须有 统计期、开发区代码、指标代码 列)。`,
      en: `${file} holds no 历史数据 (history) sheet (with 统计期, 开发区代码 and 指标代码 columns).`,
    });
  }
  return rows;
}

/**
 * Everything `check` needs before calling the engine. The register and history files are not
 * checked as report inputs even when they sit in a folder being checked.
 */
export async function loadCheckInputs(args: string[], opts: LoadOptions): Promise<LoadedInputs> {
  const fatal: Bilingual[] = [];
  const sideFindings: Finding[] = [];
  const config = await loadConfig(opts.config, fatal);
  const registerZones = opts.register ? await loadRegister(opts.register, fatal, sideFindings) : null;
  const history = opts.history ? await loadHistory(opts.history, fatal, sideFindings) : [];
  const exclude = [opts.register, opts.history].filter((p): p is string => typeof p === 'string');
  const paths = await expandPaths(args, exclude, opts.outDir);
  const inputs: CheckInput[] = [];
  for (let i = 0; i < paths.length; i++) {
    const wb = await openWorkbookFile(paths[i]);
    const input: CheckInput = { file: displayName(paths[i]), sha256: wb.sha256, grid: wb.grid, inputError: wb.inputError };
    if (wb.port?.note) input.notes = [wb.port.note];
    inputs.push(input);
    opts.onProgress?.((i + 1) / paths.length);
  }
  return { inputs, paths, config, registerZones, history, sideFindings, fatal };
}

/** How a file is named in reports: relative to the working folder when inside it. */
export function displayName(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** The check report with the findings made while loading (register and history files) put first. */
export function withSideFindings(report: CheckReport, side: Finding[]): CheckReport {
  if (side.length === 0) return report;
  const findings = [...side, ...report.findings];
  return { ...report, findings, totals: countLevels(findings) };
}

/** One engine call over everything loaded, with progress, and the loading findings attached. */
export function checkLoaded(loaded: LoadedInputs, io: CliIO, lang: Lang): { result: CheckResult; report: CheckReport } {
  const result = checkWorkbooks(loaded.inputs, {
    config: loaded.config,
    registerZones: loaded.registerZones,
    history: loaded.history,
    onProgress: (f) => progress(io, lang === 'zh' ? '核查' : 'Checking', f, f >= 1),
  });
  return { result, report: withSideFindings(result.report, loaded.sideFindings) };
}
