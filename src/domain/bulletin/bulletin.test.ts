/**
 * The bulletin's document model against the summary it is drafted from: the title and marks (草稿,
 * 预览), every total in its sentence (亿元 converted exactly, 同比 per rules.md §2), the table's figures
 * and places (并列第N位), every red, orange and yellow zone with every reason, the gray and included
 * zones, and a sweep: every number in the text is one the summary holds.
 */
import fc from 'fast-check';
import { B5_ERROR, checkReport, fullHistory, register, SEP, testConfig, ZONES } from '../../../test/fixtures/summary/fixture';
import { roundRationalHalfAway } from '../rounding';
import { summarise } from '../summary/summarise';
import type { SummaryReport } from '../summary/types';
import { BULLETIN } from '../summary/wording';
import { bulletinModel, BulletinError } from './build';
import { bulletinText, type BulletinDoc, type BulletinTable } from './model';
import { wanToYi, zhPunct } from './wording';

const config = testConfig();
const sep = (include: 'none' | string[] = 'none') =>
  summarise({ report: checkReport('2026-09', SEP, [B5_ERROR]), register: register(), history: fullHistory(), config, include });
const S = sep();
const doc = bulletinModel(S, config);
const text = bulletinText(doc).join('\n');
const paragraphs = (d: BulletinDoc) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [(b.lead ?? '') + b.text] : []));
const tableOf = (d: BulletinDoc): BulletinTable => {
  const t = d.blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error('no table');
  return t.table;
};

/** 万元 → 亿元 by exact decimal arithmetic, independently of wanToYi. */
function yi(wan: number): string {
  const [int, frac = ''] = String(wan).split('.');
  const num = BigInt(int + frac);
  return roundRationalHalfAway(num, 10n ** BigInt(frac.length) * 10000n, 1).toFixed(1);
}

describe('title and marks', () => {
  test('a quarter end: the quarter in the title, 草稿 until final', () => {
    expect(doc.title).toBe('2026年三季度全省开发区主要经济指标运行及预警情况通报');
    expect(doc.titleLines.join('')).toBe(doc.title);
    expect(doc.mark).toBe('草稿');
    expect(doc.preview).toBe(false);
    expect(bulletinModel(S, config, { final: true }).mark).toBeNull();
  });

  test('a month that is not a quarter end is a preview: in the title, the mark and section 三', () => {
    const aug = summarise({ report: checkReport('2026-08', SEP), register: register(), history: [], config });
    const d = bulletinModel(aug, config);
    expect(d.title).toBe(zhPunct('2026年1-8月全省开发区主要经济指标运行及预警情况通报(预警预览)'));
    expect(d.mark).toBe('草稿·预览');
    expect(bulletinModel(aug, config, { final: true }).mark).toBe('预览');
    expect(bulletinText(d)).toContain(zhPunct('三、预警情况预览(非季末,仅供参考)'));
  });

  test('one city is 全市; no period refuses with a reason in both languages', () => {
    const one = ZONES.filter((z) => z.city === '甲市');
    const data = Object.fromEntries(Object.entries(SEP).filter(([k]) => k.startsWith('A')));
    const s = summarise({ report: checkReport('2026-09', data), register: register(one), history: [], config });
    const d = bulletinModel(s, config);
    expect(d.title).toBe('2026年三季度全市开发区主要经济指标运行及预警情况通报');
    expect(paragraphs(d).some((p) => p.startsWith(zhPunct(`1-9月,全市5个开发区规模以上工业总产值${yi(s.totals.city['甲市']['01'].ytd!)}亿元`)))).toBe(true);
    expect(() => bulletinModel({ ...s, period: null }, config)).toThrow(BulletinError);
  });
});

