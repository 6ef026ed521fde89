/**
 * 一页纸: the manager's one-page view of the summary, printed on one A4 portrait page — each zone in
 * its warning colour with its level, the key indicators' growth (a ratio: its level) and 全市位次, the
 * composite score and its place, and the red/orange reasons in a few words; the city and province
 * totals under it. Print area, repeated header rows and fit-to-page (1 × 1) are set in the model; so
 * is a bar chart of the first key flow's growth by zone coloured by level, which a port that can draw
 * charts (Excel) adds below the table.
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import { columnLetters } from '../../../../src/domain/a1';
import { FORMATS, STYLES, type OutCell, type OutChart, type OutSheet, type StyleKey } from '../../../../src/domain/output/sheet-model';
import { TOOL_SHEETS } from '../../../../src/domain/port';
import { roundHalfAway } from '../rounding';
import type { Lang, WarningLevel } from '../../../../src/domain/types';
import { periodText } from './period';
import { rankText } from './sheets';
import type { IndicatorSummary, SummaryReport, TotalEntry, Trigger, ZoneSummary } from './types';
import { BULLETIN, LEVEL_NAME, LEVEL_RANK, one } from './wording';

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
/** a leading gap keeps a right-aligned growth and the place after it ("-1.1", "3/3") apart */
const RANK_FMT = '"  "@';
const LEVEL_STYLE: Record<WarningLevel, StyleKey> = { red: 'red', orange: 'orange', yellow: 'yellow', green: 'green', gray: 'gray' };

/** Key flows and ratios in catalogue order (税收收入 next to 税收占比). */
export function onePageIndicators(config: Config): Indicator[] {
  return config.catalogue.filter((i) => i.key && (i.kind === 'flow' || i.kind === 'ratio'));
}

/** The shortest of an indicator's names (固投, 税收…), for a narrow column; the name wins a tie. */
export function shortName(ind: Indicator, lang: Lang): string {
  if (lang === 'en') return ind.nameEn.replace(/^Of which:\s*/i, '');
  return [ind.name, ...ind.aliases].reduce((best, a) => (a.length < best.length ? a : best));
}

function levelWord(z: ZoneSummary, lang: Lang): string {
  const l = z.warning.level;
  const card = z.warning.triggers.some((t) => t.rule === 'W-ESCALATE' && t.reason.zh.startsWith(BULLETIN.redCard.zh));
  if (lang === 'en') return card ? 'Red (card)' : LEVEL_NAME[l].en;
  return card ? '红色·红牌' : l === 'gray' ? (z.includedWithErrors ? '灰色·纳入' : '灰色') : LEVEL_NAME[l].zh;
}

/**
 * One red or orange trigger in a few words, as [group, item]: ["负增长", "固投-6.9%"], ["红牌",
 * "固投"], ["低于序时", "固投31.2个百分点"]… Items of one group are listed together.
 */
export function shortReason(t: Trigger, config: Config, lang: Lang): [string, string] {
  const ind = t.indicator ? config.catalogue.find((i) => i.code === t.indicator) : undefined;
  const n = ind ? shortName(ind, lang) : '';
  const d = t.detail;
  const sp = lang === 'zh' ? '' : ' ';
  switch (t.rule) {
    case 'W-NEG': {
      if (d.value !== null) return [T(lang, '负增长', 'falling'), `${n}${sp}${one(d.value)}%`];
      // a label instead of a %: 由盈转亏, 增亏 (the reason is "约谈提醒:<name><label>")
      const body = t.reason.zh.slice(t.reason.zh.indexOf(':') + 1);
      const label = ind && body.startsWith(ind.name) ? body.slice(ind.name.length) : body;
      return [T(lang, '负增长', 'falling'), lang === 'zh' ? `${n}${label}` : `${n} (${t.reason.en.split(': ').pop() ?? ''})`];
    }
    case 'W-PACE-R':
    case 'W-PACE-Y':
      return [T(lang, '低于序时', 'behind schedule'), T(lang, `${n}${one(Math.abs(d.gap_pp ?? 0))}个百分点`, `${n} ${one(Math.abs(d.gap_pp ?? 0))} pp`)];
    case 'W-ESCALATE':
      return t.reason.zh.startsWith(BULLETIN.redCard.zh) ? [T(lang, '红牌(连续两季红色)', 'red card (red twice)'), n] : [T(lang, '连续三季橙色', 'orange three times'), n];
    case 'W-LAST':
      return [t.level === 'red' ? T(lang, '连续两季得分末位', 'last by score twice') : T(lang, '得分末位', 'last by score'), ''];
    case 'W-REPEAT':
      if (d.value !== null && d.target !== null) return [T(lang, '增速回落', 'growth slowed'), `${n}${sp}${one(d.target)}→${one(d.value)}%`];
      return [T(lang, '连续两季预警', 'warned twice'), n];
    default:
      return [t.rule, n];
  }
}

