/** The 汇总 and 预警清单 sheet models, and the rows 归档本月 appends to 历史数据. */
import { summarise } from './summarise';
import { summarySheets, rankText } from './sheets';
import { archiveRows } from './archive';
import { B5_ERROR, checkReport, fullHistory, register, SEP, testConfig } from '../../../test/fixtures/summary/fixture';
import type { OutCell } from '../output/sheet-model';
import { defaultConfig } from '../config/validate';

const config = testConfig();
const SEP_REPORT = checkReport('2026-09', SEP, [B5_ERROR]);
const S = summarise({ report: SEP_REPORT, register: register(), history: fullHistory(), config });
const [sum, warn] = summarySheets(S, config, 'zh');
const text = (row: OutCell[]) => row.map((c) => (c.v === null ? '' : String(c.v)));
const rowOf = (name: string) => sum.rows.find((r) => String(r[0]?.v ?? '').startsWith(name))!;

describe('汇总', () => {
  test('title, headers, frozen header, one row per zone in register order', () => {
    expect(sum.name).toBe('汇总');
    expect(String(sum.rows[0][0].v)).toBe('2026年9月 开发区主要经济指标汇总 · 季度预警');
    expect(sum.freeze).toEqual({ rows: 4, cols: 1 });
    expect(text(sum.rows[2]).slice(0, 3)).toEqual(['开发区', '所属市', '规模以上工业总产值(万元)']);
    expect(text(sum.rows[3]).slice(2, 6)).toEqual(['1-本月累计', '同比(%)', '增速全市位次', '增速全省位次']);
    const names = sum.rows.slice(4, 14).map((r) => r[0].v);
    expect(names).toEqual(['甲市A1开发区', '甲市A2开发区', '甲市A3开发区', '甲市A4开发区', '甲市A5开发区',
      '乙市B1开发区', '乙市B2开发区', '乙市B3开发区', '乙市B4开发区', '乙市B5开发区']);
  });

  test('a zone row: value with 万元 format, growth, ranks "2/5" / "并列2/5" with the change, level colour', () => {
    const a2 = rowOf('甲市A2');
    expect(a2[2]).toMatchObject({ v: 52500, fmt: '#,##0.0', style: 'green' });
    expect(a2[3]).toMatchObject({ v: 5, fmt: '0.0' });
    expect(a2[4].v).toBe('并列2/5↓1'); // tied 2nd of 5 in 甲市, was 1st in August
    // province: August ranked only 甲's 5 zones, now 8 are ranked: no change is shown
    expect(a2[5].v).toBe('并列3/8');
    const a3 = rowOf('甲市A3');
    expect(a3.every((c) => c.style === 'red')).toBe(true);
    expect(a3[4].v).toBe('5/5→');
    const lvl = a3[a3.length - 2].v;
    expect(lvl).toBe('红色(红牌警示)');
    // worst-level reasons only (two), the rest counted: 6 triggers − 2 shown = 4
    expect(a3[a3.length - 1].v).toBe('规模以上工业总产值同比下降0.1%;规模以上工业总产值连续两个季度红色预警;另4条见预警清单');
  });

  test('labels and exclusions: 新增, and — with the reason', () => {
    const b3 = rowOf('乙市B3');
    expect(b3[3].v).toBe('新增');
    expect(b3[4].v).toBe('—(新增)');
    const b5 = rowOf('乙市B5');
    expect(b5[0].style).toBe('gray');
    expect(b5[4].v).toBe('—'); // gray: the reason is in the level and reason columns
    expect(b5[b5.length - 1].v).toBe('有未修正的错误或未说明的警告');
    expect(b5[b5.length - 2].v).toBe('灰色(不评价)');
  });

  test('合计 rows per city and the province: Σ values, growth from the Σ, zone count', () => {
    const a = rowOf('甲市合计');
    expect(a[0].v).toBe('甲市合计(5个开发区)');
    expect(a[2].v).toBe(338400);
    expect(a[3].v).toBe(5.8); // 18400 / 320000 = 5.75 % → 5.8
    expect(rowOf('乙市合计')[0].v).toBe('乙市合计(4个开发区)'); // B5 gray: not consolidated
    const p = rowOf('辽宁省合计');
    expect(p[0].v).toBe('辽宁省合计(9个开发区)');
    expect(p[3].v).toBe(7); // 34400 / 494000 = 6.96 % → 7.0
  });

  test('legend explains every colour with the bulletin wording', () => {
    const all = sum.rows.flat().map((c) => String(c.v ?? '')).join('\n');
    for (const w of ['约谈提醒', '重点关注', '提醒', '红牌警示', '不评价']) expect(all).toContain(w);
    expect(all).toContain('低于序时进度10.0至30.0个百分点(含)');
  });

  test('included zones are marked ※ and said so', () => {
    const s = summarise({ report: checkReport('2026-09', SEP, [B5_ERROR]), register: register(), history: fullHistory(), config, include: ['B5'] });
    const row = summarySheets(s, config, 'zh')[0].rows.find((r) => String(r[0].v).startsWith('乙市B5'))!;
    expect(row[0].v).toBe('乙市B5开发区※');
    // its 08 has the error: shown as reported, next to it the 同比 cell says it is not counted, not ranked
    expect(row[6].v).toBe(80000);
    expect(row[7].v).toBe('有误,未计入');
    expect(row[8].v).toBe('—(有误)');
    // gray: no score, level gray
    expect(row.slice(-5).map((c) => c.v)).toEqual(['—', '—', '—', '灰色(不评价)', '有未修正的错误或未说明的警告,经确认纳入汇总(有问题的数据不计入合计和排名)']);
  });

  test('English headers and levels with lang en', () => {
    const [en] = summarySheets(S, config, 'en');
    expect(text(en.rows[2]).slice(0, 2)).toEqual(['Zone', 'City']);
    expect(String(en.rows[0][0].v)).toContain('quarterly early warning');
    expect(en.rows.find((r) => String(r[0].v).startsWith('甲市A3'))!.slice(-2)[0].v).toBe('Red(Red card)');
  });
});

