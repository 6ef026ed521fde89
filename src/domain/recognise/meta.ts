/**
 * The lines above a report's header (template.md §1 row 2): 填报单位 / 开发区名称 / 单位名称,
 * 开发区代码, 统计期 / 报告期 / 报表期, 金额单位. Each value is the text after the key's colon
 * (ASCII or full-width) in the same cell, else the next non-empty cell to the right. One cell may
 * hold several keys ("填报单位:X   统计期:2026年9月").
 */
import type { Cell } from '../types';
import { isKnownUnit, unitList } from '../cells/units';
import type { GridView } from './grid';

export type MetaKey = 'zone' | 'code' | 'period' | 'unit';

export interface MetaValue {
  text: string;
  /** A1 of the cell the value was read from */
  cell: string;
  /** the cell itself when the value is a whole cell (a date typed into the 统计期 cell...) */
  raw: Cell | undefined;
}

export type Meta = Partial<Record<MetaKey, MetaValue>>;

const KEYS: [string, MetaKey][] = [
  ['填报单位', 'zone'],
  ['开发区名称', 'zone'],
  ['单位名称', 'zone'],
  ['开发区代码', 'code'],
  ['统计期', 'period'],
  ['报告期', 'period'],
  ['报表期', 'period'],
  ['金额单位', 'unit'],
];
const KEY_OF = new Map(KEYS);
// A key at the start of the cell or after a space, an optional remark in brackets ("填报单位(盖章):"),
// then an optional colon (cleanText made ： and （） ASCII).
const KEY_RE = new RegExp(`(?:^|(?<=\\s))(${KEYS.map(([k]) => k).join('|')})\\s*(?:\\([^()]*\\))?\\s*:?`, 'g');
// A bare "单位:万元" also states the amount unit (only when the value is a unit: checked by the caller).
const BARE_UNIT = /^单位\s*:\s*(.*)$/;

/** Read the meta keys in rows [0, endRow). The first occurrence of each key wins. */
export function readMeta(g: GridView, endRow: number): Meta {
  const meta: Meta = {};
  const put = (key: MetaKey, v: MetaValue) => {
    if (!meta[key] && v.text !== '') meta[key] = v;
  };
  for (let r = 0; r < endRow; r++) {
    for (let c = 0; c < g.width(r); c++) {
      const t = g.text(r, c);
      if (t === '') continue;
      const bare = BARE_UNIT.exec(t);
      if (bare) {
        // Only a known unit, or a line of them ("单位:亿元、%"): "单位:盘锦开发区" means the reporting
        // unit, not an amount unit.
        const v = bare[1].trim() !== '' ? { text: valueText(bare[1]), cell: g.addr(r, c), raw: undefined } : nextValue(g, r, c);
        if (v && (isKnownUnit(v.text) || unitList(v.text) !== null)) put('unit', v);
        continue;
      }
      const hits = [...t.matchAll(KEY_RE)];
      hits.forEach((m, i) => {
        const key = KEY_OF.get(m[1]) as MetaKey;
        const start = (m.index ?? 0) + m[0].length;
        const end = i + 1 < hits.length ? hits[i + 1].index ?? t.length : t.length;
        const inCell = valueText(t.slice(start, end));
        if (inCell !== '') put(key, { text: inCell, cell: g.addr(r, c), raw: undefined });
        else if (i === hits.length - 1) {
          const next = nextValue(g, r, c);
          if (next) put(key, next);
        }
      });
    }
  }
  return meta;
}

/** The next non-empty cell to the right of (r, c) that is not itself a key. */
function nextValue(g: GridView, r: number, c: number): MetaValue | null {
  for (let k = c + 1; k < g.width(r); k++) {
    const t = g.text(r, k);
    if (t === '') continue;
    KEY_RE.lastIndex = 0;
    if (KEY_RE.test(t) || BARE_UNIT.test(t)) return null;
    return { text: valueText(t), cell: g.addr(r, k), raw: g.cell(r, k) };
  }
  return null;
}

/**
 * A value as written after its key: up to a wide gap (two spaces or more: what follows is something
 * else), without a trailing "(盖章)" remark.
 */
function valueText(raw: string): string {
  return raw
    .replace(/^\s*:/, '')
    .trim()
    .split(/\s{2,}/)[0]
    .replace(/\s*\((?:盖章|公章|签章|章)\)$/, '')
    .trim();
}
