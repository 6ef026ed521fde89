/**
 * `zone-report summary <files or folders...>`: the check command's input loading and engine, then
 * the consolidation (汇总), rankings, scores and quarterly early warning, written as a new workbook
 * (汇总, 预警清单 and the updated 历史数据 sheet) through the .xlsx port. Never writes over an input.
 * Exit 0: written, every zone rated; 1: written, but some zones are gray (no report, or unresolved
 * findings); 2: an input could not be read, or bad arguments.
 */
import * as path from 'node:path';
import { bulletinModel, BulletinError } from '../../domain/bulletin';
import { renderBulletin } from '../../docx/render-bulletin';
import { historySheet, mergeHistory } from '../../domain/recognise/history-sheet';
import { archiveRows, summarise, summarySheets, type SummaryReport } from '../../domain/summary';
import { publishedGrowthLines } from '../../domain/summary/published';
import type { Config } from '../../domain/config/schema';
import type { Lang } from '../../domain/types';
import { writeBytes } from '../../xlsx/node-files';
import { XlsxWorkbookPort } from '../../xlsx/xlsx-port';
import { parseArgs } from '../args';
import { progress, sayBoth, type CliIO } from '../io';
import { checkLoaded, loadCheckInputs } from '../load-inputs';
import { EXIT_ERRORS, EXIT_INPUT, EXIT_OK, langOf } from './check';

export const SUMMARY_HELP = `zone-report summary <文件或文件夹...> --out 汇总.xlsx [选项]
zone-report summary <files or folders...> --out summary.xlsx [options]

汇总各开发区月报:全市、全省合计,增速和总量位次,目标进度,综合得分(功效系数法),季度预警
(非季末为预览)。写出新工作簿:汇总、预警清单和更新后的历史数据;从不覆盖输入文件。
Consolidates the zones' monthly reports: city and province totals, rankings, target progress,
composite score and the quarterly early warning (a preview outside quarter ends). Writes a new
workbook with 汇总, 预警清单 and the updated 历史数据 sheet; never overwrites an input.

  --register 名录.xlsx   开发区名录 / the zone register (needed for city and province rankings)
  --history 历史.xlsx    历史数据 / archived history (previous quarters: escalation, rank changes)
  --config cfg.json      局里下发的配置 / the bureau's configuration (JSON)
  --period 2026-09       汇总的月份(默认:报表中最新的月份)/ the month to summarise (default: the latest)
  --include all|代码,代码 虽有未修正问题仍纳入汇总的开发区(标※,仍为灰色不评价;无误的数据计入合计和排名)
                         zones to include despite unresolved findings (marked *, still gray and not rated; their clean figures count)
  --out 汇总.xlsx        输出工作簿 / the workbook to write
  --bulletin 通报.docx   同时起草季度通报(Word,GB/T 9704 公文格式,每页标“草稿”)/ also drafts the quarterly
                         bulletin (Word, GB/T 9704 layout, marked 草稿 on every page)
  --final                通报已审核:去掉“草稿”标记(非季末的预览仍标“预览”)/ the bulletin is reviewed: no 草稿 mark
                         (a month that is not a quarter end stays marked 预览)
  --json                 在标准输出打印汇总结果(JSON)/ prints the summary as JSON on stdout
  --lang zh|en           语言(默认中文)/ language (default Chinese)

退出码 Exit codes: 0 已写出,全部评价 written, all rated · 1 已写出,有灰色(未评价)开发区 written, some zones gray
· 2 输入无法读取或参数有误 input unreadable or bad arguments
`;

