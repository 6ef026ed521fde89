/**
 * bulletinModel(): the quarterly bulletin (季度通报) drafted from the SummaryReport the 汇总 sheet is
 * made from — title, 一、总体情况, 二、主要指标完成情况 (table), 三、季度预警情况, 四、未纳入评价的开发区,
 * 五、下步工作 (a placeholder the bureau writes) and placeholders for the signature and date. Every
 * figure is the summary's own, worded per rules.md. It stays a draft ("草稿" on every page) until
 * the user says it is final; a month that is not a quarter end is a preview, in the title and mark.
 */
import type { Config } from '../config/schema';
import { PortError } from '../port';
import { monthOf } from '../summary/period';
import type { SummaryReport } from '../summary/types';
import { grayBlocks } from './gray-section';
import type { BulletinBlock, BulletinDoc } from './model';
import { overviewBlocks } from './overview';
import { scopeOf } from './scope';
import { tableBlocks } from './table';
import { warningBlocks } from './warnings-section';
import { quarterText, spanText, zhPunct } from './wording';

export interface BulletinOptions {
  /** reviewed by the user: no 草稿 mark (a preview keeps its 预览 mark) */
  final?: boolean;
}

/**
 * Why no bulletin can be drafted (the summary has no period: no report was read). A PortError, the
 * project's bilingual refusal, so the pane shows its own words, not "unexpected error".
 */
export class BulletinError extends PortError {
  constructor(zh: string, en: string) {
    super('E_NO_BULLETIN', zh, en);
    this.name = 'BulletinError';
  }
}

export function bulletinModel(s: SummaryReport, config: Config, opts: BulletinOptions = {}): BulletinDoc {
  const month = s.period !== null ? monthOf(s.period) : null;
  if (s.period === null || month === null) {
    throw new BulletinError('没有本期的开发区报表,无法起草通报。', 'There are no zone reports for the period: no bulletin can be drafted.');
  }
  const year = s.period.slice(0, 4);
  const scope = scopeOf(s);
  const span = spanText(month);
  const quarter = quarterText(month);
  const preview = !s.quarterEnd;
  const head = preview ? `${year}年${span}${scope.word}开发区主要经济指标` : `${year}年${quarter}${scope.word}开发区主要经济指标`;
  const tail = `运行及预警情况通报${preview ? '(预警预览)' : ''}`;
  const title = head + tail;
  const marks = [opts.final ? null : '草稿', preview ? '预览' : null].filter((m): m is string => m !== null);
  const blocks: BulletinBlock[] = [
    ...overviewBlocks(s, config, scope, span),
    ...tableBlocks(s, config, scope, `${year}年${span}`),
    ...warningBlocks(s, `${year}年${quarter}`),
    ...grayBlocks(s, config),
    { kind: 'heading1', text: '五、下步工作' },
    { kind: 'placeholder', text: '【此处由局里撰写下步工作要求:对约谈提醒、红牌警示开发区的整改要求和时限,对重点关注、提醒开发区的督促措施等。】' },
    { kind: 'signature', lines: ['【发文机关署名】', '【成文日期】'] },
  ];
  return {
    title: zhPunct(title),
    titleLines: [head, tail].map(zhPunct),
    mark: marks.length > 0 ? marks.join('·') : null,
    preview,
    fileName: `${preview ? `${year}年${month}月` : `${year}年${quarter}`}开发区运行及预警通报${opts.final ? '' : '(草稿)'}.docx`,
    blocks: blocks.map(punctuate),
  };
}

/** Every text of a block in full-width Chinese punctuation. */
function punctuate(b: BulletinBlock): BulletinBlock {
  switch (b.kind) {
    case 'paragraph':
      return { ...b, text: zhPunct(b.text), lead: b.lead === undefined ? undefined : zhPunct(b.lead) };
    case 'table': {
      const cells = (rows: typeof b.table.rows) => rows.map((r) => r.map((c) => ({ ...c, text: zhPunct(c.text) })));
      return { kind: 'table', table: { ...b.table, caption: zhPunct(b.table.caption), header: cells(b.table.header), rows: cells(b.table.rows), notes: b.table.notes.map(zhPunct) } };
    }
    case 'signature':
      return { ...b, lines: b.lines.map(zhPunct) };
    default:
      return { ...b, text: zhPunct(b.text) };
  }
}
