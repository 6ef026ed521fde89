/**
 * The two sides of the overhead benchmark, in process, over the same bytes held in memory:
 * - `readOnly`: what any tool must do at least: parse each workbook with exceljs;
 * - `engine`: what `zone-report check` does with them: input guard, exceljs, the post-parse cell
 *   fixes, the grid, the whole check, and the printed report.
 * plus the engine's steps cut off one after another, so the ratio can be explained.
 */
import ExcelJS from 'exceljs';
import { checkWorkbooks, type CheckInput } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import { formatReport } from '../../src/cli/print-report';
import { sha256 } from '../../src/xlsx/node-files';
import { guardInput } from '../../src/xlsx/input-guard';
import { scanCellFixes } from '../../src/xlsx/empty-results';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import type { XlsxFile } from './files';

export async function readOnly(files: XlsxFile[]): Promise<number> {
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    // handed over as the port hands them: a fresh ArrayBuffer copy, so both sides pay that copy
    await wb.xlsx.load(new Uint8Array(f.bytes).buffer);
    sheets += wb.worksheets.length;
  }
  return sheets;
}

/** Only the input guard (zip structure and size limits), on every file. */
export function guardOnly(files: XlsxFile[]): number {
  let refused = 0;
  for (const f of files) if (guardInput(f.bytes, f.name)) refused++;
  return refused;
}

/** Guard + exceljs + post-parse fixes (XlsxWorkbookPort.open), and optionally the grid. */
export async function openAll(files: XlsxFile[], grid: boolean): Promise<CheckInput[]> {
  const inputs: CheckInput[] = [];
  for (const f of files) {
    const port = await XlsxWorkbookPort.open(f.bytes, f.name);
    inputs.push({ file: f.name, sha256: sha256(f.bytes), grid: grid ? await port.readWorkbook() : null, inputError: null });
  }
  return inputs;
}

/** The whole `zone-report check` over the bytes: open, read, check, format the printed report. */
export async function engine(files: XlsxFile[]): Promise<number> {
  const inputs = await openAll(files, true);
  const result = checkWorkbooks(inputs, { config: defaultConfig() });
  return formatReport(result.report, 'zh').length;
}

/** The post-parse scan for the cell values exceljs drops (XlsxWorkbookPort.open runs it per file). */
export async function fixesOnly(files: XlsxFile[]): Promise<number> {
  let n = 0;
  for (const f of files) {
    await scanCellFixes(f.bytes);
    n++;
  }
  return n;
}

/** The grids of workbooks opened beforehand (exceljs model → SheetGrid). */
export async function gridsOnly(ports: XlsxWorkbookPort[]): Promise<number> {
  let sheets = 0;
  for (const p of ports) sheets += (await p.readWorkbook()).sheets.length;
  return sheets;
}

export async function openPorts(files: XlsxFile[]): Promise<XlsxWorkbookPort[]> {
  const ports: XlsxWorkbookPort[] = [];
  for (const f of files) ports.push(await XlsxWorkbookPort.open(f.bytes, f.name));
  return ports;
}

/** The printed report of a check. */
export function formatOnly(inputs: CheckInput[]): () => number {
  const report = checkWorkbooks(inputs, { config: defaultConfig() }).report;
  return () => formatReport(report, 'zh').length;
}

/** The check alone, on grids read beforehand. */
export function checkOnly(inputs: CheckInput[]): number {
  return checkWorkbooks(inputs, { config: defaultConfig() }).report.findings.length;
}
