/**
 * The consolidation (汇总) as data: the `zone-report summary --json` shape of rules.md §1, plus the
 * input the summary is built from. Pure types only.
 *
 * Additions to the rules.md shape (all extra keys, never a changed one): `title`, per indicator
 * `target` / `level` / `valueRank` / `rankChange` / `unranked`, per zone `includedWithErrors` / `grayReason` /
 * `scoreMissing`, per trigger `detail`, per total `yoyLabel`. `rank` is the rank by 同比 for flows and
 * stocks (the assessment ranks growth: 增速位次) and by level for ratios and rates; `valueRank` the
 * rank by cumulative value (总量位次).
 */
import type { Config } from '../../../../src/domain/config/schema';
import type { Register } from '../../../../src/domain/recognise/register';
import type { Bilingual, CheckReport, Finding, GrowthLabel, HistoryRow, Skipped, WarningLevel } from '../../../../src/domain/types';

export interface SummaryInput {
  report: CheckReport;
  register: Register | null;
  history: HistoryRow[];
  config: Config;
  /** 'YYYY-MM'; default: the latest period present in the report */
  period?: string;
  /** zone codes the user explicitly includes despite unresolved errors */
  include?: 'none' | 'all' | string[];
}

/** A place in one ranking group: 第n位/共of个, `tied` = 并列. */
export interface RankPlace {
  n: number;
  of: number;
  tied: boolean;
}

export interface RankGroups {
  city: RankPlace | null;
  province: RankPlace | null;
}

/** Places gained (+) or lost (−) since the previous period; null when not comparable. */
export interface RankChange {
  city: number | null;
  province: number | null;
}

export interface Progress {
  /** 完成目标 %, 1 decimal */
  completion: number;
  /** 序时进度 %, 1 decimal */
  schedule: number;
  /** 序时进度 − 完成目标, 百分点, 1 decimal (from the two shown figures) */
  gap_pp: number;
}

export interface IndicatorSummary {
  ytd: number | null;
  base: number | null;
  /** 年度目标 */
  target: number | null;
  /**
   * the growth the tool computed, as shown (1 decimal): % for flows and stocks, 百分点 for ratios (as
   * in the check report's records); null when a label stands instead, and when the figure carries an
   * unresolved finding
   */
  yoy: number | null;
  yoyLabel: GrowthLabel | null;
  /** the 同比 is the report's published figure (no 上年同期 figure: template.md §5), ranked as such */
  growthPublished?: true;
  /** what the zone typed in its 同比 column (rules.md §1) */
  yoyReported: number | null;
  /** ratios: change in 百分点, 1 decimal (the same as `yoy`) */
  change_pp: number | null;
  /**
   * whether the figure counts in totals, ranks and peer statistics: false when it carries an
   * unresolved finding (an included zone's) or the zone is not consolidated
   */
  counted: boolean;
  /** flows and stocks: rank by 同比 (增速位次); ratios and rates: by level */
  rank: RankGroups | null;
  /** rank by cumulative value (总量位次; for ratios and rates the same as `rank`) */
  valueRank: RankGroups | null;
  /** change of `rank` since the previous period (前进 +, 后退 −) */
  rankChange: RankChange | null;
  /** why the zone is not ranked on this indicator */
  unranked: Bilingual | null;
  progress: Progress | null;
  /** efficacy-coefficient score of the indicator, 1 decimal */
  score: number | null;
  /** the indicator's warning level (worst trigger on it; green when none); null when not warned on */
  level: WarningLevel | null;
}

export interface TriggerDetail {
  /** the figure that triggered (growth %, gap pp, share %, score) */
  value: number | null;
  /** the threshold or target it was compared with */
  target: number | null;
  /**
   * the city total's figure the zone's is compared with (Σ/Σ over the city's counted figures): its
   * growth (全市合计增速), its completion of the target, or its share (税收占比); null for scores
   */
  cityTotal: number | null;
  /** the city's mean composite score (全市平均得分): W-LAST only */
  cityMeanScore: number | null;
  /** 序时进度 − 完成目标, 百分点 */
  gap_pp: number | null;
  rank: RankPlace | null;
  /** consecutive quarter ends (this one included) with a warning on this indicator */
  quarters: number;
}

export type TriggerRule =
  | 'W-NEG'
  | 'W-TARGET'
  | 'W-PACE-Y'
  | 'W-PACE-R'
  | 'W-TAX'
  | 'W-LAST'
  | 'W-REPEAT'
  | 'W-ESCALATE'
  | 'W-DATA';

export interface Trigger {
  rule: TriggerRule;
  /** indicator code; null for the composite score (W-LAST) and for W-DATA */
  indicator: string | null;
  level: WarningLevel;
  reason: Bilingual;
  detail: TriggerDetail;
}

export interface ZoneSummary {
  zone: { code: string; name: string; city: string | null; province: string | null };
  status: 'rated' | 'gray';
  /** ranked and rated although it has unresolved findings, because the user included it */
  includedWithErrors: boolean;
  /** why the zone is gray */
  grayReason: Bilingual | null;
  indicators: Record<string, IndicatorSummary>;
  /** composite score, 1 decimal */
  score: number | null;
  scoreRank: RankGroups | null;
  /** score items that had no value ("indicator:measure"), weights re-normalised without them */
  scoreMissing: string[];
  warning: { level: WarningLevel; triggers: Trigger[] };
}

export interface TotalEntry {
  ytd: number | null;
  base: number | null;
  /** growth from Σ current / Σ base (ratios: change in 百分点), 1 decimal */
  yoy: number | null;
  yoyLabel: GrowthLabel | null;
  /** how many zones the total covers (zones with both current and base) */
  zones: number;
}

export interface SummaryReport {
  schemaVersion: '1';
  period: string | null;
  quarterEnd: boolean;
  /** 2026年9月 季度预警 / 2026年8月 预警预览(非季末) */
  title: Bilingual;
  zones: ZoneSummary[];
  totals: {
    city: Record<string, Record<string, TotalEntry>>;
    province: Record<string, Record<string, TotalEntry>>;
  };
  findings: Finding[];
  skipped: Skipped[];
}
