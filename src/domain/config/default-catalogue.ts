/**
 * The default indicator catalogue (indicators.md) and default score weights (rules.md §4),
 * as data. A bureau's configuration replaces them as a whole.
 */
import type { IndicatorInput } from './schema';

const money = { unit: '万元' } as const;

export const defaultCatalogue: IndicatorInput[] = [
  {
    code: '01', id: 'industrial_output', name: '规模以上工业总产值', nameEn: 'Gross output of industry above designated size',
    aliases: ['规上工业总产值', '规上工业产值', '规模以上工业产值'], ...money, kind: 'flow', key: true, monotone: true,
    description: {
      zh: '规上工业:年主营业务收入2000万元及以上的工业法人单位(2011年起)。',
      en: 'Industry above designated size: industrial legal persons with annual main-business revenue of at least 20 million yuan (since 2011).',
    },
  },
  {
    code: '02', id: 'strategic_output', name: '战略性新兴产业产值', nameEn: 'Output of strategic emerging industries',
    aliases: ['战新产业产值', '战略性新兴产业总产值'], ...money, kind: 'flow', parent: '01', monotone: true,
  },
  {
    code: '03', id: 'industrial_va_growth', name: '规模以上工业增加值增速', nameEn: 'Growth of industrial value added (comparable prices)',
    aliases: ['规上工业增加值增速', '规上工业增加值增长'], unit: '%', kind: 'rate', nonNegative: false,
    description: {
      zh: '按可比价格计算,由统计局提供;不由现价产值推算。',
      en: 'At comparable prices, supplied by the statistics bureau; never derived from current-price output.',
    },
  },
  {
    code: '04', id: 'industrial_revenue', name: '规上工业营业收入', nameEn: 'Revenue of industry above designated size',
    aliases: ['规上工业主营业务收入', '规模以上工业营业收入'], ...money, kind: 'flow', janExempt: true, monotone: true,
  },
  {
    code: '05', id: 'industrial_profit', name: '规上工业利润总额', nameEn: 'Total profit of industry above designated size',
    aliases: ['规模以上工业利润总额'], ...money, kind: 'flow', janExempt: true, nonNegative: false, monotone: false,
  },
  {
    code: '06', id: 'industrial_firms', name: '规上工业企业数', nameEn: 'Number of industrial firms above designated size',
    aliases: ['规模以上工业企业数'], unit: '个', kind: 'stock', integer: true,
  },
  {
    code: '07', id: 'loss_firms', name: '亏损企业数', nameEn: 'Of which: loss-making firms',
    aliases: ['规上工业亏损企业数'], unit: '个', kind: 'stock', parent: '06', integer: true, direction: 'lower',
  },
  {
    code: '08', id: 'fixed_investment', name: '固定资产投资', nameEn: 'Fixed-asset investment',
    aliases: ['固定资产投资完成额', '固投', '固定资产投资额'], ...money, kind: 'flow', key: true, janExempt: true, monotone: true,
    description: {
      zh: '计划总投资500万元及以上项目,加全部房地产开发投资;1月不报(首报为1-2月)。',
      en: 'Projects with planned investment of at least 5 million yuan plus all real-estate development; no January report (first report is Jan-Feb).',
    },
  },
  {
    code: '09', id: 'industrial_investment', name: '工业投资', nameEn: 'Of which: industrial investment',
    aliases: [], ...money, kind: 'flow', parent: '08', janExempt: true, monotone: true,
  },
  {
    code: '10', id: 'infrastructure_investment', name: '基础设施投资', nameEn: 'Of which: infrastructure investment',
    aliases: ['基础设施建设投资'], ...money, kind: 'flow', parent: '08', janExempt: true, monotone: true,
  },
  {
    code: '11', id: 'budget_revenue', name: '一般公共预算收入', nameEn: 'General public budget revenue',
    aliases: ['一般预算收入', '地方一般公共预算收入'], ...money, kind: 'flow', partition: ['12', '13'], monotone: false,
    description: {
      zh: '一般公共预算收入 = 税收收入 + 非税收入。',
      en: 'General public budget revenue = tax revenue + non-tax revenue.',
    },
  },
  {
    code: '12', id: 'tax_revenue', name: '税收收入', nameEn: 'Of which: tax revenue',
    aliases: ['税收'], ...money, kind: 'flow', key: true, parent: '11', monotone: false,
    description: {
      zh: '预算口径:区内注册单位缴纳的税收,不含关税和海关代征税收。',
      en: 'Budget caliber: taxes of units registered in the zone, excluding customs duties and taxes collected by customs.',
    },
  },
  {
    code: '13', id: 'nontax_revenue', name: '非税收入', nameEn: 'Non-tax revenue',
    aliases: [], ...money, kind: 'flow', parent: '11', monotone: false,
  },
  {
    code: '14', id: 'tax_share', name: '税收占比', nameEn: 'Tax share of budget revenue',
    aliases: ['税收收入占比', '税收占一般公共预算收入比重'], unit: '%', kind: 'ratio', key: true,
    ratio: { numerator: '12', denominator: '11' },
    description: { zh: '税收收入 / 一般公共预算收入 × 100;变化以百分点表示。', en: 'Tax revenue / general public budget revenue × 100; change in percentage points.' },
  },
  {
    code: '15', id: 'fdi_actual', name: '实际使用外资', nameEn: 'Foreign direct investment actually used',
    aliases: ['实际利用外资', '实际使用外资金额'], unit: '万美元', kind: 'flow', key: true, swingPct: 50, monotone: false,
    description: { zh: '以万美元计;增速可按可比口径发布。', en: 'In 10,000 US dollars; growth may be published on a comparable caliber.' },
  },
  {
    code: '16', id: 'trade_total', name: '进出口总额', nameEn: 'Total imports and exports',
    aliases: ['外贸进出口总额', '进出口'], ...money, kind: 'flow', partition: ['17', '18'], monotone: true,
    description: { zh: '以万元计;以万美元填报的模板须注明,不与万元混用。', en: 'In 10,000 yuan; a template in US dollars must say so and is not mixed with yuan zones.' },
  },
  {
    code: '17', id: 'exports', name: '出口额', nameEn: 'Of which: exports',
    aliases: ['出口总额', '出口'], ...money, kind: 'flow', parent: '16', monotone: true,
  },
  {
    code: '18', id: 'imports', name: '进口额', nameEn: 'Of which: imports',
    aliases: ['进口总额', '进口'], ...money, kind: 'flow', parent: '16', monotone: true,
  },
  {
    code: '19', id: 'signed_projects', name: '新签约项目数', nameEn: 'Newly signed projects',
    aliases: ['签约项目数'], unit: '个', kind: 'flow', integer: true, monotone: true, pair: '21',
  },
  {
    code: '20', id: 'signed_projects_100m', name: '亿元以上项目数', nameEn: 'Of which: projects of 100 million yuan or more',
    aliases: ['新签约亿元以上项目数', '亿元以上签约项目数'], unit: '个', kind: 'flow', parent: '19', integer: true, monotone: true,
  },
  {
    code: '21', id: 'signed_investment', name: '签约项目协议投资额', nameEn: 'Agreed investment of signed projects',
    aliases: ['协议投资额', '签约项目投资额'], ...money, kind: 'flow', monotone: true, swingPct: 50, pair: '19',
  },
  {
    code: '22', id: 'funds_in_place', name: '实际到位资金', nameEn: 'Funds actually in place',
    aliases: ['到位资金'], ...money, kind: 'flow', monotone: true, swingPct: 50,
  },
  {
    code: '23', id: 'new_projects_started', name: '新开工项目数', nameEn: 'Projects started',
    aliases: ['新开工项目'], unit: '个', kind: 'flow', integer: true, monotone: true,
  },
];

/** rules.md §4 default weights by dimension; items share their dimension's weight equally. */
export const defaultScore = {
  dimensions: [
    {
      id: 'industry', name: '产业发展', nameEn: 'Industry', weight: 25,
      items: [
        { indicator: '01', measure: 'growth' as const },
        { indicator: '03', measure: 'rate' as const },
      ],
    },
    {
      id: 'projects', name: '项目建设', nameEn: 'Projects', weight: 30,
      items: [
        { indicator: '08', measure: 'growth' as const },
        { indicator: '09', measure: 'growth' as const },
        { indicator: '20', measure: 'completion' as const },
        { indicator: '22', measure: 'completion' as const },
      ],
    },
    {
      id: 'fiscal', name: '财税质量', nameEn: 'Fiscal quality', weight: 25,
      items: [
        { indicator: '12', measure: 'growth' as const },
        { indicator: '14', measure: 'level' as const },
      ],
    },
    {
      id: 'openness', name: '对外开放', nameEn: 'Openness', weight: 20,
      items: [
        { indicator: '15', measure: 'completion' as const },
        { indicator: '16', measure: 'growth' as const },
      ],
    },
  ],
};
