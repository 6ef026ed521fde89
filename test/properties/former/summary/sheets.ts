/**
 * The sheets `summary` writes, as OutSheet models: 汇总 (one row per zone in register order, coloured
 * by warning level, then city and province 合计 rows and a legend) and 预警清单 (one row per trigger,
 * red first). Rank cells are written "2/10" (第2位/共10个), "并列2/10" for a tie, "—(reason)" when
 * not ranked: compact, unambiguous, and explained in the legend.
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import { FORMATS, type OutCell, type OutSheet, type StyleKey } from '../../../../src/domain/output/sheet-model';
import { TOOL_SHEETS } from '../../../../src/domain/port';
import { roundHalfAway } from '../rounding';
import type { Lang, WarningLevel } from '../../../../src/domain/types';
import type { IndicatorSummary, RankPlace, SummaryReport, TotalEntry, Trigger, ZoneSummary } from './types';
import { keyFlows, keyRatios } from './warnings';
import { BULLETIN, LEVEL_NAME, LEVEL_RANK, one } from './wording';
import { columnLetters } from '../../../../src/domain/a1';
import { scoreMissingLines, scoreMissingNote } from './score-missing';
import { publishedGrowthLines } from './published';
import { onePageSheet } from './one-page';

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** "2/10", "并列2/10" (en "=2/10"); with a rank change "2/10↑1". */
export function rankText(p: RankPlace | null, lang: Lang): string {
  if (!p) return '—';
  return `${p.tied ? T(lang, '并列', '=') : ''}${p.n}/${p.of}`;
}

function changeText(c: number | null | undefined): string {
  if (c === null || c === undefined) return '';
  return c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '→';
}

/**
 * Rank cells sit right of a right-aligned growth figure; a text format with a leading gap keeps
 * "-12.9" and "3/3" from reading as one number, without changing the cell's value (the sheet model
 * has no alignment).
 */
const RANK_FMT = '"  "@';

function rankCell(place: RankPlace | null, change: number | null | undefined, why: string | null, lang: Lang, style?: StyleKey): OutCell {
  if (!place) return { v: why ? `—(${why})` : '—', fmt: RANK_FMT, style };
  return { v: rankText(place, lang) + changeText(change), fmt: RANK_FMT, style };
}

/**
 * Why a zone is not ranked, short enough for a rank cell: the cells of a gray zone that is not
 * consolidated stay "—" (its level and reason are in the last columns); otherwise 有误 / 无数据 /
 * the growth label.
 */
function shortWhy(z: ZoneSummary, s: IndicatorSummary | undefined, lang: Lang): string | null {
  if ((z.status === 'gray' && !z.includedWithErrors) || !s || s.rank !== null || !s.unranked) return null;
  const zh = s.unranked.zh;
  if (zh.includes('未修正')) return T(lang, '有误', 'error');
  if (zh.includes('无数据')) return T(lang, '无数据', 'no data');
  if (zh.includes('无上年')) return T(lang, '无基数', 'no base');
  if (s.yoyLabel) return lang === 'zh' ? s.yoyLabel : s.unranked.en.replace(/^growth is /, '');
  return lang === 'zh' ? s.unranked.zh : s.unranked.en;
}

const LEVEL_STYLE: Record<WarningLevel, StyleKey> = { red: 'red', orange: 'orange', yellow: 'yellow', green: 'green', gray: 'gray' };

function indName(ind: Indicator, lang: Lang): string {
  return lang === 'zh' ? ind.name : ind.nameEn;
}

function amountFmt(ind: Indicator): string {
  return ind.unit === '个' ? FORMATS.count : FORMATS.amount;
}

/** 汇总, 预警清单 and the managers' 一页纸 (one-page.ts). */
export function summarySheets(summary: SummaryReport, config: Config, lang: Lang): OutSheet[] {
  return [summarySheet(summary, config, lang), warningSheet(summary, config, lang), onePageSheet(summary, config, lang)];
}

// ------------------------------------------------------------------ 汇总