describe('一、总体情况', () => {
  test('the overall and every city total: amount in 亿元 (exact), 同比 as the summary gives it, how many zones', () => {
    const flows = config.catalogue.filter((i) => i.key && i.kind === 'flow');
    const growth = (yoy: number | null) => (yoy === null ? '' : yoy === 0 ? '与上年同期持平' : yoy > 0 ? `同比增长${yoy.toFixed(1)}%` : `同比下降${(-yoy).toFixed(1)}%`);
    const ps = paragraphs(doc);
    const groups: [string, Record<string, SummaryReport['totals']['city'][string][string]>][] = [
      ['全省', S.totals.province['辽宁省']],
      ['甲市', S.totals.city['甲市']],
      ['乙市', S.totals.city['乙市']],
    ];
    for (const [name, totals] of groups) {
      const p = ps.find((x) => x.includes(`${name}${name === '全省' ? 9 : name === '甲市' ? 5 : 4}个开发区`));
      expect(p).toBeDefined();
      for (const ind of flows) {
        const e = totals[ind.code];
        if (!e) {
          expect(p).toContain(`${ind.name}无数据`);
          continue;
        }
        expect(p).toContain(zhPunct(`${ind.name}${yi(e.ytd!)}亿元${e.zones < (name === '乙市' ? 4 : name === '全省' ? 9 : 5) ? `(${e.zones}个开发区合计)` : ''},${growth(e.yoy)}`));
      }
      const share = totals['14'];
      expect(p).toContain(`税收占比${(Math.round(share.ytd! * 10) / 10).toFixed(1)}%`);
    }
    // B5 is gray (an unresolved error): 9 of 10 zones are consolidated
    expect(ps[0]).toBe(zhPunct('全省共有10个开发区纳入监测,其中9个开发区数据审核通过、参与评价,1个开发区未纳入评价(见第四部分)。'));
  });

  test('wanToYi equals exact decimal rounding for any figure with one decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (tenths) => {
        const wan = tenths / 10;
        expect(wanToYi(wan).toFixed(1)).toBe(yi(wan));
      }),
      { numRuns: 2000 },
    );
    // halves round away from zero on the decimal, not on the binary double
    expect(wanToYi(1234550)).toBe(123.5);
    expect(wanToYi(5490553.4)).toBe(549.1);
    expect(wanToYi(50)).toBe(0);
  });
});

describe('二、主要指标完成情况', () => {
  const t = tableOf(doc);
  const rowOf = (name: string) => t.rows.find((r) => r[0].text.startsWith(name))!;

  test('each zone row: 同比 and 全市位次 (并列第N位) of every key indicator and the score, as the summary', () => {
    const flows = config.catalogue.filter((i) => i.key && i.kind === 'flow');
    let tied = 0;
    for (const z of S.zones.filter((x) => x.status === 'rated')) {
      const row = rowOf(z.zone.name);
      expect(row[0].level).toBe(z.warning.level);
      flows.forEach((ind, k) => {
        const s = z.indicators[ind.code];
        expect(row[1 + 2 * k].text).toBe(s.yoy !== null ? s.yoy.toFixed(1) : s.yoyLabel ?? '—');
        const p = s.rank?.city ?? null;
        expect(row[2 + 2 * k].text).toBe(p ? `${p.tied ? '并列' : ''}第${p.n}位` : '—');
        if (p?.tied) tied++;
      });
      expect(row[row.length - 1].text).toBe(z.score!.toFixed(1));
    }
    expect(tied).toBeGreaterThan(0);
    expect(rowOf('甲市A2')[2].text).toBe('并列第2位');
  });

  test('a gray zone is one row "未纳入评价"; totals rows per city and for the province', () => {
    expect(rowOf('乙市B5')[1].text).toBe(zhPunct('未纳入评价(见第四部分)'));
    expect(t.rows.map((r) => r[0].text).filter((x) => x.endsWith('合计'))).toEqual(['甲市合计', '乙市合计', '全省合计']);
    expect(rowOf('全省合计')[1].text).toBe(S.totals.province['辽宁省']['01'].yoy!.toFixed(1));
  });
});

