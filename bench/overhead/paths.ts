/**
 * The two sides of the overhead benchmark, in process, over the same bytes held in memory:
 * - `readOnly`: what any tool must do at least: parse each workbook with exceljs;
 * - `engine`: what `zone-report check` does with them (src/cli/load-inputs.ts): the input guard
 *   (inspection of every part, inflated once with Node's zlib, its XML parts kept), the project's
 *   reader over those parts, the whole check, and the printed report.
 * plus the engine's steps alone, so the ratio can be explained.
 */
import ExcelJS from 'exceljs';
import { checkWorkbooks, type CheckInput } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import { formatReport } from '../../src/cli/print-report';
import { sha256 } from '../../src/xlsx/node-files';
import { nodeInflate } from '../../src/xlsx/node-inflate';
import { inspectZip } from '../../src/xlsx/guard/zip-inspect';
import { readWorksheets } from '../../src/xlsx/ooxml/workbook-grid';
import type { Package } from '../../src/xlsx/package/zip-parts';
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

/** Only the input guard (zip structure, limits, every part inflated and scanned), as the CLI runs it. */
export function guardOnly(files: XlsxFile[]): Package[] {
  const passes: Package[] = [];
  for (const f of files) {
    const r = inspectZip(f.bytes, undefined, { inflate: nodeInflate, keepXml: true });
    if (!r.ok || !r.info.xml) throw new Error(`${f.name}: ${r.ok ? 'no parts' : r.code}`);
    passes.push(r.info.xml);
  }
  return passes;
}

/** Only the reader: the guard's XML parts → grids (src/xlsx/ooxml/). */
export function readerOnly(passes: Package[]): number {
  let sheets = 0;
  for (const p of passes) sheets += readWorksheets(p).length;
  return sheets;
}

/** Guard + reader (XlsxWorkbookPort.open as the CLI calls it) and the grids. */
export async function openAll(files: XlsxFile[]): Promise<CheckInput[]> {
  const inputs: CheckInput[] = [];
  for (const f of files) {
    const port = await XlsxWorkbookPort.open(f.bytes, f.name, { inflate: nodeInflate });
    inputs.push({ file: f.name, sha256: sha256(f.bytes), grid: await port.readWorkbook(), inputError: null });
  }
  return inputs;
}

/** The whole `zone-report check` over the bytes: open, read, check, format the printed report. */
export async function engine(files: XlsxFile[]): Promise<number> {
  const inputs = await openAll(files);
  const result = checkWorkbooks(inputs, { config: defaultConfig() });
  return formatReport(result.report, 'zh').length;
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
