/**
 * 一、总体情况: how many zones were monitored, rated, included or left out, then the key totals and
 * their 同比 for the whole (全市 / 全省) and each city, in sentences:
 * "1-9月,全省8个开发区规模以上工业总产值549.1亿元,同比增长7.9%;……". A total that covers fewer
 * zones than the group says how many (rules.md §2: totals say how many zones they cover).
 */
import type { Config, Indicator } from '../config/schema';
import { roundHalfAway } from '../rounding';
import type { SummaryReport, TotalEntry } from '../summary/types';
import { keyFlows, keyRatios } from '../summary/warnings';
import { one } from '../summary/wording';
import type { BulletinBlock } from './model';
import { isConsolidated, type Scope, type TotalGroup } from './scope';
import { amountText, growthPhrase, ppPhrase } from './wording';

function covers(e: TotalEntry, g: TotalGroup): string {
  return e.zones < g.consolidated ? `(${e.zones}个开发区合计)` : '';
}

/** One indicator's total: "规模以上工业总产值549.1亿元,同比增长7.9%". */
export function totalPhrase(ind: Indicator, e: TotalEntry | undefined, g: TotalGroup): string {
  if (!e || e.ytd === null) return `${ind.name}无数据`;
  if (ind.kind === 'ratio') {
    const change = ppPhrase(e.yoy);
    return `${ind.name}${one(roundHalfAway(e.ytd, 1))}%${covers(e, g)}${change ? `,${change}` : ''}`;
  }
  const growth = growthPhrase(e.yoy, e.yoyLabel);
  return `${ind.name}${amountText(e.ytd, ind)}${covers(e, g)}${growth ? `,${growth}` : ''}`;
}

function groupSentence(g: TotalGroup, inds: Indicator[]): string {
  return `${g.name}${g.consolidated}个开发区${inds.map((i) => totalPhrase(i, g.totals[i.code], g)).join(';')}`;
}

export function overviewBlocks(s: SummaryReport, config: Config, scope: Scope, span: string): BulletinBlock[] {
  const n = s.zones.length;
  const rated = s.zones.filter((z) => z.status === 'rated').length;
  const included = s.zones.filter((z) => z.includedWithErrors).length;
  const out = s.zones.filter((z) => !isConsolidated(z)).length;
  const parts = [`${scope.word}共有${n}个开发区纳入监测,其中${rated}个开发区数据审核通过、参与评价`];
  if (included > 0) parts.push(`${included}个开发区有未修正的问题,经确认纳入汇总但不参与评价`);
  if (out > 0) parts.push(`${out}个开发区未纳入评价(见第四部分)`);
  const blocks: BulletinBlock[] = [
    { kind: 'heading1', text: '一、总体情况' },
    { kind: 'paragraph', text: parts.join(',') + '。' },
  ];
  const inds = [...keyFlows(config), ...keyRatios(config)];
  if (scope.overall) blocks.push({ kind: 'paragraph', text: `${span},${groupSentence(scope.overall, inds)}。` });
  scope.groups.forEach((g, i) => {
    // one paragraph per city (or province): a semicolon already separates the indicators
    const lead = i > 0 ? '' : scope.overall ? `分${scope.word === '全省' ? '市' : '地区'}看,` : `${span},`;
    blocks.push({ kind: 'paragraph', text: `${lead}${groupSentence(g, inds)}。` });
  });
  return blocks;
}
