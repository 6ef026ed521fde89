/**
 * zod schemas for the configuration a bureau hands every zone: the indicator catalogue (统一统计口径),
 * rule thresholds, warning thresholds, score weights and, optionally, the zone register.
 * Structural checks live here; cross-references (unknown parent, cycles...) in validate.ts.
 * Objects are strict: a misspelt field in a bureau's file ("swingPc") is reported, never ignored.
 */
import { z } from '../zod';

export const indicatorKinds = ['flow', 'stock', 'rate', 'ratio'] as const;

const nonNegativeNumber = z.number().finite().nonnegative();

export const indicatorSchema = z.strictObject({
  code: z.string().min(1).max(16),
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case identifier'),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  unit: z.string().min(1),
  kind: z.enum(indicatorKinds),
  parent: z.string().min(1).nullable().default(null),
  /** codes of the children that add up to this indicator */
  partition: z.array(z.string().min(1)).default([]),
  /** for kind 'ratio': numerator / denominator × 100 */
  ratio: z.strictObject({ numerator: z.string().min(1), denominator: z.string().min(1) }).nullable().default(null),
  /** the indicator that must have data together with this one (V-PAIR) */
  pair: z.string().min(1).nullable().default(null),
  nonNegative: z.boolean().default(true),
  integer: z.boolean().default(false),
  monotone: z.boolean().default(false),
  janExempt: z.boolean().default(false),
  direction: z.enum(['higher', 'lower']).default('higher'),
  swingPct: nonNegativeNumber.default(30),
  key: z.boolean().default(false),
  /** target growth in % for W-TARGET; null = only "below the city total" applies */
  targetGrowth: z.number().finite().nullable().default(null),
  description: z.strictObject({ zh: z.string(), en: z.string() }).nullable().default(null),
});
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;

export const thresholdsSchema = z.strictObject({
  /** minimum money tolerance, in 万元 (rules.md §1: 0.05) */
  tolMin: nonNegativeNumber.default(0.05),
  /** V-YOY: reported vs computed growth, 百分点 */
  yoyMismatchPp: nonNegativeNumber.default(0.1),
  /** V-RATIO-MISMATCH: reported vs computed ratio, 百分点 */
  ratioMismatchPp: nonNegativeNumber.default(0.1),
  /** V-UNITSLIP: half-width of the window around 10^4, 10^3, 10 on a log10 scale */
  unitSlipLog10: nonNegativeNumber.default(0.3),
  /** V-PEER */
  peerMinZones: z.number().int().min(3).default(5),
  peerIqrFactor: nonNegativeNumber.default(1.5),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const warningThresholdsSchema = z.strictObject({
  /** W-PACE-Y: gap between 10 and 30 百分点 */
  paceYellowPp: nonNegativeNumber.default(10),
  /** W-PACE-R: gap above 30 百分点 */
  paceRedPp: nonNegativeNumber.default(30),
  /** W-TAX: 税收占比 below this */
  taxShareMin: nonNegativeNumber.default(70),
  /** W-TAX: or down by at least this many 百分点 */
  taxShareDropPp: nonNegativeNumber.default(5),
  /** W-REPEAT: growth down by at least this many 百分点 from the previous quarter end */
  repeatDropPp: nonNegativeNumber.default(10),
  /** W-TARGET: also fire when a zone's growth is below its city total's growth */
  belowCityTotal: z.boolean().default(true),
});
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const scoreMeasures = ['growth', 'level', 'completion', 'rate'] as const;
export const scoreItemSchema = z.strictObject({
  indicator: z.string().min(1),
  /** growth: 同比 %; level: the ytd value (ratios: the ratio); completion: 完成目标 %; rate: as given */
  measure: z.enum(scoreMeasures),
  /** weight inside the dimension; default: the dimension's weight shared equally */
  weight: nonNegativeNumber.nullable().default(null),
  /** fixed 满意值 / 不允许值 instead of the best and worst in the peer group */
  satisfactory: z.number().finite().nullable().default(null),
  disallowed: z.number().finite().nullable().default(null),
});
export const scoreDimensionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  weight: nonNegativeNumber,
  items: z.array(scoreItemSchema).min(1),
});
export const scoreSchema = z.strictObject({
  dimensions: z.array(scoreDimensionSchema).min(1),
  /** upper bound of an indicator score; null = clamp to [0, 100] */
  cap: z.number().finite().positive().nullable().default(null),
});
export type ScoreConfig = z.infer<typeof scoreSchema>;
export type ScoreItem = z.infer<typeof scoreItemSchema>;

export const zoneSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  level: z.string().nullable().default(null),
  type: z.string().nullable().default(null),
  city: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
});

export const configSchema = z.strictObject({
  schemaVersion: z.literal('1').default('1'),
  /** the bureau's name for the configuration, shown in the pane */
  name: z.string().default('默认配置 Default'),
  catalogue: z.array(indicatorSchema).min(1),
  thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
  warnings: warningThresholdsSchema.default(warningThresholdsSchema.parse({})),
  score: scoreSchema,
  register: z.array(zoneSchema).nullable().default(null),
});
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
