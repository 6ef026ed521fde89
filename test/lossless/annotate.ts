/**
 * Annotates a workbook as `zone-report check --out` does (src/cli/annotate.ts): open with the port,
 * run the real check, highlight the file's findings, write 核查结果, take the bytes.
 */
import { createHash } from 'node:crypto';
import { checkWorkbooks } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import { highlightsOf, reportForFile } from '../../src/domain/output/annotations';
import { findingsSheet } from '../../src/domain/output/findings-sheet';
import type { Highlight } from '../../src/domain/output/sheet-model';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';

export interface Annotated {
  bytes: Uint8Array;
  highlights: Highlight[];
}

export async function annotate(name: string, input: Uint8Array, opts: { findingsSheet?: boolean; highlight?: boolean } = {}): Promise<Annotated> {
  const config = defaultConfig();
  const port = await XlsxWorkbookPort.open(input, name);
  const grid = await port.readWorkbook();
  const sha256 = createHash('sha256').update(input).digest('hex');
  const { report } = checkWorkbooks([{ file: name, sha256, grid, inputError: null }], { config });
  const own = reportForFile(report, name);
  const highlights = highlightsOf(own, null);
  if (opts.highlight !== false) await port.highlight(highlights);
  if (opts.findingsSheet !== false) await port.writeSheets([findingsSheet(own, 'zh', config.catalogue)]);
  return { bytes: await port.toBytes(), highlights };
}
