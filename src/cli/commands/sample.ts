/**
 * `zone-report sample [--out samples/] [--zones N]`: writes the canonical empty template, a zone
 * register, one report workbook per zone for 2026-09 (a quarter end; one zone carries typical clerk
 * mistakes so a check has something to show) and 历史数据.xlsx with the earlier months the rules and
 * the quarterly warning need (2025-09, 2025-12 for V-BASE and rank history; 2026-03, 2026-06, 2026-08
 * for V-MONTH/V-CUM and the previous quarters). With zones in two cities or more it also writes the
 * same month as a bureau receives it when a city sends one table for all its zones (template.md §5):
 * `2026-09-城市表/` holds the second city's table (one 位次 misprinted) and the first city's zones'
 * own workbooks.
 */
import * as path from 'node:path';
import type { OutSheet } from '../../domain/output/sheet-model';
import type { Lang, Period } from '../../domain/types';
import { historySheet } from '../../domain/recognise/history-sheet';
import { cityTableSheet, clerkMistakes, registerSheet, reportSheet, sampleArchive, sampleMonth, sampleRegister } from '../../domain/sample';
import { defaultConfig } from '../../domain/config/validate';
import { TOOL_CREATOR, XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { readBytes, writeBytes } from '../../xlsx/node-files';
import { parseArgs } from '../args';
import { SAMPLE_HELP } from '../help';
import { progress, sayBoth, type CliIO } from '../io';
import { EXIT_INPUT, EXIT_OK, langOf } from './check';

export const SAMPLE_PERIOD: Period = { year: 2026, month: 9 };
export const HISTORY_PERIODS: Period[] = [
  { year: 2025, month: 9 },
  { year: 2025, month: 12 },
  { year: 2026, month: 3 },
  { year: 2026, month: 6 },
  { year: 2026, month: 8 },
];
/** The zone (index in the register) whose report carries the clerk mistakes. */
export const MISTAKES_ZONE_INDEX = 1;
export const MAX_SAMPLE_ZONES = 10_000;

/** Thrown when a target exists and is not a sample this command wrote earlier. */
class NotOurs extends Error {
  constructor(readonly file: string) {
    super('not a ZoneReport sample');
  }
}

/**
 * A file may be replaced only if it does not exist or is a workbook ZoneReport created (a sample
 * from an earlier run): `sample --out` pointed at a folder of real reports must not destroy them.
 */
async function mayReplace(file: string): Promise<boolean> {
  const read = await readBytes(file);
  if (!read.ok) return read.error.code === 'E_NOT_FOUND';
  try {
    const port = await XlsxWorkbookPort.open(read.bytes, path.basename(file));
    return port.creator() === TOOL_CREATOR;
  } catch {
    return false;
  }
}

async function writeWorkbook(file: string, sheets: OutSheet[]): Promise<void> {
  if (!(await mayReplace(file))) throw new NotOurs(file);
  const port = XlsxWorkbookPort.create(path.basename(file));
  await port.writeSheets(sheets);
  await writeBytes(file, await port.toBytes());
}

/** A file name from a zone name: characters Windows forbids are replaced. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'zone';
}

export async function sampleCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'zones', 'lang'], flags: ['help'] });
  if (args.flags.has('help')) {
    io.out(SAMPLE_HELP);
    return EXIT_OK;
  }
  const lang: Lang = langOf(args.values.lang) ?? 'zh';
  const n = args.values.zones === undefined ? 10 : Number(args.values.zones);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_ZONES) {
    args.problems.push({ zh: `--zones 须为 1 到 ${MAX_SAMPLE_ZONES} 之间的整数。`, en: `--zones must be a whole number from 1 to ${MAX_SAMPLE_ZONES}.` });
  }
  if (args.positionals.length > 0) {
    args.problems.push({ zh: `sample 不接受文件参数:${args.positionals.join(' ')}`, en: `sample takes no file arguments: ${args.positionals.join(' ')}` });
  }
  if (args.problems.length > 0) {
    for (const p of args.problems) io.err(sayBoth(p) + '\n');
    io.err('zone-report sample --help\n');
    return EXIT_INPUT;
  }
  const out = path.resolve(args.values.out ?? 'samples');
  const zones = sampleRegister(n);
  const monthDir = path.join(out, `${SAMPLE_PERIOD.year}-${String(SAMPLE_PERIOD.month).padStart(2, '0')}`);
  // The month again with the second city's zones in one table of the city (and the first city's own workbooks).
  const cities = [...new Set(zones.map((z) => z.city))];
  const tableCity = cities.length >= 2 ? cities[1] : null;
  const tableDir = path.join(out, `${path.basename(monthDir)}-城市表`);
  const ownZones = tableCity ? zones.filter((z) => z.city === cities[0]) : [];
  const tableFile = tableCity ? path.join(tableDir, `${safeFileName(tableCity)}开发区主要经济指标.xlsx`) : null;
  try {
    // Check every target first, so a refusal leaves the folder as it was.
    const targets = [
      path.join(out, '月报模板.xlsx'),
      path.join(out, '开发区名录.xlsx'),
      path.join(out, '历史数据.xlsx'),
      ...zones.map((z) => path.join(monthDir, `${safeFileName(z.name)}.xlsx`)),
      ...(tableFile ? [tableFile, ...ownZones.map((z) => path.join(tableDir, `${safeFileName(z.name)}.xlsx`))] : []),
    ];
    for (const t of targets) if (!(await mayReplace(t))) throw new NotOurs(t);
    await writeWorkbook(path.join(out, '月报模板.xlsx'), [reportSheet(null, null, null, { sheetName: '月报模板' })]);
    await writeWorkbook(path.join(out, '开发区名录.xlsx'), [registerSheet(zones)]);
    const month = sampleMonth(zones, SAMPLE_PERIOD);
    for (let i = 0; i < month.length; i++) {
      const { zone, values } = month[i];
      const overrides = i === MISTAKES_ZONE_INDEX ? clerkMistakes(values) : undefined;
      await writeWorkbook(path.join(monthDir, `${safeFileName(zone.name)}.xlsx`), [reportSheet(zone, SAMPLE_PERIOD, values, { overrides })]);
      progress(io, lang === 'zh' ? '写出示例' : 'Writing samples', (i + 1) / month.length, i + 1 === month.length);
    }
    if (tableCity && tableFile) {
      const cityMonth = month.filter((zm) => zm.zone.city === tableCity);
      await writeWorkbook(tableFile, [cityTableSheet(tableCity, cityMonth, SAMPLE_PERIOD, { wrongRank: true })]);
      for (const zm of month.filter((x) => x.zone.city === cities[0])) {
        const i = month.indexOf(zm);
        await writeWorkbook(path.join(tableDir, `${safeFileName(zm.zone.name)}.xlsx`), [reportSheet(zm.zone, SAMPLE_PERIOD, zm.values, { overrides: i === MISTAKES_ZONE_INDEX ? clerkMistakes(zm.values) : undefined })]);
      }
    }
    // Archived month by month through the real check and summary, so quarter ends carry warning levels.
    await writeWorkbook(path.join(out, '历史数据.xlsx'), [historySheet(sampleArchive(zones, HISTORY_PERIODS, defaultConfig()))]);
  } catch (e) {
    if (e instanceof NotOurs) {
      io.err(
        (lang === 'zh'
          ? `${e.file} 已存在且不是本工具写出的示例,未覆盖。请换一个 --out 文件夹。`
          : `${e.file} already exists and is not a sample written by this tool; it was not overwritten. Use another --out folder.`) + '\n',
      );
      return EXIT_INPUT;
    }
    io.err(
      (lang === 'zh'
        ? `无法写入文件夹 ${out}。请检查路径和写入权限。`
        : `Could not write into the folder ${out}. Check the path and the write permission.`) + '\n',
    );
    return EXIT_INPUT;
  }
  io.out(
    lang === 'zh'
      ? `已写出示例到 ${out}:月报模板.xlsx、开发区名录.xlsx、历史数据.xlsx,以及 ${zones.length} 个开发区的 2026年9月 月报(${path.basename(monthDir)}/)` +
          (tableCity ? `;同一月份由${tableCity}报送一张全市开发区汇总表(${path.basename(tableDir)}/)。\n` : '。\n')
      : `Samples written to ${out}: 月报模板.xlsx, 开发区名录.xlsx, 历史数据.xlsx and the 2026-09 reports of ${zones.length} zones (${path.basename(monthDir)}/)` +
          (tableCity ? `; the same month with ${tableCity} sending one table of its zones (${path.basename(tableDir)}/).\n` : '.\n'),
  );
  return EXIT_OK;
}
