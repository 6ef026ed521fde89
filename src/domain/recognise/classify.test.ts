import { classifySheet } from './classify';
import { CANONICAL_HEADER, grid } from './grid-fixture';

describe('classifySheet', () => {
  test('by name: the register, the history, the sheets the tool writes', () => {
    expect(classifySheet(grid('开发区名录', []))).toBe('register');
    expect(classifySheet(grid('历史数据', []))).toBe('history');
    for (const n of ['核查结果', '汇总', '预警清单', 'ZoneReport配置']) expect(classifySheet(grid(n, []))).toBe('tool');
  });

  test('by header labels: a register with code, name and a register column', () => {
    expect(classifySheet(grid('名录', [['代码', '名称', '所属市']]))).toBe('register');
  });

  test('by header labels: a history sheet', () => {
    expect(classifySheet(grid('Sheet9', [['统计期', '开发区代码', '指标代码', '1-本月累计']]))).toBe('history');
  });

  test('a report whose heading row reads "开发区名称 | … | 开发区代码 | …" stays a report', () => {
    const s = grid('Sheet1', [['开发区名称', '辽滨经开区', '开发区代码', 'G212001'], CANONICAL_HEADER]);
    expect(classifySheet(s)).toBe('other');
  });

  test('code and name columns alone (no register column) do not make a register', () => {
    expect(classifySheet(grid('Sheet1', [['开发区名称', '辽滨经开区', '开发区代码', 'G212001']]))).toBe('other');
  });

  test('anything else is for recogniseSheet to decide', () => {
    expect(classifySheet(grid('Sheet1', [['hello']]))).toBe('other');
  });
});
