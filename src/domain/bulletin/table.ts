/**
 * 二、主要指标完成情况: the table of zones × key indicators — each key flow's 同比 and 全市位次, the
 * key ratio's share, its change in 百分点 and its place, the composite score — with the city (and
 * province) totals underneath. Figures as the summary shows them; places as 第N位 / 并列第N位.
 */
import type { Config, Indicator } from '../config/schema';
import { roundHalfAway } from '../rounding';
import { scoreMissingLines, scoreMissingNote } from '../summary/score-missing';
import type { IndicatorSummary, SummaryReport, TotalEntry, ZoneSummary } from '../summary/types';
import { keyFlows, keyRatios } from '../summary/warnings';
import { one } from '../summary/wording';
import type { BulletinBlock, BulletinCell, BulletinTable } from './model';
import { isConsolidated, type Scope, type TotalGroup } from './scope';
import { placeText } from './wording';

const NOT_COUNTED = '有误未计入';

/** A figure of an included zone that carries an unresolved finding: shown, never counted. */
function notCounted(z: ZoneSummary, s: IndicatorSummary | undefined): boolean {
  return z.includedWithErrors && s !== undefined && !s.counted && s.ytd !== null;
}

function growthCell(s: IndicatorSummary | undefined): string {
  if (!s) return '—';
  if (s.yoy !== null) return one(s.yoy);
  return s.yoyLabel ?? '—';
}

function zoneRow(z: ZoneSummary, flows: Indicator[], ratios: Indicator[], width: number): BulletinCell[] {
  const name: BulletinCell = { text: z.zone.name + (z.includedWithErrors ? '※' : ''), align: 'left', level: z.warning.level };
  if (!isConsolidated(z)) return [name, { text: '未纳入评价(见第四部分)', colSpan: width - 1 }];
  const row: BulletinCell[] = [name];
  for (const ind of flows) {
    const s = z.indicators[ind.code];
    row.push({ text: notCounted(z, s) ? NOT_COUNTED : growthCell(s) }, { text: placeText(s?.rank?.city ?? null) });
  }
  for (const ind of ratios) {
    const s = z.indicators[ind.code];
    const bad = notCounted(z, s);
    row.push(
      { text: bad ? NOT_COUNTED : s?.ytd != null ? one(roundHalfAway(s.ytd, 1)) : '—' },
      { text: bad ? '—' : s?.change_pp != null ? one(s.change_pp) : '—' },
      { text: placeText(s?.rank?.city ?? null) },
    );
  }
  row.push({ text: z.score !== null ? one(z.score) : '—' });
  return row;
}

function totalRow(g: TotalGroup, flows: Indicator[], ratios: Indicator[]): BulletinCell[] {
  const row: BulletinCell[] = [{ text: `${g.name}合计`, align: 'left', bold: true }];
  const e = (ind: Indicator): TotalEntry | undefined => g.totals[ind.code];
  for (const ind of flows) {
    const t = e(ind);
    row.push({ text: t ? (t.yoy !== null ? one(t.yoy) : t.yoyLabel ?? '—') : '—', bold: true }, { text: '' });
  }
  for (const ind of ratios) {
    const t = e(ind);
    row.push({ text: t?.ytd != null ? one(roundHalfAway(t.ytd, 1)) : '—', bold: true }, { text: t?.yoy != null ? one(t.yoy) : '—', bold: true }, { text: '' });
  }
  row.push({ text: '' });
  return row;
}

export function indicatorTable(s: SummaryReport, config: Config, scope: Scope, span: string): BulletinTable {
  const flows = keyFlows(config);
  const ratios = keyRatios(config);
  const width = 1 + flows.length * 2 + ratios.length * 3 + 1;
  const header1: BulletinCell[] = [{ text: '开发区', rowSpan: 2 }];
  const header2: BulletinCell[] = [];
  for (const ind of flows) {
    header1.push({ text: ind.name, colSpan: 2 });
    header2.push({ text: '同比(%)' }, { text: '全市位次' });
  }
  for (const ind of ratios) {
    header1.push({ text: `${ind.name}`, colSpan: 3 });
    header2.push({ text: '占比(%)' }, { text: '比上年(百分点)' }, { text: '全市位次' });
  }
  header1.push({ text: '综合得分', rowSpan: 2 });

  const rows: BulletinCell[][] = [];
  const cities = new Set(s.zones.map((z) => z.zone.city));
  let city: string | null | undefined;
  for (const z of s.zones) {
    if (cities.size > 1 && z.zone.city !== city) {
      city = z.zone.city;
      rows.push([{ text: city ?? '其他', colSpan: width, align: 'left', bold: true }]);
    }
    rows.push(zoneRow(z, flows, ratios, width));
  }
  for (const g of scope.groups) rows.push(totalRow(g, flows, ratios));
  if (scope.overall) rows.push(totalRow(scope.overall, flows, ratios));

  const notes = [
    '注:1.同比由未取舍的累计数计算,保留一位小数;合计行的增速为合计数的同比,不是各开发区增速的平均。',
    `2.全市位次为增速在所属市参与排名的开发区中的位次(${ratios.map((r) => r.name).join('、') || '占比'}按占比高低排列),“并列”为并列名次;“—”为不参与排名(无增速可比,或数据未通过审核)。`,
  ];
  if (s.zones.some((z) => z.includedWithErrors)) {
    notes.push(`${notes.length + 1}.标※的开发区有未修正的问题,经确认纳入汇总,不参与评价;“${NOT_COUNTED}”的数据不计入合计和排名。`);
  }
  const missing = scoreMissingNote(s, config);
  for (const line of missing ? scoreMissingLines(missing, 'zh') : []) notes.push(`${notes.length + 1}.${line}`);
  return {
    caption: `表1 ${span}各开发区主要指标增速及位次`,
    widths: [3.6, ...flows.flatMap(() => [1.25, 1.55]), ...ratios.flatMap(() => [1.25, 1.3, 1.55]), 1.2],
    header: [header1, header2],
    rows,
    notes,
  };
}

export function tableBlocks(s: SummaryReport, config: Config, scope: Scope, span: string): BulletinBlock[] {
  return [
    { kind: 'heading1', text: '二、主要指标完成情况' },
    { kind: 'paragraph', text: `${span}各开发区主要指标增速及在所属市的位次见表1。` },
    { kind: 'table', table: indicatorTable(s, config, scope, span) },
  ];
}