function summarySheet(summary: SummaryReport, config: Config, lang: Lang): OutSheet {
  const flows = keyFlows(config);
  const ratios = keyRatios(config);
  const header1: OutCell[] = [];
  const header2: OutCell[] = [];
  const widths: number[] = [];
  const merges: string[] = [];
  const col = (h1: string, h2: string, w: number) => {
    header1.push({ v: h1, style: 'header' });
    header2.push({ v: h2, style: 'header' });
    widths.push(w);
  };
  const group = (title: string, subs: [string, number][]) => {
    const start = header1.length;
    subs.forEach(([h, w], i) => col(i === 0 ? title : '', h, w));
    if (subs.length > 1) merges.push(`${columnLetters(start)}3:${columnLetters(start + subs.length - 1)}3`);
  };
  col(T(lang, '开发区', 'Zone'), '', 26);
  col(T(lang, '所属市', 'City'), '', 9);
  merges.push('A3:A4', 'B3:B4');
  for (const ind of flows) {
    group(`${indName(ind, lang)}(${ind.unit})`, [
      [T(lang, '1-本月累计', 'Year to date'), 12],
      [T(lang, '同比(%)', 'YoY (%)'), 9],
      [T(lang, '增速全市位次', 'City rank (growth)'), 10],
      [T(lang, '增速全省位次', 'Province rank (growth)'), 10],
    ]);
  }
  for (const ind of ratios) {
    group(`${indName(ind, lang)}(%)`, [
      [T(lang, '占比(%)', 'Share (%)'), 9],
      [T(lang, '比上年(百分点)', 'Change (pp)'), 15],
      [T(lang, '全市位次', 'City rank'), 9],
      [T(lang, '全省位次', 'Province rank'), 9],
    ]);
  }
  group(T(lang, '综合得分', 'Composite score'), [
    [T(lang, '得分', 'Score'), 8],
    [T(lang, '全市位次', 'City rank'), 9],
    [T(lang, '全省位次', 'Province rank'), 9],
  ]);
  const levelCol = header1.length;
  col(T(lang, '预警等级', 'Warning'), '', 17);
  col(T(lang, '主要原因', 'Main reasons'), '', 70);
  merges.push(`${columnLetters(levelCol)}3:${columnLetters(levelCol)}4`, `${columnLetters(levelCol + 1)}3:${columnLetters(levelCol + 1)}4`);
  const ncols = header1.length;

  const rows: OutCell[][] = [];
  rows.push([{ v: lang === 'zh' ? summary.title.zh : summary.title.en, style: 'title' }]);
  rows.push([{
    v: T(lang,
      `金额单位:万元(实际使用外资:万美元)。位次“2/10”即第2位/共10个参与排名的开发区,“并列2/10”为并列第2位,“↑1/↓1/→”为比上月前进、后退、持平;同比由未取舍数计算,保留一位小数。`,
      `Amounts in 10,000 yuan (FDI: 10,000 US dollars). Rank "2/10" = 2nd of 10 ranked zones, "=2/10" tied 2nd, "↑1/↓1/→" = up, down, unchanged since last month; growth from unrounded figures, 1 decimal.`),
    style: 'muted',
  }]);
  merges.push(`A1:${columnLetters(ncols - 1)}1`, `A2:${columnLetters(ncols - 1)}2`);
  rows.push(header1, header2);

  for (const z of summary.zones) rows.push(zoneRow(z, flows, ratios, lang));
  rows.push(...totalRows(summary, flows, ratios, ncols, lang));
  // what the composite score left out, said in the sheet itself (rules.md §4)
  const missing = scoreMissingNote(summary, config);
  for (const line of missing ? scoreMissingLines(missing, lang) : []) {
    rows.push([{ v: line, style: 'muted' }]);
    merges.push(`A${rows.length}:${columnLetters(ncols - 1)}${rows.length}`);
  }
  // growth taken as published, and ranked as such (template.md §5)
  for (const line of publishedGrowthLines(summary, config, lang)) {
    rows.push([{ v: line, style: 'muted' }]);
    merges.push(`A${rows.length}:${columnLetters(ncols - 1)}${rows.length}`);
  }
  rows.push([]);
  rows.push(...legendRows(config, lang, ncols, rows.length, merges));

  return {
    name: TOOL_SHEETS.summary,
    // the reasons column wraps rather than spilling past the table (which shrinks the printed page)
    columns: widths.map((width, i) => (i === ncols - 1 ? { width, wrap: true } : { width })),
    rows,
    freeze: { rows: 4, cols: 1 },
    merges,
    tabColor: '4472C4',
  };
}

/**
 * Next to a figure of an included zone that carries an unresolved finding, the 同比 cell says it is
 * left out of every total and rank (rules.md §6), instead of a growth formed from it.
 */
function notCounted(z: ZoneSummary, s: IndicatorSummary | undefined, lang: Lang): OutCell | null {
  if (!z.includedWithErrors || !s || s.counted || s.ytd === null) return null;
  return { v: T(lang, '有误,未计入', 'error, not counted'), fmt: RANK_FMT };
}

