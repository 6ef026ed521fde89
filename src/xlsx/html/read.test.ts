/**
 * HTML tables as Excel lays a page out: merges from colspan/rowspan, text outside tables as rows of
 * its own, values the producer stored (LibreOffice's sdval/sdnum, Excel's x:num/x:fmla with
 * mso-number-format) over the shown text, a page of another producer typed as Excel types text,
 * LibreOffice's sheet headings, Excel's sheet name; and markup built to make a naive scan quadratic.
 */
import { DEFAULT_INSPECT_LIMITS } from '../guard/limits';
import { readHtml } from './read';

const read = (html: string, name = '盘锦') => readHtml(html, name, DEFAULT_INSPECT_LIMITS);
const code = (html: string): string => {
  try {
    read(html);
    return 'read';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('layout', () => {
  it('places cells around colspan and rowspan, merging them', () => {
    const [s] = read('<table><tr><td colspan=2>a</td><td rowspan=2>b</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(s.rows).toEqual([[{ v: 'a' }, undefined, { v: 'b' }], [{ v: 'c' }, { v: 'd' }]]);
    expect(s.merges).toEqual(['A1:B1', 'C1:C2']);
  });

  it('stacks text outside tables and several tables in one sheet, as Excel opens a page', () => {
    const [s] = read('<body><h3>开发区主要经济指标月报表</h3><p>填报单位:盘锦&nbsp;统计期:2026年9月</p><table><tr><th>指标名称</th></tr></table><table><tr><td>45210</td></tr></table></body>');
    expect(s.name).toBe('盘锦');
    expect(s.rows).toEqual([[{ v: '开发区主要经济指标月报表' }], [{ v: '填报单位:盘锦\u00a0统计期:2026年9月' }], [{ v: '指标名称' }], [{ v: 45210 }]]);
  });

  it('reads LibreOffice\'s export of several sheets as those sheets, named as its headings say', () => {
    const page =
      '<body><hr><p><center><h1>Overview</h1><A HREF="#table0">甲表</A><br></center></p><hr>' +
      '<A NAME="table0"><h1>Sheet 1: <em>甲表</em></h1></A><table><tr><td>x</td></tr></table>' +
      '<hr><A NAME="table1"><h1>Sheet 2: <em>乙 表</em></h1></A><table><tr><td sdval="3" sdnum="1033;">3</td></tr></table></body>';
    expect(read(page).map((s) => [s.name, s.rows])).toEqual([
      ['甲表', [[{ v: 'x' }]]],
      ['乙 表', [[{ v: 3 }]]],
    ]);
  });
});

describe('values', () => {
  it('takes LibreOffice\'s stored value and format; a text cell stays text; an error shows its text and stores 0', () => {
    const head = '<head><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/></head>';
    const [s] = read(
      `<html>${head}<body><table><tr>` +
        '<td sdval="81738.2" sdnum="1033;0;#,##0.0">81,738.2</td><td sdnum="1033;0;@">01</td><td>81,738.2</td>' +
        '<td sdval="0" sdnum="1033;">#DIV/0!</td><td sdval="46266" sdnum="1033;0;YYYY-MM-DD">2026-09-01</td><td><br></td>' +
        '</tr></table></body></html>',
    );
    expect(s.rows[0]).toEqual([{ v: 81738.2, fmt: '#,##0.0' }, { v: '01', fmt: '@' }, { v: '81,738.2' }, { v: { error: '#DIV/0!' } }, { v: 46266, fmt: 'YYYY-MM-DD' }]);
  });

  it('takes Excel\'s x:num, x:fmla and mso-number-format (from the class or the cell), and its sheet name', () => {
    const page =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name=ProgId content=Excel.Sheet>' +
      '<style>.xl65 {mso-number-format:"\\#\\,\\#\\#0\\.0";} td.xl66{mso-number-format:"0\\.0%"}</style>' +
      '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>营口综合保税区</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>' +
      '<body><table><tr><td class=xl65 x:num="81738.2">81,738.2</td><td class="xl66" x:num>0.123</td>' +
      '<td x:num="2" x:fmla="=ROUND(A1/100,0)" style="mso-number-format:\'0\'">2</td><td>01</td><td x:str="a&amp;b">a&amp;b</td></tr></table></body></html>';
    const [s] = read(page);
    expect(s.name).toBe('营口综合保税区');
    expect(s.rows[0]).toEqual([{ v: 81738.2, fmt: '#,##0.0' }, { v: 0.123, fmt: '0.0%' }, { v: 2, f: 'ROUND(A1/100,0)', fmt: '0' }, { v: '01' }, { v: 'a&b' }]);
  });

  it('types the text of a page from any other producer as Excel would', () => {
    const [s] = read('<table><tr><td>01</td><td> 45,210 </td><td>12.5%</td><td>—</td><td>&#x4E07;元</td></tr></table>');
    expect(s.rows[0]).toEqual([{ v: '01' }, { v: 45210 }, { v: 0.125, fmt: '0.0%' }, { v: '—' }, { v: '万元' }]);
  });

  it('keeps a line break of a cell (<br>) and collapses the markup\'s own line breaks', () => {
    const [s] = read('<table><tr><td>\n  上年为<br>1.43\n</td></tr></table>');
    expect(s.rows[0]).toEqual([{ v: '上年为\n1.43' }]);
  });
});

describe('bounds and hostile markup', () => {
  it('refuses a merge over the limit, a cell over 32,767 characters, and a page without a table', () => {
    expect(code('<table><tr><td colspan=1000 rowspan=1000>x</td></tr></table>')).toBe('E_RANGE_TOO_LARGE');
    expect(code(`<table><tr><td>${'x'.repeat(40_000)}</td></tr></table>`)).toBe('E_CELL_TOO_LONG');
    expect(code('<html><body></body></html>')).toBe('E_NO_SHEETS');
  });

  it('reads markup built to be slow (a quadratic scan of these would outlast the test\'s timeout)', () => {
    for (const page of ['<style x'.repeat(200_000), '<table><tr><td>' + '<table><tr><td>'.repeat(100_000), '<' + 'a '.repeat(500_000), '<td title="'.repeat(100_000)]) {
      try {
        read(page);
      } catch {
        // a refusal is fine; only the time matters here
      }
    }
  });
});
