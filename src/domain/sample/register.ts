/**
 * A realistic sample zone register (开发区名录): ten hand-written zones over 盘锦市 and 营口市 in
 * 辽宁省, then generated zones (over the province's other cities and a few more provinces) for any n,
 * so the benchmarks can ask for 1,000 or 5,000 zones. Also the register sheet as the tool writes it.
 */
import type { Zone } from '../types';
import type { OutCell, OutSheet } from '../output/sheet-model';
import { FORMATS } from '../output/sheet-model';
import { REGISTER_SHEET } from '../port';

const LN = '辽宁省';

type Hand = [code: string, name: string, aliases: string[], level: string, type: string, city: string];

const HAND_WRITTEN: Hand[] = [
  ['G212001', '盘锦辽滨沿海经济技术开发区', ['辽滨经开区', '盘锦经济开发区'], '国家级', '经开区', '盘锦市'],
  ['G212002', '盘锦高新技术产业开发区', ['盘锦高新区'], '国家级', '高新区', '盘锦市'],
  ['G212003', '盘锦双台子经济开发区', ['双台子开发区'], '省级', '经开区', '盘锦市'],
  ['G212004', '盘山经济开发区', ['盘山开发区'], '省级', '经开区', '盘锦市'],
  ['G212005', '大洼临港经济开发区', ['大洼临港开发区', '大洼经济开发区'], '省级', '其他', '盘锦市'],
  ['G210801', '营口经济技术开发区', ['营口经开区', '鲅鱼圈开发区'], '国家级', '经开区', '营口市'],
  ['G210802', '营口高新技术产业开发区', ['营口高新区'], '国家级', '高新区', '营口市'],
  ['G210803', '营口综合保税区', ['营口综保区'], '国家级', '综保区', '营口市'],
  ['G210804', '营口仙人岛能源化工区', ['仙人岛化工区'], '省级', '其他', '营口市'],
  ['G210805', '大石桥经济开发区', ['大石桥开发区'], '省级', '经开区', '营口市'],
];

// Generated zones: [province, its code prefix, cities].
const PROVINCES: [string, string, string[]][] = [
  [LN, '21', ['沈阳市', '大连市', '鞍山市', '抚顺市', '本溪市', '丹东市', '锦州市', '阜新市', '辽阳市', '铁岭市', '朝阳市', '葫芦岛市']],
  ['吉林省', '22', ['长春市', '吉林市', '四平市', '通化市', '延边朝鲜族自治州']],
  ['河北省', '13', ['石家庄市', '唐山市', '秦皇岛市', '沧州市', '廊坊市']],
  ['山东省', '37', ['济南市', '青岛市', '烟台市', '潍坊市', '威海市']],
];
const PLACES = ['临港', '滨海', '新城', '北部', '南部', '东部', '西部', '城东', '城西', '河口', '湖滨', '山前', '新区', '空港', '东湖', '西岭'];
const KINDS: [suffix: string, short: string, type: string][] = [
  ['经济开发区', '开发区', '经开区'],
  ['高新技术产业开发区', '高新区', '高新区'],
  ['工业园区', '工业园', '其他'],
  ['经济技术开发区', '经开区', '经开区'],
];

function generated(i: number): Zone {
  // i counts generated zones from 0; spread them evenly over provinces and cities.
  const [province, prefix, cities] = PROVINCES[i % PROVINCES.length];
  const k = Math.floor(i / PROVINCES.length);
  const city = cities[k % cities.length];
  const round = Math.floor(k / cities.length);
  const place = PLACES[round % PLACES.length];
  const [suffix, short, type] = KINDS[Math.floor(round / PLACES.length) % KINDS.length];
  const serial = Math.floor(round / (PLACES.length * KINDS.length));
  const cityShort = city.replace(/(市|朝鲜族自治州)$/, '');
  const stem = `${cityShort}${place}${serial > 0 ? String(serial + 1) : ''}`;
  const name = stem + suffix;
  const code = `G${prefix}${String(9000 + i).padStart(5, '0')}`;
  return {
    code,
    name,
    aliases: [stem + short],
    level: type === '高新区' && i % 3 === 0 ? '国家级' : '省级',
    type,
    city,
    province,
  };
}

/** n sample zones: the ten hand-written ones first, then generated ones. Deterministic. */
export function sampleRegister(n = 10): Zone[] {
  const out: Zone[] = [];
  for (let i = 0; i < n; i++) {
    if (i < HAND_WRITTEN.length) {
      const [code, name, aliases, level, type, city] = HAND_WRITTEN[i];
      out.push({ code, name, aliases: [...aliases], level, type, city, province: LN });
    } else {
      out.push(generated(i - HAND_WRITTEN.length));
    }
  }
  return out;
}

const HEADERS = ['开发区代码', '开发区名称', '曾用名/简称', '级别', '类型', '所属市', '所属省'];
const WIDTHS = [12, 30, 30, 8, 8, 14, 10];

/** The 开发区名录 sheet (template.md §2) for these zones. */
export function registerSheet(zones: Zone[]): OutSheet {
  const text = (v: string | null): OutCell => ({ v, fmt: FORMATS.text });
  return {
    name: REGISTER_SHEET,
    columns: WIDTHS.map((width) => ({ width })),
    rows: [
      HEADERS.map((h): OutCell => ({ v: h, style: 'header' })),
      ...zones.map((z) => [
        text(z.code),
        text(z.name),
        text(z.aliases.join('、')),
        text(z.level),
        text(z.type),
        text(z.city),
        text(z.province),
      ]),
    ],
    freeze: { rows: 1, cols: 0 },
  };
}
