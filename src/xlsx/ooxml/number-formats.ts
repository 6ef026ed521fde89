/**
 * Number formats of cells: the styles part's cellXfs (a cell's `s` attribute indexes it) → numFmtId
 * → the format code, from the part's own <numFmts> or Excel's built-in formats. Built-ins 27–36 and
 * 50–58 are locale-dependent; they are given as zh-CN Excel shows them (the users' locale), so a
 * date typed in a Chinese Excel (built-in 31, 年月日) is known as a date.
 */
import { attrOf, contentEnd, nextTag } from './tags';

const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Format codes by cell style index (undefined for General or unknown), from the styles part's text;
 * an empty list when there is no styles part.
 */
export function cellFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let t = nextTag(stylesXml, 0, stylesXml.length);
  while (t) {
    if (!t.close && t.local === 'numFmt') {
      const id = Number(attrOf(stylesXml, t, 'numFmtId'));
      const code = attrOf(stylesXml, t, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (!t.close && (t.local === 'cellStyleXfs' || t.local === 'dxfs' || t.local === 'extLst')) {
      // formats of cell styles, differential formats and extensions are not cells' formats
      t = nextTag(stylesXml, contentEnd(stylesXml, t, stylesXml.length), stylesXml.length);
      continue;
    } else if (!t.close && t.local === 'xf') {
      const id = Number(attrOf(stylesXml, t, 'numFmtId') ?? 0);
      const code = custom.get(id) ?? BUILT_IN[id];
      out.push(code === undefined || code === '' || code === 'General' ? undefined : code);
    }
    t = nextTag(stylesXml, t.end, stylesXml.length);
  }
  return out;
}