describe('score items left out are said in the 汇总 sheet (rules.md §4)', () => {
  test('the default score: no zone has targets for 15, 20, 22 → 25% of the weight, said once, under the totals', () => {
    const def = defaultConfig();
    const s = summarise({ report: SEP_REPORT, register: register(), history: fullHistory(), config: def });
    const lines = summarySheets(s, def, 'zh')[0].rows.map((r) => String(r[0]?.v ?? '')).filter((v) => v.startsWith('综合得分缺项'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('实际到位资金(完成目标%)');
    expect(lines[0]).toContain('实际使用外资(完成目标%)');
    expect(lines[0]).toContain('亿元以上项目数(完成目标%)');
  });
  test('an item only some zones lack is said for each of them', () => {
    // B3's 01 is 新增 (base 0): no growth to score
    expect(summarySheets(S, config, 'zh')[0].rows.map((r) => String(r[0]?.v ?? '')).filter((v) => v.includes('缺'))).toEqual([
      '乙市B3开发区另缺:规模以上工业总产值(增速)(按其余项目计分)。',
    ]);
    const data = structuredClone(SEP);
    data.A2 = { '01': data.A2['01'], '08': data.A2['08'] }; // no revenue: no 税收占比
    const s = summarise({ report: checkReport('2026-09', data, [B5_ERROR]), register: register(), history: fullHistory(), config });
    const lines = summarySheets(s, config, 'en')[0].rows.map((r) => String(r[0]?.v ?? '')).filter((v) => v.includes('lacks'));
    expect(lines).toEqual([
      '甲市A2开发区 also lacks: Tax share of budget revenue (level) (scored on the other items).',
      '乙市B3开发区 also lacks: Gross output of industry above designated size (growth) (scored on the other items).',
    ]);
  });
});

describe('预警清单', () => {
  test('one row per trigger, red first, with value, target, city total, mean score, gap, rank, quarters', () => {
    expect(warn.name).toBe('预警清单');
    expect(text(warn.rows[1])).toEqual(['开发区', '所属市', '预警等级', '规则', '指标', '原因', '数值', '目标/阈值', '全市合计', '全市平均得分', '序时进度差(百分点)', '全市位次', '连续季度']);
    const body = warn.rows.slice(2);
    // triggers: A1 2, A3 6, A4 3, A5 2, B2 3, B3 2, B4 2, B5 1 = 21
    expect(body).toHaveLength(21);
    const levels = body.map((r) => r[0].style);
    const rank = { red: 4, orange: 3, yellow: 2, green: 1, gray: 0 } as Record<string, number>;
    for (let i = 1; i < levels.length; i++) expect(rank[levels[i]!]).toBeLessThanOrEqual(rank[levels[i - 1]!]);
    // first red row: A3's W-NEG: growth −0.1, target 0, 甲 total 5.8, rank 5/5, two quarters (June red)
    expect(text(body[0])).toEqual(['甲市A3开发区', '甲市', '红色(约谈提醒)', 'W-NEG 同比负增长', '规模以上工业总产值',
      '约谈提醒:规模以上工业总产值同比下降0.1%', '-0.1', '0', '5.8', '—', '—', '5/5', '2']);
    // A4's pace row: completion 44.9 against schedule 75.0, 甲's completion Σ300000 / Σ500000 = 60.0, gap 30.1
    const pace = body.find((r) => r[0].v === '甲市A4开发区' && String(r[3].v).startsWith('W-PACE-R'))!;
    expect(text(pace).slice(6, 13)).toEqual(['44.9', '75', '60', '—', '30.1', '并列3/5', '2']);
    expect(text(body[body.length - 1]).slice(0, 3)).toEqual(['乙市B5开发区', '乙市', '灰色(不评价)']);
  });
});

describe('archiveRows', () => {
  test('every indicator of every reporting zone, with its level at a quarter end', () => {
    const rows = archiveRows(S, SEP_REPORT);
    const a3 = rows.filter((r) => r.zone === 'A3');
    expect(a3.find((r) => r.indicator === '01')).toEqual({ period: '2026-09', zone: 'A3', indicator: '01', ytd: 49950, base: 50000, target: null, level: 'red' });
    expect(a3.find((r) => r.indicator === '08')!.level).toBe('yellow');
    expect(a3.find((r) => r.indicator === '14')!.level).toBe('orange'); // W-TAX yellow, repeated → orange
    expect(a3.find((r) => r.indicator === '12')!.level).toBeNull(); // not warned on
    expect(rows.filter((r) => r.zone === 'B5').every((r) => r.level === 'gray')).toBe(true);
    expect(rows.find((r) => r.zone === 'A1' && r.indicator === '08')!.target).toBe(100000);
  });

  test('indicators the summary does not list are archived too, so next month V-MONTH/V-CUM/V-BASE can run on them', () => {
    const report = structuredClone(SEP_REPORT);
    const a1 = report.files.flatMap((f) => f.sheets).find((sh) => sh.zone?.code === 'A1')!;
    a1.records.push({ ...a1.records[0], indicator: '23', unit: '个', ytd: 12, base: 9, target: 20, row: 40, month: 2 });
    const row = archiveRows(S, report).find((r) => r.zone === 'A1' && r.indicator === '23');
    expect(row).toEqual({ period: '2026-09', zone: 'A1', indicator: '23', ytd: 12, base: 9, target: 20, level: null });
  });

  test('a preview month archives no levels (but gray stays gray)', () => {
    const aug = checkReport('2026-08', SEP, [{ ...B5_ERROR, period: '2026-08', sheet: '2026-08' }]);
    const s = summarise({ report: aug, register: register(), history: [], config });
    const rows = archiveRows(s, aug);
    expect(rows.filter((r) => r.zone === 'A3').every((r) => r.level === null)).toBe(true);
    expect(rows.filter((r) => r.zone === 'B5').every((r) => r.level === 'gray')).toBe(true);
  });

  test('archived rows read back give the same ranks next quarter (round trip through history)', () => {
    const next = summarise({ report: checkReport('2026-10', SEP), register: register(), history: archiveRows(S, SEP_REPORT), config });
    // 2026-09 is last month for 2026-10: same figures → every rank unchanged (持平) where both ranked
    const a1 = next.zones.find((z) => z.zone.code === 'A1')!.indicators['01'].rankChange;
    // province: B5 was gray in September, so the ranked zones differ: no province change
    expect(a1).toEqual({ city: 0, province: null });
  });
});

test('rankText', () => {
  expect(rankText({ n: 2, of: 10, tied: false }, 'zh')).toBe('2/10');
  expect(rankText({ n: 2, of: 10, tied: true }, 'zh')).toBe('并列2/10');
  expect(rankText(null, 'zh')).toBe('—');
});
