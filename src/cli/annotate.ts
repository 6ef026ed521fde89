/**
 * --out: an annotated copy of each checked workbook (cells of findings highlighted by level with a
 * note, plus a 核查结果 sheet), written into the out folder. Never writes over an input file: a
 * target that is an input (or the register/history file) is refused. The copy is always an .xlsx:
 * a file of another format (.xls, .ods, CSV…) cannot be annotated in place, so its copy is an .xlsx
 * of its cells named after it (盘锦.xls → 盘锦.xlsx), and the count of such copies is reported.
 */
import * as path from 'node:path';
import type { Config } from '../domain/config/schema';
import { findingsSheet } from '../domain/output/findings-sheet';
import type { Bilingual, CheckReport, Lang } from '../domain/types';
import { highlightsOf, reportForFile } from '../domain/output/annotations';
import { openWorkbookFile } from './load-inputs';
import { readBytes, writeBytes } from '../xlsx/node-files';
import { XlsxWorkbookPort } from '../xlsx/xlsx-port';
import { TOOL_SHEETS } from '../domain/port';

export interface AnnotateResult {
  written: string[];
  /** how many of the written copies were made from a file of another format than .xlsx */
  converted: number;
  problems: Bilingual[];
}

/** A free target name in `dir` for `base` ("a.xlsx", then "a (2).xlsx"...). */
function uniqueTarget(dir: string, base: string, taken: Set<string>): string {
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  let candidate = path.join(dir, base);
  for (let n = 2; taken.has(candidate); n++) candidate = path.join(dir, `${stem} (${n})${ext}`);
  taken.add(candidate);
  return candidate;
}

/**
 * A target may be replaced only if it does not exist or is an annotated copy from an earlier run
 * (it has a 核查结果 sheet): a user's own workbook in the --out folder is never overwritten.
 */
async function isEarlierCopy(target: string): Promise<boolean> {
  const read = await readBytes(target);
  if (!read.ok) return read.error.code === 'E_NOT_FOUND';
  try {
    const port = await XlsxWorkbookPort.open(read.bytes, path.basename(target));
    return port.hasSheet(TOOL_SHEETS.findings);
  } catch {
    return false;
  }
}

export async function writeAnnotated(
  report: CheckReport,
  files: { file: string; abs: string; sha256: string }[],
  outDir: string,
  protectedPaths: string[],
  config: Config,
  lang: Lang,
): Promise<AnnotateResult> {
  const written: string[] = [];
  let converted = 0;
  const problems: Bilingual[] = [];
  const forbidden = new Set(protectedPaths.map((p) => path.resolve(p)));
  const taken = new Set<string>();
  for (const f of files) {
    const fr = report.files.find((x) => x.file === f.file);
    if (!fr || fr.inputError) continue;
    // the copy is an .xlsx whatever the input's format (the format is known once the file is read again below)
    const base = path.basename(f.abs);
    const xlsxName = /\.xlsx$/i.test(base) ? base : base.replace(/\.[^.]*$/, '') + '.xlsx';
    const target = uniqueTarget(path.resolve(outDir), xlsxName, taken);
    if (forbidden.has(target)) {
      problems.push({
        zh: `拒绝写入 ${target}:它是一个输入文件,标注副本绝不覆盖输入。请用另一个 --out 文件夹。`,
        en: `Refused to write ${target}: it is an input file, and an annotated copy never overwrites an input. Use another --out folder.`,
      });
      continue;
    }
    if (!(await isEarlierCopy(target))) {
      problems.push({
        zh: `${target} 已存在且不是本工具写出的标注副本,未覆盖。请用另一个 --out 文件夹。`,
        en: `${target} already exists and is not an annotated copy written by this tool; it was not overwritten. Use another --out folder.`,
      });
      continue;
    }
    // Re-read the file rather than keeping every workbook in memory; refuse if it changed meanwhile.
    const wb = await openWorkbookFile(f.abs);
    if (!wb.port || wb.sha256 !== f.sha256) {
      problems.push({
        zh: `${f.file} 在核查过程中被修改或无法再次读取,未写标注副本。请重新核查。`,
        en: `${f.file} changed during the check or could not be read again; no annotated copy was written. Check it again.`,
      });
      continue;
    }
    const own = reportForFile(report, f.file);
    await wb.port.highlight(highlightsOf(own, null));
    await wb.port.writeSheets([findingsSheet(own, lang, config.catalogue)]);
    let bytes: Uint8Array;
    try {
      bytes = await wb.port.toBytes();
    } catch {
      problems.push({
        zh: `${f.file} 的标注副本未能生成(工作簿的内容无法写成 .xlsx)。原文件未受影响。`,
        en: `The annotated copy of ${f.file} could not be made (its content could not be written as .xlsx). The original file is untouched.`,
      });
      continue;
    }
    try {
      await writeBytes(target, bytes);
      written.push(target);
      if (wb.port.format !== 'xlsx') converted++;
    } catch {
      problems.push({
        zh: `无法写入 ${target}。请检查 --out 文件夹的路径和写入权限。`,
        en: `Could not write ${target}. Check the --out folder's path and write permission.`,
      });
    }
  }
  return { written, converted, problems };
}
