/**
 * What the composite score left out, in words (rules.md §4: the report says which items were
 * missing, in the JSON, in the pane and as a note in the 汇总 sheet). Items no rated zone could be
 * scored on are said once for all, with the share of the weight re-normalised away; items only some
 * zones lack are said per zone.
 */
import type { Config } from '../../../../src/domain/config/schema';
import { roundHalfAway } from '../rounding';
import type { Bilingual } from '../../../../src/domain/types';
import type { SummaryReport } from './types';

const MEASURE: Record<string, Bilingual> = {
  growth: { zh: '增速', en: 'growth' },
  level: { zh: '水平', en: 'level' },
  rate: { zh: '增速', en: 'rate' },
  completion: { zh: '完成目标%', en: 'target completion' },
};

export interface ScoreMissingNote {
  /** items no rated zone has, e.g. "实际到位资金(完成目标%)" */
  common: Bilingual[];
  /** share of the total weight those items carry, in %, 1 decimal */
  commonWeightPct: number;
  /** zones lacking further items */
  zones: { zone: string; items: Bilingual[] }[];
}

/** The weight of every score item, "indicator:measure" → weight (as scoreZones weighs them). */
function itemWeights(config: Config): Map<string, number> {
  const out = new Map<string, number>();
  for (const dim of config.score.dimensions) {
    for (const item of dim.items) {
      const key = `${item.indicator}:${item.measure}`;
      out.set(key, (out.get(key) ?? 0) + (item.weight ?? dim.weight / dim.items.length));
    }
  }
  return out;
}

function itemName(config: Config, key: string): Bilingual {
  const [code, measure] = key.split(':');
  const ind = config.catalogue.find((i) => i.code === code);
  const m = MEASURE[measure] ?? { zh: measure, en: measure };
  const zh = (ind?.name ?? code).replace(/^其中[::]/, '');
  const en = (ind?.nameEn ?? code).replace(/^of which:\s*/i, '');
  return { zh: `${zh}(${m.zh})`, en: `${en} (${m.en})` };
}

/** null when every rated zone was scored on every item (or nobody was scored). */
export function scoreMissingNote(summary: SummaryReport, config: Config): ScoreMissingNote | null {
  const scored = summary.zones.filter((z) => z.status === 'rated' && z.score !== null);
  if (scored.length === 0) return null;
  const weights = itemWeights(config);
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const common = [...weights.keys()].filter((k) => scored.every((z) => z.scoreMissing.includes(k)));
  const commonSet = new Set(common);
  const zones = scored
    .map((z) => ({ zone: z.zone.name, items: z.scoreMissing.filter((k) => !commonSet.has(k)).map((k) => itemName(config, k)) }))
    .filter((z) => z.items.length > 0);
  if (common.length === 0 && zones.length === 0) return null;
  const w = common.reduce((a, k) => a + (weights.get(k) ?? 0), 0);
  return {
    common: common.map((k) => itemName(config, k)),
    commonWeightPct: total > 0 ? roundHalfAway((w / total) * 100, 1) : 0,
    zones,
  };
}

/** The note as lines of text in one language. */
export function scoreMissingLines(note: ScoreMissingNote, lang: 'zh' | 'en'): string[] {
  const lines: string[] = [];
  if (note.common.length > 0) {
    const names = note.common.map((n) => n[lang]).join(lang === 'zh' ? '、' : ', ');
    lines.push(
      lang === 'zh'
        ? `综合得分缺项:本期没有开发区有${names}的数据,这些项目(占权重${note.commonWeightPct}%)未计分,其余项目的权重已重新归一。`
        : `Composite score: no zone has data for ${names} this period; these items (${note.commonWeightPct}% of the weight) are not scored and the other weights are re-normalised.`,
    );
  }
  for (const z of note.zones) {
    const names = z.items.map((n) => n[lang]).join(lang === 'zh' ? '、' : ', ');
    lines.push(lang === 'zh' ? `${z.zone}另缺:${names}(按其余项目计分)。` : `${z.zone} also lacks: ${names} (scored on the other items).`);
  }
  return lines;
}