function parseInclude(v: string | undefined): 'none' | 'all' | string[] {
  if (v === undefined || v.trim() === '' || v.trim().toLowerCase() === 'none') return 'none';
  if (v.trim().toLowerCase() === 'all') return 'all';
  return v.split(/[,,、;]/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A few lines for the terminal: the period, counts by level, and every red and orange zone with why. */
export function formatSummary(s: SummaryReport, lang: Lang, config: Config): string {
  const zh = lang === 'zh';
  const count = (l: string) => s.zones.filter((z) => z.warning.level === l).length;
  const lines = [
    zh ? s.title.zh : s.title.en,
    zh
      ? `${s.zones.length} 个开发区:红色 ${count('red')},橙色 ${count('orange')},黄色 ${count('yellow')},绿色 ${count('green')},灰色(未评价)${count('gray')}`
      : `${s.zones.length} zones: red ${count('red')}, orange ${count('orange')}, yellow ${count('yellow')}, green ${count('green')}, gray (not rated) ${count('gray')}`,
  ];
  for (const level of ['red', 'orange', 'gray'] as const) {
    for (const z of s.zones.filter((x) => x.warning.level === level)) {
      const reasons = z.warning.triggers.filter((t) => t.level === level).map((t) => (zh ? t.reason.zh : t.reason.en));
      lines.push(`  [${level}] ${z.zone.name}: ${reasons.join(zh ? ';' : '; ')}`);
    }
  }
  for (const k of s.skipped.filter((x) => x.rule.startsWith('W-') || x.rule.startsWith('RANK'))) {
    lines.push((zh ? '  未运行 ' : '  not run ') + `${k.rule}: ${zh ? k.reason.zh : k.reason.en}`);
  }
  // what the reports published beside their figures: ranks that differ, growth taken as published
  for (const f of s.findings.filter((x) => x.rule === 'V-RANK')) lines.push(`  [${f.rule}] ${f.file ?? ''} ${f.sheet ?? ''}: ${zh ? f.message.zh : f.message.en}`);
  for (const line of publishedGrowthLines(s, config, lang)) lines.push('  ' + line);
  return lines.join('\n') + '\n';
}

export async function summaryCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['register', 'history', 'config', 'out', 'lang', 'include', 'period', 'bulletin'], flags: ['json', 'help', 'final'] });
  if (args.flags.has('help')) {
    io.out(SUMMARY_HELP);
    return EXIT_OK;
  }
  const lang = langOf(args.values.lang);
  if (lang === null) args.problems.push({ zh: `--lang 只能是 zh 或 en(收到 ${args.values.lang})。`, en: `--lang must be zh or en (got ${args.values.lang}).` });
  if (args.positionals.length === 0) args.problems.push({ zh: '请给出要汇总的文件或文件夹。', en: 'Give the files or folders to summarise.' });
  const json = args.flags.has('json');
  if (!args.values.out && !json && !args.values.bulletin) args.problems.push({ zh: '请用 --out 给出要写出的汇总工作簿。', en: 'Give the summary workbook to write with --out.' });
  if (args.values.bulletin !== undefined && !/\.docx$/i.test(args.values.bulletin)) {
    args.problems.push({ zh: `--bulletin 须为 .docx 文件(收到 ${args.values.bulletin})。`, en: `--bulletin must name a .docx file (got ${args.values.bulletin}).` });
  }
  if (args.flags.has('final') && args.values.bulletin === undefined) {
    args.problems.push({ zh: '--final 只用于 --bulletin 起草的通报。', en: '--final applies only to the bulletin drafted with --bulletin.' });
  }
  if (args.values.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(args.values.period)) {
    args.problems.push({ zh: `--period 须为 YYYY-MM(收到 ${args.values.period})。`, en: `--period must be YYYY-MM (got ${args.values.period}).` });
  }
  if (args.problems.length > 0 || lang === null) {
    for (const p of args.problems) io.err(sayBoth(p) + '\n');
    io.err('zone-report summary --help\n');
    return EXIT_INPUT;
  }
  const out = args.values.out ? path.resolve(args.values.out) : null;
  const bulletin = args.values.bulletin ? path.resolve(args.values.bulletin) : null;

  const loaded = await loadCheckInputs(args.positionals, {
    register: args.values.register,
    history: args.values.history,
    config: args.values.config,
    onProgress: (f) => progress(io, lang === 'zh' ? '读取' : 'Reading', f, f >= 1),
  });
  if (loaded.fatal.length > 0) {
    for (const p of loaded.fatal) io.err(p[lang] + '\n');
    return EXIT_INPUT;
  }
  if (loaded.inputs.length === 0) {
    io.err((lang === 'zh' ? '没有找到要汇总的 .xlsx 工作簿。' : 'No .xlsx workbook found to summarise.') + '\n');
    return EXIT_INPUT;
  }
  const protectedPaths = [...loaded.paths, args.values.register, args.values.history, args.values.config]
    .filter((p): p is string => typeof p === 'string')
    .map((p) => path.resolve(p));
  for (const [flag, target] of [['--out', out], ['--bulletin', bulletin]] as const) {
    if (target && protectedPaths.includes(target)) {
      io.err(lang === 'zh' ? `${flag} ${target} 是输入文件,不会覆盖它。请换一个文件名。\n` : `${flag} ${target} is an input file and will not be overwritten. Choose another name.\n`);
      return EXIT_INPUT;
    }
  }

  const { result, report } = checkLoaded(loaded, io, lang);
  const summary = summarise({
    report,
    register: result.register,
    history: result.history,
    config: loaded.config,
    period: args.values.period,
    include: parseInclude(args.values.include),
  });

  if (json) io.out(JSON.stringify(summary, null, 2) + '\n');
  else io.out(formatSummary(summary, lang, loaded.config));

  if (out) {
    const port = XlsxWorkbookPort.create(path.basename(out));
    await port.writeSheets([
      ...summarySheets(summary, loaded.config, lang),
      historySheet(mergeHistory(result.history, archiveRows(summary, report))),
    ]);
    await writeBytes(out, await port.toBytes());
    const msg = lang === 'zh' ? `已写出汇总工作簿 ${out}` : `Wrote the summary workbook ${out}`;
    if (json) io.err(msg + '\n');
    else io.out(msg + '\n');
  }
  if (bulletin) {
    try {
      const doc = bulletinModel(summary, loaded.config, { final: args.flags.has('final') });
      await writeBytes(bulletin, await renderBulletin(doc));
    } catch (e) {
      if (!(e instanceof BulletinError)) throw e;
      io.err(`${lang === 'zh' ? e.zh : e.en}\n`);
      return EXIT_INPUT;
    }
    const msg = lang === 'zh' ? `已起草季度通报 ${bulletin}` : `Drafted the quarterly bulletin ${bulletin}`;
    if (json) io.err(msg + '\n');
    else io.out(msg + '\n');
  }
  if (report.files.some((f) => f.inputError !== null)) return EXIT_INPUT;
  return summary.zones.some((z) => z.status === 'gray') ? EXIT_ERRORS : EXIT_OK;
}