function zoneRow(z: ZoneSummary, flows: Indicator[], ratios: Indicator[], lang: Lang): OutCell[] {
  const style = LEVEL_STYLE[z.warning.level];
  const name = z.zone.name + (z.includedWithErrors ? T(lang, '※', ' *') : '');
  const row: OutCell[] = [{ v: name, style }, { v: z.zone.city ?? '—', style }];
  for (const ind of flows) {
    const s = z.indicators[ind.code];
    const why = shortWhy(z, s, lang);
    const excluded = notCounted(z, s, lang);
    row.push({ v: s?.ytd ?? null, fmt: amountFmt(ind), style });
    row.push(excluded ? { ...excluded, style } : s?.yoy != null ? { v: s.yoy, fmt: FORMATS.pct1, style } : { v: s?.yoyLabel ?? '—', fmt: RANK_FMT, style });
    row.push(rankCell(s?.rank?.city ?? null, s?.rankChange?.city, why, lang, style));
    row.push(rankCell(s?.rank?.province ?? null, s?.rankChange?.province, why, lang, style));
  }
  for (const ind of ratios) {
    const s = z.indicators[ind.code];
    const why = shortWhy(z, s, lang);
    const excluded = notCounted(z, s, lang);
    row.push({ v: s?.ytd == null ? null : roundHalfAway(s.ytd, 1), fmt: FORMATS.pct1, style });
    row.push(excluded ? { ...excluded, style } : s?.change_pp != null ? { v: s.change_pp, fmt: FORMATS.pct1, style } : { v: '—', fmt: RANK_FMT, style });
    row.push(rankCell(s?.rank?.city ?? null, s?.rankChange?.city, why, lang, style));
    row.push(rankCell(s?.rank?.province ?? null, s?.rankChange?.province, why, lang, style));
  }
  row.push(z.score !== null ? { v: z.score, fmt: FORMATS.score, style } : { v: '—', style });
  row.push(rankCell(z.scoreRank?.city ?? null, null, null, lang, style));
  row.push(rankCell(z.scoreRank?.province ?? null, null, null, lang, style));
  row.push({ v: levelLabel(z.warning.level, z.warning.triggers, lang), style });
  row.push({ v: reasonsText(z, lang), fmt: RANK_FMT, style });
  return row;
}

/** 红色(红牌警示), 橙色(重点关注)... */
function levelLabel(level: WarningLevel, triggers: Trigger[], lang: Lang): string {
  const name = lang === 'zh' ? LEVEL_NAME[level].zh : LEVEL_NAME[level].en;
  const card = triggers.some((t) => t.rule === 'W-ESCALATE' && t.reason.zh.startsWith(BULLETIN.redCard.zh));
  const word = level === 'red' ? (card ? BULLETIN.redCard : BULLETIN.red) : level === 'orange' ? BULLETIN.orange : level === 'yellow' ? BULLETIN.yellow : level === 'gray' ? BULLETIN.gray : null;
  return word ? `${name}(${lang === 'zh' ? word.zh : word.en})` : name;
}

/**
 * The 主要原因 cell: the reasons of the zone's worst level only, without the bulletin tag (the level
 * column carries it), at most two, then "等N条" pointing to 预警清单, so the cell stays one readable
 * line (a long text would spill past the table and shrink the printed page).
 */
function reasonsText(z: ZoneSummary, lang: Lang): string {
  const top = z.warning.triggers.filter((t) => t.level === z.warning.level);
  const body = (t: Trigger) => {
    const r = lang === 'zh' ? t.reason.zh : t.reason.en;
    const i = r.indexOf(lang === 'zh' ? ':' : ': ');
    return i >= 0 ? r.slice(i + (lang === 'zh' ? 1 : 2)) : r;
  };
  const parts = top.slice(0, 2).map(body);
  const more = z.warning.triggers.length - parts.length;
  if (more > 0) parts.push(T(lang, `另${more}条见预警清单`, `${more} more in 预警清单`));
  return parts.join(lang === 'zh' ? ';' : '; ');
}

