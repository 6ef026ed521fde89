/**
 * 三、季度预警情况: the counts by level, then the red (约谈提醒, 红牌警示), orange (重点关注) and yellow
 * (提醒) lists, one paragraph per zone with every reason in the spec's wording (rules.md §6), grouped
 * by its bulletin word: "红牌警示:税收收入连续两个季度红色预警;约谈提醒:税收收入同比下降1.4%。"
 * Rules that could not run (no previous quarter in 历史数据) are said, so a missing escalation is not
 * read as "none". A month that is not a quarter end gives a preview, labelled as such.
 */
import type { SummaryReport, Trigger, ZoneSummary } from '../summary/types';
import { BULLETIN, LEVEL_RANK } from '../summary/wording';
import type { WarningLevel } from '../types';
import type { BulletinBlock } from './model';

/** The bulletin word of a trigger and the reason without it: ["约谈提醒", "税收收入同比下降1.4%"]. */
export function splitReason(t: Trigger): [string, string] {
  const r = t.reason.zh;
  const i = r.indexOf(':');
  return i >= 0 ? [r.slice(0, i), r.slice(i + 1)] : ['', r];
}

const TAG_ORDER: string[] = [BULLETIN.redCard.zh, BULLETIN.red.zh, BULLETIN.orange.zh, BULLETIN.yellow.zh];

/** 红牌警示 when a red zone carries a red-card trigger, else the level's word. */
export function zoneWord(z: ZoneSummary): string {
  const l = z.warning.level;
  if (l === 'red') return z.warning.triggers.some((t) => splitReason(t)[0] === BULLETIN.redCard.zh) ? BULLETIN.redCard.zh : BULLETIN.red.zh;
  if (l === 'orange') return BULLETIN.orange.zh;
  if (l === 'yellow') return BULLETIN.yellow.zh;
  return '';
}

/** Every reason of a zone, grouped by bulletin word (worst first), the reasons in the order given. */
export function reasonsText(z: ZoneSummary): string {
  const groups = new Map<string, string[]>();
  const triggers = [...z.warning.triggers].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  for (const t of triggers) {
    const [tag, body] = splitReason(t);
    groups.set(tag, [...(groups.get(tag) ?? []), body]);
  }
  const tags = [...groups.keys()].sort((a, b) => rankOf(a) - rankOf(b));
  return tags.map((tag) => `${tag ? tag + ':' : ''}${groups.get(tag)!.join(';')}`).join('。') + '。';
}

function rankOf(tag: string): number {
  const i = TAG_ORDER.indexOf(tag);
  return i < 0 ? TAG_ORDER.length : i;
}

const LISTS: { level: WarningLevel; heading: string; none: string }[] = [
  { level: 'red', heading: `(一)红色预警(${BULLETIN.red.zh})`, none: '无红色预警开发区。' },
  { level: 'orange', heading: `(二)橙色预警(${BULLETIN.orange.zh})`, none: '无橙色预警开发区。' },
  { level: 'yellow', heading: `(三)黄色预警(${BULLETIN.yellow.zh})`, none: '无黄色预警开发区。' },
];

export function warningBlocks(s: SummaryReport, quarter: string): BulletinBlock[] {
  const by = (l: WarningLevel) => s.zones.filter((z) => z.warning.level === l);
  const cards = by('red').filter((z) => zoneWord(z) === BULLETIN.redCard.zh).length;
  const blocks: BulletinBlock[] = [
    { kind: 'heading1', text: s.quarterEnd ? '三、季度预警情况' : '三、预警情况预览(非季末,仅供参考)' },
  ];
  if (!s.quarterEnd) {
    blocks.push({ kind: 'paragraph', text: '本月不是季末月份,以下按季度预警规则试算,仅供参考,不作为正式预警结果。' });
  }
  const counts = [
    `红色预警${by('red').length}个${cards > 0 ? `(其中红牌警示${cards}个)` : ''}`,
    `橙色预警${by('orange').length}个`,
    `黄色预警${by('yellow').length}个`,
    `未触发预警(绿色)${by('green').length}个`,
  ];
  const gray = by('gray').length;
  blocks.push({
    kind: 'paragraph',
    text: `按照季度预警规则,${s.quarterEnd ? quarter : '本月'}${counts.join(',')}${gray > 0 ? `;另有${gray}个开发区未参与评价` : ''}。`,
  });
  const notRun = [...new Set(s.skipped.filter((k) => k.rule.startsWith('W-')).map((k) => k.reason.zh))];
  if (notRun.length > 0) {
    blocks.push({ kind: 'paragraph', text: `说明:${notRun.join(';')},相应预警规则本期未执行。` });
  }
  for (const list of LISTS) {
    blocks.push({ kind: 'heading2', text: list.heading });
    const zones = by(list.level);
    if (zones.length === 0) blocks.push({ kind: 'paragraph', text: list.none });
    zones.forEach((z, i) => {
      const word = zoneWord(z);
      blocks.push({ kind: 'paragraph', lead: `${i + 1}.${z.zone.name}(${word})。`, text: reasonsText(z) });
    });
  }
  const green = by('green');
  if (green.length > 0) {
    blocks.push({ kind: 'paragraph', text: `未触发预警的开发区:${green.map((z) => z.zone.name).join('、')}。` });
  }
  return blocks;
}
