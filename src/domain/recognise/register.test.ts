import type { Zone } from '../types';
import { buildRegister, readRegisterSheet, splitAliases } from './register';
import { grid } from './grid-fixture';

const zone = (code: string, name: string, aliases: string[] = [], city = '盘锦市'): Zone => ({
  code, name, aliases, level: null, type: null, city, province: '辽宁省',
});

describe('readRegisterSheet', () => {
  const sheet = grid('开发区名录', [
    ['开发区名录'],
    ['开发区代码', '开发区名称', '曾用名/简称', '级别', '类型', '所属市', '所属省'],
    ['G212001', '盘锦辽滨沿海经济技术开发区', '辽滨经开区、辽滨开发区;辽滨', '国家级', '经开区', '盘锦市', '辽宁省'],
    [],
    ['S212002', '盘锦高新技术产业开发区', '盘锦高新区，高新区,  盘锦高新园区', '省级', '高新区', '盘锦市', '辽宁省'],
  ]);

  test('reads every zone with its aliases split on 、 , ; and ，', () => {
    const r = readRegisterSheet(sheet);
    expect(r).not.toBeNull();
    expect(r?.findings).toEqual([]);
    expect(r?.zones).toEqual([
      { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区', '辽滨开发区', '辽滨'], level: '国家级', type: '经开区', city: '盘锦市', province: '辽宁省' },
      { code: 'S212002', name: '盘锦高新技术产业开发区', aliases: ['盘锦高新区', '高新区', '盘锦高新园区'], level: '省级', type: '高新区', city: '盘锦市', province: '辽宁省' },
    ]);
  });

  test('columns in any order, short labels (代码, 名称, 简称), optional columns missing', () => {
    const r = readRegisterSheet(grid('名录', [['名称', '代码', '简称'], ['甲开发区', 'A1', '甲区']]));
    expect(r?.zones).toEqual([{ code: 'A1', name: '甲开发区', aliases: ['甲区'], level: null, type: null, city: null, province: null }]);
  });

  test('a row with a name but no code is an error, and not used', () => {
    const r = readRegisterSheet(grid('开发区名录', [['开发区代码', '开发区名称'], [null, '甲开发区'], ['B2', '乙开发区']]));
    expect(r?.zones.map((z) => z.code)).toEqual(['B2']);
    expect(r?.findings).toHaveLength(1);
    expect(r?.findings[0]).toMatchObject({ level: 'error', rule: 'V-REGISTER', cell: 'A2' });
  });

  test('a sheet that is not a register gives null', () => {
    expect(readRegisterSheet(grid('Sheet1', [['指标名称', '1-本月累计'], ['税收收入', 1]]))).toBeNull();
  });

  test('a sheet named 开发区名录 without a header is an error, not silently empty', () => {
    const r = readRegisterSheet(grid('开发区名录', [['甲开发区', 'A1']]));
    expect(r?.zones).toEqual([]);
    expect(r?.findings[0].rule).toBe('V-REGISTER');
  });
});

describe('splitAliases', () => {
  test('every separator, spaces trimmed, empties dropped', () => {
    expect(splitAliases('甲、乙,丙;丁，戊；己 、、')).toEqual(['甲', '乙', '丙', '丁', '戊', '己']);
    expect(splitAliases('')).toEqual([]);
  });
});

describe('buildRegister', () => {
  test('resolves by code, official name and alias, after normalisation', () => {
    const { register, findings } = buildRegister([zone('G212001', '盘锦辽滨沿海经济技术开发区', ['辽滨经开区']), zone('S2', '盘锦高新区')]);
    expect(findings).toEqual([]);
    expect(register.resolve('G212001')?.code).toBe('G212001');
    expect(register.resolve(' g212001 ')?.code).toBe('G212001');
    expect(register.resolve('盘锦辽滨沿海经济技术开发区')?.code).toBe('G212001');
    expect(register.resolve('辽滨 经开区')?.code).toBe('G212001');
    expect(register.resolve('盘锦高新区')?.code).toBe('S2');
    expect(register.resolve('大洼开发区')).toBeNull();
    expect(register.resolve('')).toBeNull();
    expect(register.byCode.get('S2')?.name).toBe('盘锦高新区');
  });

  test('a duplicate code is an error', () => {
    const { findings } = buildRegister([zone('A1', '甲'), zone('A1', '乙')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', rule: 'V-REGISTER', value: 'A1' });
  });

  test('a duplicate name is an error', () => {
    const { findings } = buildRegister([zone('A1', '甲开发区'), zone('A2', '甲开发区')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'V-REGISTER', value: '甲开发区' });
  });

  test('an alias naming two zones is an error, reported once, and never resolves', () => {
    const { register, findings } = buildRegister([zone('A1', '甲开发区', ['高新区']), zone('A2', '乙开发区', ['高新区'])]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'V-REGISTER', value: '高新区' });
    expect(register.resolve('高新区')).toBeNull();
  });

  test('an alias equal to another zone\'s official name is an error', () => {
    const { register, findings } = buildRegister([zone('A1', '甲开发区'), zone('A2', '乙开发区', ['甲开发区'])]);
    expect(findings).toHaveLength(1);
    expect(register.resolve('甲开发区')).toBeNull();
  });

  test('a zone whose alias repeats its own name is fine', () => {
    expect(buildRegister([zone('A1', '甲开发区', ['甲开发区'])]).findings).toEqual([]);
  });

  test('every register finding has both languages', () => {
    const { findings } = buildRegister([zone('A1', '甲'), zone('A1', '甲', ['乙']), zone('A3', '丙', ['乙'])]);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const f of findings) {
      expect(f.message.zh).not.toBe('');
      expect(f.message.en).not.toBe('');
    }
  });
});