describe('三、季度预警情况', () => {
  test('every red, orange and yellow zone, with every reason in the spec wording under its bulletin word', () => {
    const ps = paragraphs(doc);
    let reasons = 0;
    for (const level of ['red', 'orange', 'yellow'] as const) {
      for (const z of S.zones.filter((x) => x.warning.level === level)) {
        const p = ps.find((x) => x.includes(`.${z.zone.name}`));
        expect([z.zone.name, p !== undefined]).toEqual([z.zone.name, true]);
        for (const tr of z.warning.triggers) {
          const i = tr.reason.zh.indexOf(':');
          const [tag, body] = [tr.reason.zh.slice(0, i), tr.reason.zh.slice(i + 1)];
          expect([BULLETIN.red.zh, BULLETIN.redCard.zh, BULLETIN.orange.zh, BULLETIN.yellow.zh]).toContain(tag);
          expect(p).toContain(zhPunct(body));
          // the reason stands under its own word: the last word before it is its tag
          const at = p!.indexOf(zhPunct(body));
          const words = [...p!.matchAll(/(红牌警示|约谈提醒|重点关注|提醒)\uFF1A/g)].filter((m) => (m.index ?? 0) < at);
          expect(words[words.length - 1][1]).toBe(tag);
          reasons++;
        }
      }
    }
    expect(reasons).toBeGreaterThan(3);
    const counts = ['red', 'orange', 'yellow'].map((l) => S.zones.filter((z) => z.warning.level === l).length);
    expect(text).toContain(`红色预警${counts[0]}个`);
    expect(text).toContain(`橙色预警${counts[1]}个`);
    expect(text).toContain(`黄色预警${counts[2]}个`);
  });
});

describe('四、未纳入评价的开发区', () => {
  test('a gray zone with why; an included zone said as included, with the figures left out', () => {
    expect(paragraphs(doc)).toContain(zhPunct(`1.乙市B5开发区:${S.zones.find((z) => z.zone.code === 'B5')!.grayReason!.zh},不参与汇总、排名和评价。`));
    const inc = sep(['B5']);
    const d = bulletinModel(inc, config);
    const p = paragraphs(d).find((x) => x.startsWith('1.乙市B5开发区'))!;
    expect(p).toContain('经确认纳入汇总');
    expect(p).toContain(zhPunct('有误的数据(固定资产投资)未计入'));
    expect(tableOf(d).rows.find((r) => r[0].text.startsWith('乙市B5'))![0].text).toBe('乙市B5开发区※');
  });
});

describe('every number in the text is the summary’s', () => {
  test('sweep: each numeric token is a figure, place, count or date the summary holds', () => {
    const allowed = new Set<string>(['2026', '1', '9', '2', '3', '4', '5']);
    const add = (x: number | null | undefined) => {
      if (x === null || x === undefined) return;
      allowed.add(x.toFixed(1));
      allowed.add(String(x));
      allowed.add((-x).toFixed(1));
    };
    for (const z of S.zones) {
      add(z.score);
      for (const s of Object.values(z.indicators)) {
        add(s.yoy);
        add(s.change_pp);
        if (s.ytd !== null) add(Math.round(s.ytd * 10) / 10);
        if (s.rank?.city) allowed.add(String(s.rank.city.n));
        if (s.progress) [s.progress.completion, s.progress.gap_pp, s.progress.schedule].forEach(add);
      }
      for (const t of z.warning.triggers) [t.detail.value, t.detail.target, t.detail.cityTotal, t.detail.cityMeanScore, t.detail.gap_pp].forEach(add);
    }
    for (const g of [...Object.values(S.totals.city), ...Object.values(S.totals.province)]) {
      for (const e of Object.values(g)) {
        add(e.yoy);
        if (e.ytd !== null) { allowed.add(yi(e.ytd)); add(Math.round(e.ytd * 10) / 10); }
        allowed.add(String(e.zones));
      }
    }
    for (let n = 0; n <= S.zones.length; n++) allowed.add(String(n));
    const tokens = text.match(/-?\d+(?:\.\d+)?/g) ?? [];
    expect(tokens.length).toBeGreaterThan(50);
    expect(tokens.filter((t) => !allowed.has(t.replace(/^-/, '')) && !allowed.has(t))).toEqual([]);
  });
});
