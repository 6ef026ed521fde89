/**
 * The human-readable check report on the terminal: per file, per sheet, errors first, then the
 * counts line and the rules that could not run.
 */
import type { CheckReport, Finding, Lang } from '../domain/types';
import { countsLine, levelText, sortByLevel } from '../domain/output/findings-sheet';

function findingLine(f: Finding, lang: Lang): string {
  const where = [f.cell, f.indicator ? (lang === 'zh' ? `指标 ${f.indicator}` : `indicator ${f.indicator}`) : null].filter(Boolean).join(' ');
  const explained = f.level === 'warning' && f.explained ? (lang === 'zh' ? '(已说明)' : ' (explained)') : '';
  return `    ${levelText(f.level, lang)} ${f.rule}${where ? ' ' + where : ''}: ${f.message[lang]}${explained}`;
}

export function formatReport(report: CheckReport, lang: Lang): string {
  const lines: string[] = [];
  const byFile = new Map<string | null, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const fileNames = [...report.files.map((f) => f.file), ...[...byFile.keys()].filter((k): k is string => k !== null && !report.files.some((f) => f.file === k))];
  for (const name of fileNames) {
    const file = report.files.find((f) => f.file === name);
    const findings = byFile.get(name) ?? [];
    lines.push(name);
    if (file?.inputError) {
      lines.push(`    ${lang === 'zh' ? '无法读取' : 'could not be read'} [${file.inputError.code}]: ${file.inputError.message[lang]}`);
    }
    const bySheet = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = f.sheet ?? '';
      const list = bySheet.get(key) ?? [];
      list.push(f);
      bySheet.set(key, list);
    }
    for (const [sheet, list] of bySheet) {
      lines.push(sheet ? `  ${lang === 'zh' ? '工作表' : 'sheet'} ${sheet}` : `  ${lang === 'zh' ? '(整个文件)' : '(whole file)'}`);
      for (const f of sortByLevel(list)) lines.push(findingLine(f, lang));
    }
    if (file && !file.inputError && findings.length === 0) lines.push(`  ${lang === 'zh' ? '未发现问题。' : 'No findings.'}`);
    const skippedSheets = file?.sheets.filter((s) => s.kind === 'skipped') ?? [];
    for (const s of skippedSheets) {
      lines.push(`  ${lang === 'zh' ? '跳过工作表' : 'skipped sheet'} ${s.sheet}${s.skipReason ? ': ' + s.skipReason[lang] : ''}`);
    }
  }
  const orphans = byFile.get(null) ?? [];
  if (orphans.length > 0) {
    lines.push(lang === 'zh' ? '(全部文件)' : '(all files)');
    for (const f of sortByLevel(orphans)) lines.push(findingLine(f, lang));
  }
  lines.push('');
  lines.push(countsLine(report.totals, lang));
  if (report.skipped.length > 0) {
    lines.push(lang === 'zh' ? '未执行的规则(不等于通过):' : 'Rules not run (this is not a pass):');
    for (const s of report.skipped) lines.push(`  ${s.rule} [${s.scope}]: ${s.reason[lang]}`);
  }
  return lines.join('\n') + '\n';
}