/** The zone's red and orange reasons in short, worst first: "负增长:固投-6.9%、税收-1.4%;红牌(…):固投". */
function reasonsShort(z: ZoneSummary, config: Config, lang: Lang): string {
  const groups = new Map<string, string[]>();
  z.warning.triggers
    .filter((t) => t.level === 'red' || t.level === 'orange')
    .sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])
    .forEach((t) => {
      const [g, item] = shortReason(t, config, lang);
      const list = groups.get(g) ?? [];
      if (item !== '' && !list.includes(item)) list.push(item);
      groups.set(g, list);
    });
  return [...groups].map(([g, items]) => (items.length > 0 ? `${g}${lang === 'zh' ? ':' : ': '}${items.join(lang === 'zh' ? '、' : ', ')}` : g)).join(lang === 'zh' ? ';' : '; ');
}

function growthCell(s: IndicatorSummary | undefined, ind: Indicator, style: StyleKey): OutCell {
  if (!s) return { v: '—', style };
  if (ind.kind === 'ratio') return s.ytd === null || !s.counted ? { v: '—', style } : { v: roundHalfAway(s.ytd, 1), fmt: FORMATS.pct1, style };
  if (!s.counted && s.ytd !== null) return { v: '有误', style };
  return s.yoy !== null ? { v: s.yoy, fmt: FORMATS.pct1, style } : { v: s.yoyLabel ?? '—', style };
}

function totalCell(e: TotalEntry | undefined, ind: Indicator): OutCell {
  if (!e) return { v: '—', style: 'total' };
  if (ind.kind === 'ratio') return e.ytd === null ? { v: '—', style: 'total' } : { v: roundHalfAway(e.ytd, 1), fmt: FORMATS.pct1, style: 'total' };
  return e.yoy !== null ? { v: e.yoy, fmt: FORMATS.pct1, style: 'total' } : { v: e.yoyLabel ?? '—', style: 'total' };
}

