/**
 * 四、未纳入评价的开发区: every gray zone with why (未报送, 重复报送, 有未修正的错误…); a zone included
 * despite unresolved findings is said as included — its clean figures count, the figures in error
 * (named) do not, and it is not rated (rules.md §6).
 */
import type { Config } from '../config/schema';
import type { SummaryReport, ZoneSummary } from '../summary/types';
import type { BulletinBlock } from './model';

/** The key indicators of an included zone whose figures were left out of totals and ranks. */
export function notCountedNames(z: ZoneSummary, config: Config): string[] {
  return config.catalogue
    .filter((i) => i.key)
    .filter((i) => {
      const s = z.indicators[i.code];
      return s !== undefined && !s.counted && s.ytd !== null;
    })
    .map((i) => i.name);
}

export function grayBlocks(s: SummaryReport, config: Config): BulletinBlock[] {
  const blocks: BulletinBlock[] = [{ kind: 'heading1', text: '四、未纳入评价的开发区' }];
  const gray = s.zones.filter((z) => z.status === 'gray');
  if (gray.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本期各开发区均参与评价。' });
    return blocks;
  }
  gray.forEach((z, i) => {
    const why = z.grayReason?.zh ?? '未评价';
    let text: string;
    if (z.includedWithErrors) {
      const names = notCountedNames(z, config);
      text = `${why}。经确认纳入汇总:无误的数据计入合计和排名${names.length > 0 ? `,有误的数据(${names.join('、')})未计入` : ''};不参与评价,不计综合得分。`;
    } else {
      text = `${why},不参与汇总、排名和评价。`;
    }
    blocks.push({ kind: 'paragraph', lead: `${i + 1}.${z.zone.name}:`, text });
  });
  return blocks;
}
