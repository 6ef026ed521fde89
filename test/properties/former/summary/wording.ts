/** Bulletin wording of the early warning (rules.md §6) and the figures written into reasons. */
import type { Bilingual, WarningLevel } from '../../../../src/domain/types';

export const LEVEL_RANK: Record<WarningLevel, number> = { red: 4, orange: 3, yellow: 2, green: 1, gray: 0 };

export function worse(a: WarningLevel, b: WarningLevel): WarningLevel {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

export const LEVEL_NAME: Record<WarningLevel, Bilingual> = {
  red: { zh: '红色', en: 'Red' },
  orange: { zh: '橙色', en: 'Orange' },
  yellow: { zh: '黄色', en: 'Yellow' },
  green: { zh: '绿色', en: 'Green' },
  gray: { zh: '灰色', en: 'Gray' },
};

/** yellow 提醒, orange 重点关注, red 约谈提醒, red two quarters running 红牌警示. */
export const BULLETIN = {
  yellow: { zh: '提醒', en: 'Reminder' },
  orange: { zh: '重点关注', en: 'Close attention' },
  red: { zh: '约谈提醒', en: 'Interview' },
  redCard: { zh: '红牌警示', en: 'Red card' },
  gray: { zh: '不评价', en: 'Not rated' },
} as const;

/** A shown figure with one decimal (already rounded), never "-0.0". */
export function one(x: number): string {
  const s = x.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

/** "增长3.2%" / "下降5.3%" and "up 3.2%" / "down 5.3%". */
export function growthWords(shown: number): Bilingual {
  const abs = one(Math.abs(shown));
  return shown < 0 ? { zh: `下降${abs}%`, en: `down ${abs}%` } : { zh: `增长${abs}%`, en: `up ${abs}%` };
}

export function prefixed(tag: Bilingual, body: Bilingual): Bilingual {
  return { zh: `${tag.zh}:${body.zh}`, en: `${tag.en}: ${body.en}` };
}