function totalRows(summary: SummaryReport, flows: Indicator[], ratios: Indicator[], ncols: number, lang: Lang): OutCell[][] {
  const rows: OutCell[][] = [];
  const rated = summary.zones.filter((z) => z.status === 'rated');
  const groups: [string, Record<string, TotalEntry>, number][] = [];
  for (const [city, t] of Object.entries(summary.totals.city)) {
    groups.push([city, t, rated.filter((z) => z.zone.city === city).length]);
  }
  for (const [prov, t] of Object.entries(summary.totals.province)) {
    groups.push([prov, t, rated.filter((z) => z.zone.province === prov || prov === '全部').length]);
  }
  for (const [name, t, n] of groups) {
    const style: StyleKey = 'total';
    const label = T(lang, `${name}合计(${n}个开发区)`, `${name} total (${n} zones)`);
    const row: OutCell[] = [{ v: label, style }, { v: '', style }];
    const cover = (e: TotalEntry | undefined): OutCell => ({
      v: e && e.zones < n ? T(lang, `含${e.zones}个`, `${e.zones} zones`) : '',
      style,
    });
    for (const ind of flows) {
      const e = t[ind.code];
      row.push({ v: e?.ytd ?? null, fmt: amountFmt(ind), style });
      row.push(e?.yoy != null ? { v: e.yoy, fmt: FORMATS.pct1, style } : { v: e?.yoyLabel ?? '—', style });
      row.push(cover(e), { v: '', style });
    }
    for (const ind of ratios) {
      const e = t[ind.code];
      row.push({ v: e?.ytd == null ? null : roundHalfAway(e.ytd, 1), fmt: FORMATS.pct1, style });
      row.push(e?.yoy != null ? { v: e.yoy, fmt: FORMATS.pct1, style } : { v: '—', style });
      row.push(cover(e), { v: '', style });
    }
    while (row.length < ncols) row.push({ v: '', style });
    rows.push(row);
  }
  return rows;
}

function legendRows(config: Config, lang: Lang, ncols: number, firstRow: number, merges: string[]): OutCell[][] {
  const w = config.warnings;
  const items: [StyleKey, string, string][] = [
    ['red', `${LEVEL_NAME.red.zh}:约谈提醒`,
      `同比下降(或由盈转亏、增亏);低于序时进度超过${one(w.paceRedPp)}个百分点;连续两个季度全市末位;连续两个季度红色为“红牌警示”;连续三个季度橙色升为红色。`],
    ['orange', `${LEVEL_NAME.orange.zh}:重点关注`,
      `同一指标连续两个季度预警;或增速比上季末回落${one(w.repeatDropPp)}个百分点及以上。`],
    ['yellow', `${LEVEL_NAME.yellow.zh}:提醒`,
      `增速低于目标增速或全市合计增速;低于序时进度${one(w.paceYellowPp)}至${one(w.paceRedPp)}个百分点(含);税收占比低于${one(w.taxShareMin)}%或比上年下降${one(w.taxShareDropPp)}个百分点及以上;综合得分全市末位。`],
    ['green', `${LEVEL_NAME.green.zh}:正常`, '未触发预警。'],
    ['gray', `${LEVEL_NAME.gray.zh}:不评价`, '未报送、重复报送,或有未修正的错误、未说明的警告:不排名、不评价。标※者有未修正问题,经确认纳入汇总:仍不评价、不计综合得分,其无误的数据计入合计和排名,有误的数据(标“有误,未计入”)不计入。'],
    ['muted', '位次', '“2/10”第2位/共10个参与排名;“并列2/10”并列第2位;↑前进 ↓后退 →持平(比上月);“—(新增)”等:不参与排名及原因。合计行“含N个”:该指标只有N个开发区有本期和上年同期数。全市合计增速=全市合计本期÷全市合计上年同期,不是各区增速的平均。'],
  ];
  const itemsEn: [string, string][] = [
    ['Red: interview', `growth below zero (or turned to loss, loss increased); more than ${one(w.paceRedPp)} pp behind schedule; last in the city two quarters running; red two quarters running = "red card"; orange three quarters running becomes red.`],
    ['Orange: close attention', `the same indicator warned two quarters running, or growth down ${one(w.repeatDropPp)} pp or more since the last quarter end.`],
    ['Yellow: reminder', `growth below the target or the city total's growth; ${one(w.paceYellowPp)} to ${one(w.paceRedPp)} pp behind schedule (inclusive); tax share below ${one(w.taxShareMin)}% or down ${one(w.taxShareDropPp)} pp or more; last in the city by composite score.`],
    ['Green: normal', 'no warning.'],
    ['Gray: not rated', 'no report, a duplicate report, or unresolved errors or unexplained warnings: not ranked, not rated. Zones marked * have unresolved findings and were included on request: still not rated and not scored; their clean figures count in totals and ranks, those in error ("error, not counted") do not.'],
    ['Ranks', '"2/10" = 2nd of 10 ranked zones; "=2/10" tied 2nd; ↑ up ↓ down → unchanged since last month; "—(new)" etc.: not ranked, and why. Totals "N zones": only N zones have both this year\'s and last year\'s figure. The city total\'s growth is Σ this year / Σ last year, not a mean of zone growths.'],
  ];
  const rows: OutCell[][] = [[{ v: T(lang, '图例', 'Legend'), style: 'header' }]];
  items.forEach(([style, zh, zhText], i) => {
    const [en, enText] = itemsEn[i];
    rows.push([{ v: T(lang, zh, en), style }, { v: T(lang, zhText, enText) }]);
    const r = firstRow + rows.length; // 1-based row of this legend line
    merges.push(`B${r}:${columnLetters(Math.min(ncols - 1, 14))}${r}`);
  });
  return rows;
}


