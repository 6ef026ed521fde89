/**
 * The folder the overhead benchmark checks: N zone workbooks for 2026-09 plus 开发区名录.xlsx and
 * 历史数据.xlsx (so the check runs every rule, as `zone-report sample` lays a folder out), written
 * once with the sample generator and the .xlsx port. Returns the files' bytes, held in memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historySheet } from '../../src/domain/recognise/history-sheet';
import { registerSheet, reportSheet, sampleHistory, sampleMonth, sampleRegister } from '../../src/domain/sample';
import type { OutSheet } from '../../src/domain/output/sheet-model';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { HISTORY_PERIODS, PERIOD } from '../lib/month-data';

export interface XlsxFile {
  name: string;
  bytes: Uint8Array;
}

async function bytesOf(name: string, sheets: OutSheet[]): Promise<Uint8Array> {
  const port = XlsxWorkbookPort.create(name);
  await port.writeSheets(sheets);
  return port.toBytes();
}

/** Write the folder (replacing an earlier one) and return every file's name and bytes. */
export async function writeFolder(dir: string, n: number): Promise<XlsxFile[]> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const zones = sampleRegister(n);
  const files: XlsxFile[] = [
    { name: '开发区名录.xlsx', bytes: await bytesOf('开发区名录.xlsx', [registerSheet(zones)]) },
    { name: '历史数据.xlsx', bytes: await bytesOf('历史数据.xlsx', [historySheet(sampleHistory(zones, HISTORY_PERIODS))]) },
  ];
  for (const zm of sampleMonth(zones, PERIOD)) {
    const name = `${zm.zone.code}.xlsx`;
    files.push({ name, bytes: await bytesOf(name, [reportSheet(zm.zone, PERIOD, zm.values)]) });
  }
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  return files;
}
