/**
 * `zone-report check <files or folders...>`: reads every workbook (guarded), calls the engine once
 * over all of them, prints the findings (or --json: exactly the CheckReport on stdout), and with
 * --out writes an annotated copy of each workbook. Exit 0: no errors; 1: errors found; 2: an input
 * could not be read, or bad arguments.
 */
import * as path from 'node:path';
import type { Lang } from '../../domain/types';
import { parseArgs } from '../args';
import { CHECK_HELP } from '../help';
import { progress, sayBoth, type CliIO } from '../io';
import { checkLoaded, loadCheckInputs } from '../load-inputs';
import { formatReport } from '../print-report';
import { writeAnnotated } from '../annotate';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_INPUT = 2;

/** --lang, or null when it is not zh/en. */
export function langOf(v: string | undefined): Lang | null {
  if (v === undefined) return 'zh';
  const l = v.toLowerCase();
  if (l === 'zh' || l.startsWith('zh-')) return 'zh';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return null;
}

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['register', 'history', 'config', 'out', 'lang'], flags: ['json', 'help'] });
  if (args.flags.has('help')) {
    io.out(CHECK_HELP);
    return EXIT_OK;
  }
  const lang = langOf(args.values.lang);
  if (lang === null) args.problems.push({ zh: `--lang 只能是 zh 或 en(收到 ${args.values.lang})。`, en: `--lang must be zh or en (got ${args.values.lang}).` });
  if (args.positionals.length === 0) {
    args.problems.push({ zh: '请给出要核查的文件或文件夹。', en: 'Give the files or folders to check.' });
  }
  if (args.problems.length > 0 || lang === null) {
    for (const p of args.problems) io.err(sayBoth(p) + '\n');
    io.err('zone-report check --help\n');
    return EXIT_INPUT;
  }
  const json = args.flags.has('json');
  const outDir = args.values.out ? path.resolve(args.values.out) : undefined;

  const loaded = await loadCheckInputs(args.positionals, {
    register: args.values.register,
    history: args.values.history,
    config: args.values.config,
    outDir,
    onProgress: (f) => progress(io, lang === 'zh' ? '读取' : 'Reading', f, f >= 1),
  });
  if (loaded.fatal.length > 0) {
    for (const p of loaded.fatal) io.err(p[lang] + '\n');
    return EXIT_INPUT;
  }
  if (loaded.inputs.length === 0) {
    io.err(
      (lang === 'zh'
        ? '没有找到要核查的工作簿(.xlsx、.xls、.xlsb、.ods、.csv 等)。请检查给出的文件或文件夹。'
        : 'No workbook found to check (.xlsx, .xls, .xlsb, .ods, .csv…). Check the files or folders given.') + '\n',
    );
    return EXIT_INPUT;
  }

  const { report } = checkLoaded(loaded, io, lang);

  if (json) io.out(JSON.stringify(report, null, 2) + '\n');
  else io.out(formatReport(report, lang));

  let failed = report.files.some((f) => f.inputError !== null);
  if (outDir) {
    const inputs = loaded.inputs.map((inp, i) => ({ file: inp.file, abs: loaded.paths[i], sha256: inp.sha256 }));
    const protectedPaths = [...loaded.paths, args.values.register, args.values.history, args.values.config].filter(
      (p): p is string => typeof p === 'string',
    );
    const res = await writeAnnotated(report, inputs, outDir, protectedPaths, loaded.config, lang);
    for (const p of res.problems) io.err(p[lang] + '\n');
    if (res.problems.length > 0) failed = true;
    const n = res.written.length;
    const converted =
      res.converted === 0
        ? ''
        : lang === 'zh'
          ? `(其中 ${res.converted} 个原文件不是 .xlsx 格式，无法在原格式上标注，副本已另存为 .xlsx)`
          : ` (${res.converted} of them from files in another format than .xlsx, which cannot be annotated in their own format: those copies are .xlsx)`;
    const msg = lang === 'zh' ? `已写出 ${n} 个标注副本到 ${outDir}${converted}` : `Wrote ${n} annotated ${n === 1 ? 'copy' : 'copies'} to ${outDir}${converted}`;
    // With --json nothing but the report goes to stdout.
    if (json) io.err(msg + '\n');
    else io.out(msg + '\n');
  }
  if (failed) return EXIT_INPUT;
  return report.totals.error > 0 ? EXIT_ERRORS : EXIT_OK;
}