// ------------------------------------------------------------------ 预警清单

const RULE_NAME: Record<string, [string, string]> = {
  'W-NEG': ['同比负增长', 'negative growth'],
  'W-TARGET': ['低于目标/全市', 'below target / city'],
  'W-PACE-Y': ['低于序时进度', 'behind schedule'],
  'W-PACE-R': ['严重低于序时进度', 'far behind schedule'],
  'W-TAX': ['税收占比', 'tax share'],
  'W-LAST': ['综合得分末位', 'last by score'],
  'W-REPEAT': ['连续预警/回落', 'repeated / falling'],
  'W-ESCALATE': ['预警升级', 'escalated'],
  'W-DATA': ['数据未通过审核', 'data not cleared'],
};

function warningSheet(summary: SummaryReport, config: Config, lang: Lang): OutSheet {
  const byCode = new Map(config.catalogue.map((i) => [i.code, i]));
  const title = lang === 'zh'
    ? `${summary.title.zh.replace('开发区主要经济指标汇总', '预警清单')}`
    : `Early-warning list · ${summary.title.en}`;
  const headers = lang === 'zh'
    ? ['开发区', '所属市', '预警等级', '规则', '指标', '原因', '数值', '目标/阈值', '全市合计', '全市平均得分', '序时进度差(百分点)', '全市位次', '连续季度']
    : ['Zone', 'City', 'Level', 'Rule', 'Indicator', 'Reason', 'Value', 'Target / threshold', 'City total', 'City mean score', 'Behind schedule (pp)', 'City rank', 'Quarters running'];
  // 全市合计 is the city total's own figure (Σ/Σ: its growth, target completion or tax share), compared
  // with a zone's growth, completion or share; 全市平均得分 the mean score, compared with a zone's
  // score (W-LAST). Two columns, so one never mixes a total with an average (rules.md §6).
  const widths = [26, 9, 16, 22, 18, 60, 9, 10, 10, 12, 18, 10, 9];
  const items: { z: ZoneSummary; t: Trigger; order: number }[] = [];
  summary.zones.forEach((z, order) => z.warning.triggers.forEach((t) => items.push({ z, t, order })));
  // red first, then orange, yellow, gray; within a level in register order, a zone's triggers together
  items.sort((a, b) => LEVEL_RANK[b.t.level] - LEVEL_RANK[a.t.level] || a.order - b.order);
  const rows: OutCell[][] = [
    [{ v: title, style: 'title' }],
    headers.map((h) => ({ v: h, style: 'header' as StyleKey })),
  ];
  if (items.length === 0) rows.push([{ v: T(lang, '本期无预警。', 'No warnings this period.'), style: 'green' }]);
  for (const { z, t } of items) {
    const style = LEVEL_STYLE[t.level];
    const ind = t.indicator ? byCode.get(t.indicator) : undefined;
    const num = (x: number | null): OutCell => (x === null ? { v: '—', style } : { v: x, fmt: FORMATS.pct1, style });
    rows.push([
      { v: z.zone.name + (z.includedWithErrors ? T(lang, '※', ' *') : ''), style },
      { v: z.zone.city ?? '—', style },
      { v: levelLabel(t.level, [t], lang), style },
      { v: `${t.rule} ${T(lang, RULE_NAME[t.rule][0], RULE_NAME[t.rule][1])}`, style },
      { v: ind ? indName(ind, lang) : t.rule === 'W-LAST' ? T(lang, '综合得分', 'Composite score') : '—', style },
      { v: lang === 'zh' ? t.reason.zh : t.reason.en, style },
      num(t.detail.value),
      num(t.detail.target),
      num(t.detail.cityTotal),
      num(t.detail.cityMeanScore),
      num(t.detail.gap_pp),
      { v: rankText(t.detail.rank, lang), fmt: RANK_FMT, style },
      { v: t.detail.quarters, fmt: FORMATS.count, style },
    ]);
  }
  return {
    name: TOOL_SHEETS.warnings,
    columns: widths.map((width, i) => (i === 5 ? { width, wrap: true } : { width })),
    rows,
    freeze: { rows: 2, cols: 1 },
    merges: [`A1:M1`],
    tabColor: 'C00000',
  };
}