export function onePageSheet(summary: SummaryReport, config: Config, lang: Lang): OutSheet {
  const inds = onePageIndicators(config);
  const count = (l: WarningLevel) => summary.zones.filter((z) => z.warning.level === l).length;
  const period = summary.period ? periodText(summary.period, lang) : '—';
  const title = T(lang,
    `${period} 开发区主要指标与预警一页纸${summary.quarterEnd ? '' : '(预警预览,非季末)'}`,
    `Development zones at a glance, ${period}${summary.quarterEnd ? '' : ' (warning preview, not a quarter end)'}`);
  const line2 = T(lang,
    `红色${count('red')} 橙色${count('orange')} 黄色${count('yellow')} 绿色${count('green')} 未评价${count('gray')}。增速、占比单位%;位次“2/5”为全市第2位/共5个参与排名。`,
    `Red ${count('red')}, orange ${count('orange')}, yellow ${count('yellow')}, green ${count('green')}, not rated ${count('gray')}. Growth and shares in %; rank "2/5" = 2nd of 5 ranked zones in the city.`);

  const h1: OutCell[] = [{ v: T(lang, '开发区', 'Zone'), style: 'header' }, { v: T(lang, '预警等级', 'Level'), style: 'header' }];
  const h2: OutCell[] = [{ v: '', style: 'header' }, { v: '', style: 'header' }];
  const widths = [20, 8];
  const merges: string[] = ['A3:A4', 'B3:B4'];
  for (const ind of inds) {
    const c = h1.length;
    h1.push({ v: shortName(ind, lang), style: 'header' }, { v: '', style: 'header' });
    h2.push({ v: ind.kind === 'ratio' ? T(lang, '占比', 'Share') : T(lang, '同比', 'YoY'), style: 'header' }, { v: T(lang, '位次', 'Rank'), style: 'header' });
    widths.push(6, 6);
    merges.push(`${columnLetters(c)}3:${columnLetters(c + 1)}3`);
  }
  const sc = h1.length;
  h1.push({ v: T(lang, '综合得分', 'Score'), style: 'header' }, { v: '', style: 'header' });
  h2.push({ v: T(lang, '得分', 'Score'), style: 'header' }, { v: T(lang, '位次', 'Rank'), style: 'header' });
  widths.push(5, 5);
  merges.push(`${columnLetters(sc)}3:${columnLetters(sc + 1)}3`);
  const rc = h1.length;
  h1.push({ v: T(lang, '红色、橙色预警原因(简)', 'Red / orange reasons (short)'), style: 'header' });
  h2.push({ v: '', style: 'header' });
  widths.push(30);
  merges.push(`${columnLetters(rc)}3:${columnLetters(rc)}4`);
  const ncols = widths.length;
  const last = columnLetters(ncols - 1);

  const rows: OutCell[][] = [[{ v: title, style: 'title' }], [{ v: line2, style: 'muted' }], h1, h2];
  merges.push(`A1:${last}1`, `A2:${last}2`);
  for (const z of summary.zones) {
    const style = LEVEL_STYLE[z.warning.level];
    const row: OutCell[] = [{ v: z.zone.name + (z.includedWithErrors ? T(lang, '※', ' *') : ''), style }, { v: levelWord(z, lang), style }];
    const consolidated = z.status === 'rated' || z.includedWithErrors;
    for (const ind of inds) {
      const s = z.indicators[ind.code];
      row.push(consolidated ? growthCell(s, ind, style) : { v: '—', style }, { v: rankText(s?.rank?.city ?? null, lang), fmt: RANK_FMT, style });
    }
    row.push(z.score !== null ? { v: z.score, fmt: FORMATS.score, style } : { v: '—', style }, { v: rankText(z.scoreRank?.city ?? null, lang), fmt: RANK_FMT, style });
    row.push({ v: z.status === 'gray' ? (lang === 'zh' ? z.grayReason?.zh ?? '' : z.grayReason?.en ?? '') : reasonsShort(z, config, lang), style });
    rows.push(row);
  }
  const groups: [string, Record<string, TotalEntry>][] = [
    ...Object.entries(summary.totals.city).map(([c, t]): [string, Record<string, TotalEntry>] => [T(lang, `${c}合计`, `${c} total`), t]),
    ...Object.entries(summary.totals.province).map(([p, t]): [string, Record<string, TotalEntry>] => [T(lang, `${p}合计`, `${p} total`), t]),
  ];
  for (const [name, t] of groups) {
    const row: OutCell[] = [{ v: name, style: 'total' }, { v: '', style: 'total' }];
    for (const ind of inds) row.push(totalCell(t[ind.code], ind), { v: '', style: 'total' });
    row.push({ v: '', style: 'total' }, { v: '', style: 'total' }, { v: '', style: 'total' });
    rows.push(row);
  }
  rows.push([{ v: T(lang,
    '合计行为全市(全省)合计数的同比,不是各开发区增速的平均。“—”不参与排名;“有误”为经确认纳入汇总(※)的开发区有误、未计入的数据。详见汇总、预警清单。',
    'Total rows: growth of the summed figures, not a mean of zone growths. "—" not ranked; "error": a figure of an included zone (*) in error, not counted. Details in 汇总 and 预警清单.'), style: 'muted' }]);
  merges.push(`A${rows.length}:${last}${rows.length}`);
  const tableEnd = rows.length;

  return {
    name: TOOL_SHEETS.onePage,
    columns: widths.map((width, i) => (i === ncols - 1 || i === 0 ? { width, wrap: true } : { width })),
    rows,
    freeze: { rows: 4, cols: 1 },
    merges,
    tabColor: '70AD47',
    page: {
      paper: 'A4',
      orientation: 'portrait',
      fitWide: 1,
      fitTall: 1,
      printArea: `A1:${last}${tableEnd}`,
      titleRows: '3:4',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    chart: growthChart(summary, config, lang, ncols, tableEnd) ?? undefined,
  };
}

/** The first key flow's growth by rated zone, highest first, each bar in its level's colour. */
function growthChart(summary: SummaryReport, config: Config, lang: Lang, ncols: number, tableEnd: number): OutChart | null {
  const ind = config.catalogue.find((i) => i.key && i.kind === 'flow');
  if (!ind) return null;
  const bars = summary.zones
    .filter((z) => z.status === 'rated' && z.indicators[ind.code]?.yoy != null)
    .map((z) => ({ name: z.zone.name, v: z.indicators[ind.code].yoy as number, fill: STYLES[LEVEL_STYLE[z.warning.level]].fill ?? 'A6A6A6' }))
    .sort((a, b) => b.v - a.v);
  if (bars.length === 0) return null;
  const top = tableEnd + 2; // 1-based first row of the chart, one blank row under the table
  const height = Math.max(14, Math.ceil(bars.length * 1.6) + 5);
  const last = columnLetters(ncols - 1);
  const name = lang === 'zh' ? ind.name : ind.nameEn;
  return {
    title: T(lang, `${name}同比(%),按预警等级着色`, `${name}, growth (%) by zone, coloured by warning level`),
    seriesName: T(lang, `${name}同比(%)`, `${name} YoY (%)`),
    categories: bars.map((b) => b.name),
    values: bars.map((b) => b.v),
    colors: bars.map((b) => b.fill),
    dataAt: { row: 2, col: ncols + 1 },
    placeAt: `A${top}:${last}${top + height - 1}`,
    printArea: `A1:${last}${top + height - 1}`,
    numberFormat: FORMATS.pct1,
  };
}
