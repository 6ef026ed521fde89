import { checkWorkbooks, sortFindings } from './check';
import { defaultConfig } from './config/validate';
import { goodRows, input, registerSheet, reportSheet, withRow, ZONES } from './check.fixtures';
import type { Finding } from './types';
import { sampleRegister, sampleMonth, sampleHistory, reportSheet as sampleSheet, outSheetToGrid, clerkMistakes, registerSheet as sampleRegisterSheet } from './sample';

const config = defaultConfig();

describe('a good report', () => {
  const result = checkWorkbooks([input('辽滨.xlsx', [reportSheet('9月', goodRows()), registerSheet()])], { config });
  const { report } = result;

  test('no findings at all', () => {
    expect(report.findings).toEqual([]);
    expect(report.totals).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test('records carry normalised figures and growth worked out by hand', () => {
    const sheet = report.files[0].sheets[0];
    expect(sheet).toMatchObject({ sheet: '9月', kind: 'report', zone: { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区' }, period: '2026-09' });
    const byCode = new Map(sheet.records.map((r) => [r.indicator, r]));
    // 46754.4 / 352011 = 13.28% → 13.3
    expect(byCode.get('01')?.growth).toMatchObject({ shown: 13.3, label: null, unit: 'pct' });
    // −400 / 1500 = −26.67% → −26.7
    expect(byCode.get('13')?.growth.shown).toBe(-26.7);
    // 税收占比 from its parts: 9900/11000 = 90, 8500/10000 = 85 → +5.0 百分点
    expect(byCode.get('14')?.growth).toEqual({ value: 5, shown: 5, label: null, unit: 'pp' });
    expect(byCode.get('01')?.cells.ytd).toBe('E4');
    expect(byCode.get('01')).toMatchObject({ month: 45765.4, ytd: 398765.4, base: 352011, yoy: 13.3, target: 520000, unit: '万元' });
  });

  test('the register sheet is listed as such; history rules are skipped once, the register ones not at all', () => {
    expect(report.files[0].sheets[1]).toMatchObject({ sheet: '开发区名录', kind: 'register', records: [] });
    expect(report.skipped.map((s) => [s.rule, s.scope])).toEqual([
      ['V-MONTH', 'all'],
      ['V-CUM', 'all'],
      ['V-CUM-FALL', 'all'],
      ['V-BASE', 'all'],
    ]);
    expect(result.register?.zones.map((z) => z.code)).toEqual(['G212001', 'G212002']);
  });
});

describe('a report with typical clerk mistakes', () => {
  let rows = goodRows();
  // 同比 typed 13.0 where 13.28 is right (the note explains it)
  rows = withRow(rows, '01', ['规模以上工业总产值', '01', '万元', 45765.4, 398765.4, 352011, 13.0, 520000, '按快报数']);
  // last year's fixed investment typed in 元
  rows = withRow(rows, '08', ['固定资产投资', '08', '万元', 12000, 120000, 1100000000, null, 160000, null]);
  // industrial investment larger than all fixed investment
  rows = withRow(rows, '09', ['其中:工业投资', '09', '万元', 6000, 125000, 110000, 13.6, null, null]);
  // FDI left empty
  rows = withRow(rows, '15', ['实际使用外资', '15', '万美元', 300, null, 3000, null, 4000, null]);
  // projects signed, agreed investment forgotten
  rows = withRow(rows, '21', ['签约项目协议投资额', '21', '万元', 5000, null, 80000, null, null, null]);
  // half a firm
  rows.push(['规上工业企业数', '06', '个', null, 52.5, 48, null, null, null]);
  const { report } = checkWorkbooks([input('辽滨.xlsx', [reportSheet('9月', rows), registerSheet()])], { config });

  test('exactly the expected findings, sorted by row and column', () => {
    const got = report.findings.map((f) => [f.level, f.rule, f.cell, f.indicator, f.value, f.expected, f.explained]);
    expect(got).toEqual([
      ['warning', 'V-YOY', 'G4', '01', 13, 13.3, true],
      // 120000 / 1.1e9 = 10^−3.96: within 10^±0.3 of 10^−4
      ['warning', 'V-UNITSLIP', 'E6', '08', 120000, null, false],
      ['error', 'V-PART', 'E7', '09', 125000, 120000, false],
      ['error', 'V-REQ', 'E12', '15', null, null, false],
      ['error', 'V-PAIR', 'E14', '21', null, null, false],
      ['error', 'V-INT', 'E15', '06', 52.5, null, false],
    ]);
    expect(report.totals).toEqual({ error: 4, warning: 2, info: 0 });
  });

  test('every finding names the file, sheet, zone and period, and says what to do in both languages', () => {
    for (const f of report.findings) {
      expect(f).toMatchObject({ file: '辽滨.xlsx', sheet: '9月', zone: 'G212001', period: '2026-09' });
      expect(f.message.zh).toMatch(/请/);
      expect(f.message.en.length).toBeGreaterThan(20);
    }
    const part = report.findings.find((f) => f.rule === 'V-PART') as Finding;
    expect(part.message.zh).toBe('工业投资(E7)125,000.0 大于固定资产投资(E6)120,000.0;其中项不能大于总数,请核对两项数据。');
  });
});

describe('formulas in the template', () => {
  test('a typed 同比 among formula rows is V-FORMULA-OVERWRITTEN; the formula rows pass', () => {
    const fx = (v: number, row: number) => ({ v, f: `ROUND((E${row}-F${row})/F${row}*100,1)` });
    const rows = goodRows().map((r, i) => (r[1] === '02' ? r : [...r.slice(0, 6), typeof r[6] === 'number' ? fx(r[6], i + 4) : r[6], ...r.slice(7)]));
    const { report } = checkWorkbooks([input('a.xlsx', [reportSheet('9月', rows), registerSheet()])], { config });
    expect(report.findings.map((f) => [f.rule, f.cell, f.value])).toEqual([['V-FORMULA-OVERWRITTEN', 'G5', 7.1]]);
  });
});

describe('V-DUP', () => {
  test('the same zone and period in two files: error on the second, naming the first', () => {
    const a = input('a.xlsx', [reportSheet('9月', goodRows()), registerSheet()]);
    const b = input('b.xlsx', [reportSheet('辽滨9月', goodRows())]);
    const { report } = checkWorkbooks([a, b], { config });
    const dups = report.findings.filter((f) => f.rule === 'V-DUP');
    expect(dups).toHaveLength(1);
    expect(dups[0]).toMatchObject({ level: 'error', file: 'b.xlsx', sheet: '辽滨9月', zone: 'G212001', period: '2026-09', cell: 'A2' });
    expect(dups[0].message.zh).toContain('a.xlsx');
  });
  test('twice in one workbook; different periods or zones are not duplicates', () => {
    const same = checkWorkbooks([input('a.xlsx', [reportSheet('表1', goodRows()), reportSheet('表2', goodRows()), registerSheet()])], { config });
    expect(same.report.findings.filter((f) => f.rule === 'V-DUP').map((f) => f.sheet)).toEqual(['表2']);
    const other = checkWorkbooks(
      [input('a.xlsx', [
        reportSheet('9月', goodRows()),
        reportSheet('8月', goodRows().map((r) => [...r]), { period: '2026年8月' }),
        reportSheet('大连', goodRows(), { zone: '大连经济技术开发区', code: 'G212002' }),
        registerSheet(),
      ])],
      { config },
    );
    expect(other.report.findings.filter((f) => f.rule === 'V-DUP')).toEqual([]);
  });
});

describe('skipped rules', () => {
  test('without register and history: each listed once, however many sheets', () => {
    const { report, register } = checkWorkbooks(
      [input('a.xlsx', [reportSheet('9月', goodRows())]), input('b.xlsx', [reportSheet('大连', goodRows(), { zone: '大连经济技术开发区', code: 'G212002' })])],
      { config },
    );
    expect(register).toBeNull();
    expect(report.skipped.map((s) => s.rule)).toEqual(['V-ZONE', 'RANKING', 'V-MONTH', 'V-CUM', 'V-CUM-FALL', 'V-BASE']);
    for (const s of report.skipped) {
      expect(s.scope).toBe('all');
      expect(s.reason.zh).not.toBe('');
      expect(s.reason.en).not.toBe('');
    }
    expect(report.skipped[1].reason.zh).toContain('排名');
  });
  test('a register given as an option is used', () => {
    const { report, register } = checkWorkbooks([input('a.xlsx', [reportSheet('9月', goodRows())])], { config, registerZones: ZONES });
    expect(register?.byCode.get('G212001')?.city).toBe('盘锦市');
    expect(report.skipped.map((s) => s.rule)).not.toContain('RANKING');
  });
});

describe('history', () => {
  test('months of one zone in one workbook are compared with each other (V-CUM without archived history)', () => {
    const aug = goodRows().map((r) => (r[1] === '01' ? ['规模以上工业总产值', '01', '万元', 40000, 400000, 300000, 33.3, 520000, '新项目投产'] : r));
    const { report } = checkWorkbooks(
      [input('a.xlsx', [reportSheet('8月', aug, { period: '2026年8月' }), reportSheet('9月', goodRows()), registerSheet()])],
      { config },
    );
    // 9月's 398765.4 is below 8月's 400000: a monotone flow fell
    const cum = report.findings.filter((f) => f.rule === 'V-CUM');
    expect(cum.map((f) => [f.sheet, f.cell, f.value, f.expected])).toEqual([['9月', 'E4', 398765.4, 400000]]);
  });

  test('archived history given as an option: V-BASE compares last year', () => {
    const history = [{ period: '2025-09', zone: 'G212001', indicator: '01', ytd: 350000, base: null, target: null, level: null }];
    const result = checkWorkbooks([input('a.xlsx', [reportSheet('9月', goodRows()), registerSheet()])], { config, history });
    const base = result.report.findings.filter((f) => f.rule === 'V-BASE');
    expect(base.map((f) => [f.cell, f.value, f.expected])).toEqual([['F4', 352011, 350000]]);
    expect(result.history).toEqual(history);
    expect(result.report.skipped.map((s) => s.rule)).not.toContain('V-BASE');
  });
});

describe('inputs and years', () => {
  test('an unreadable input becomes a file with its error and no sheets', () => {
    const bad = { file: 'x.xls', sha256: 'h', grid: null, inputError: { code: 'E_XLS', message: { zh: '不是 xlsx', en: 'not xlsx' } } };
    const { report } = checkWorkbooks([bad, input('a.xlsx', [reportSheet('9月', goodRows()), registerSheet()])], { config });
    expect(report.files[0]).toEqual({ file: 'x.xls', sha256: 'h', sheets: [], inputError: bad.inputError });
    expect(report.files[1].inputError).toBeNull();
  });

  test('a sheet stating only the month takes the year the other sheets state', () => {
    const { report } = checkWorkbooks(
      [input('a.xlsx', [
        reportSheet('9月', goodRows()),
        reportSheet('大连', goodRows(), { zone: '大连经济技术开发区', code: 'G212002', period: '9月' }),
        registerSheet(),
      ])],
      { config },
    );
    expect(report.files[0].sheets.map((s) => s.period)).toEqual(['2026-09', '2026-09', null]);
    expect(report.findings).toEqual([]);
  });

  test('progress runs from 0 to 1 without going back', () => {
    const seen: number[] = [];
    checkWorkbooks([input('a.xlsx', [reportSheet('9月', goodRows()), registerSheet()])], { config, onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });
});

describe('sorting', () => {
  const f = (file: string | null, sheet: string | null, cell: string | null, rule: Finding['rule']): Finding => ({
    level: 'error', rule, file, sheet, cell, zone: null, period: null, indicator: null, value: null, expected: null,
    message: { zh: '', en: '' }, explained: false,
  });
  test('by file (as given), sheet (workbook order), row, column, rule', () => {
    const list = [
      f('b.xlsx', '9月', 'E4', 'V-SUM'),
      f('a.xlsx', '10月', 'E4', 'V-PART'),
      f('a.xlsx', '2月', 'E10', 'V-PART'),
      f('a.xlsx', '2月', 'E9', 'V-SUM'),
      f('a.xlsx', '2月', 'D9', 'V-SUM'),
      f('a.xlsx', '2月', 'D9', 'V-PART'),
      f('a.xlsx', '2月', null, 'V-ZONE'),
      f(null, '开发区名录', null, 'V-REGISTER'),
      f('a.xlsx', '2月', 'AA1:AB2', 'V-LAYOUT'),
    ];
    const order = new Map([['a.xlsx', ['2月', '10月']], ['b.xlsx', ['9月']]]);
    const sorted = sortFindings(list, ['a.xlsx', 'b.xlsx'], order).map((x) => `${x.file}|${x.sheet}|${x.cell}|${x.rule}`);
    expect(sorted).toEqual([
      'null|开发区名录|null|V-REGISTER',
      'a.xlsx|2月|null|V-ZONE',
      'a.xlsx|2月|AA1:AB2|V-LAYOUT',
      'a.xlsx|2月|D9|V-PART',
      'a.xlsx|2月|D9|V-SUM',
      'a.xlsx|2月|E9|V-SUM',
      'a.xlsx|2月|E10|V-PART',
      'a.xlsx|10月|E4|V-PART',
      'b.xlsx|9月|E4|V-SUM',
    ]);
  });
});

describe('JSON shape (rules.md, machine-readable report)', () => {
  let rows = goodRows();
  rows = withRow(rows, '09', ['其中:工业投资', '09', '万元', 6000, 125000, 110000, 13.6, null, null]);
  const { report } = checkWorkbooks([input('a.xlsx', [reportSheet('9月', rows), registerSheet()])], { config });
  const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
  const isNumOrNull = (v: unknown) => v === null || typeof v === 'number';
  const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';
  const isBilingual = (v: unknown) =>
    typeof v === 'object' && v !== null && typeof (v as { zh: unknown }).zh === 'string' && typeof (v as { en: unknown }).en === 'string';

  test('top level', () => {
    expect(Object.keys(json).sort()).toEqual(['files', 'findings', 'schemaVersion', 'skipped', 'totals']);
    expect(json.schemaVersion).toBe('1');
    expect(json.totals).toEqual({ error: 1, warning: 0, info: 0 });
  });

  test('files, sheets and records', () => {
    const files = json.files as Array<Record<string, unknown>>;
    expect(Object.keys(files[0]).sort()).toEqual(['file', 'inputError', 'sha256', 'sheets']);
    const sheets = files[0].sheets as Array<Record<string, unknown>>;
    for (const s of sheets) {
      expect(typeof s.sheet).toBe('string');
      expect(['report', 'register', 'history', 'skipped']).toContain(s.kind);
      expect(isStrOrNull(s.period)).toBe(true);
      expect(Array.isArray(s.records)).toBe(true);
    }
    const rec = (sheets[0].records as Array<Record<string, unknown>>)[0];
    for (const k of ['month', 'ytd', 'base', 'yoy', 'target']) expect(isNumOrNull(rec[k])).toBe(true);
    expect(rec.indicator).toBe('01');
    expect(rec.unit).toBe('万元');
    expect(typeof rec.cells).toBe('object');
    const g = rec.growth as Record<string, unknown>;
    expect(isNumOrNull(g.value) && isNumOrNull(g.shown) && isStrOrNull(g.label)).toBe(true);
    expect(['pct', 'pp', 'loss']).toContain(g.unit);
    // the fields rules.md §1 names, and the extra detail beside them
    expect(Object.keys(rec).sort()).toEqual([
      'base', 'cells', 'growth', 'indicator', 'month', 'note', 'row', 'target', 'unit', 'yoy', 'yoyLabel', 'yoyReported', 'yoyReportedLabel', 'ytd',
    ]);
  });

  describe('yoy is the growth the tool computed, as shown; yoyReported what the clerk typed (rules.md §1)', () => {
    const typed = (yoyCell: number | string | null, ytd = 398765.4, base: number | null = 352011) =>
      withRow(goodRows(), '01', ['规模以上工业总产值', '01', '万元', 45765.4, ytd, base, yoyCell, 520000, null]);
    const rec01 = (rows: ReturnType<typeof goodRows>) =>
      checkWorkbooks([input('a.xlsx', [reportSheet('9月', rows), registerSheet()])], { config }).report.files[0].sheets[0].records.find(
        (r) => r.indicator === '01',
      );

    test('a typed 13.0 where 13.28 is right: yoy 13.3, yoyReported 13.0', () => {
      expect(rec01(typed(13.0))).toMatchObject({ yoy: 13.3, yoyLabel: null, yoyReported: 13, yoyReportedLabel: null });
    });
    test('an empty 同比 cell: yoy is still the computed 13.3, yoyReported null', () => {
      expect(rec01(typed(null))).toMatchObject({ yoy: 13.3, yoyLabel: null, yoyReported: null });
    });
    test('a zero base: no %, yoyLabel 新增', () => {
      expect(rec01(typed(null, 398765.4, 0))).toMatchObject({ yoy: null, yoyLabel: '新增', yoyReported: null });
    });
    test('a label typed in the 同比 cell is kept as yoyReportedLabel', () => {
      expect(rec01(typed('新增', 398765.4, 0))).toMatchObject({ yoy: null, yoyLabel: '新增', yoyReportedLabel: '新增' });
    });
    test('a ratio: yoy is the change in 百分点 (90 − 85), as its 同比 column holds', () => {
      const rows = withRow(goodRows(), '14', ['税收占比', '14', '%', null, 90, 85, null, null, null]);
      const r = checkWorkbooks([input('a.xlsx', [reportSheet('9月', rows), registerSheet()])], { config }).report.files[0].sheets[0].records.find(
        (x) => x.indicator === '14',
      );
      expect(r).toMatchObject({ yoy: 5, yoyLabel: null, yoyReported: null, growth: { unit: 'pp' } });
    });
    test('two losses: the label stands instead of a plain signed % (yoy null, 减亏)', () => {
      const rows = [...goodRows(), ['规上工业利润总额', '05', '万元', null, -110, -140, null, null, null]];
      const r = checkWorkbooks([input('a.xlsx', [reportSheet('9月', rows), registerSheet()])], { config }).report.files[0].sheets[0].records.find(
        (x) => x.indicator === '05',
      );
      expect(r).toMatchObject({ yoy: null, yoyLabel: '减亏', growth: { unit: 'loss', shown: -21.4 } });
    });
  });

  test('findings and skipped', () => {
    const findings = json.findings as Array<Record<string, unknown>>;
    expect(findings).toHaveLength(1);
    const keys = ['cell', 'expected', 'explained', 'file', 'indicator', 'level', 'message', 'period', 'rule', 'sheet', 'value', 'zone'];
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(keys);
      expect(['error', 'warning', 'info']).toContain(f.level);
      expect(isBilingual(f.message)).toBe(true);
      expect(typeof f.explained).toBe('boolean');
    }
    for (const s of json.skipped as Array<Record<string, unknown>>) {
      expect(Object.keys(s).sort()).toEqual(['reason', 'rule', 'scope']);
      expect(isBilingual(s.reason)).toBe(true);
    }
  });
});

describe('the sample month (generator of `zone-report sample`)', () => {
  const zones = sampleRegister(10);
  const period = { year: 2026, month: 9 };
  const months = sampleMonth(zones, period);
  const sheets = months.map((m, i) => outSheetToGrid(sampleSheet(m.zone, period, m.values, i === 0 ? { overrides: clerkMistakes(m.values) } : {})));
  sheets.push(outSheetToGrid(sampleRegisterSheet(zones)));
  const history = sampleHistory(zones, [{ year: 2026, month: 8 }, { year: 2025, month: 9 }]);
  const { report } = checkWorkbooks([{ file: 'sample.xlsx', sha256: 's', grid: { name: 'sample.xlsx', sheets }, inputError: null }], { config, history });
  const mistaken = sheets[0].name;

  test('the nine clean zones have no errors, and with full history nothing is skipped', () => {
    expect(report.findings.filter((f) => f.sheet !== mistaken && f.level === 'error')).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  test('every typed-over mistake is caught at its cell (canonical rows: 08 on row 11, 12 on row 15…)', () => {
    const got = new Set(report.findings.filter((f) => f.sheet === mistaken).map((f) => `${f.rule}@${f.cell}`));
    for (const want of [
      'V-UNITSLIP@E25', // 实际到位资金 typed in 元
      'V-PART@E15', // 税收收入 > 一般公共预算收入
      'V-SUM@E14',
      'V-RATIO@E17', // the template's 税收占比 formula now shows over 100
      'V-TEXTNUM@D4',
      'V-REQ@F11', // 固定资产投资 base left empty
      'V-TEXTNUM@D20', // full-width digits
      'V-FORMULA-OVERWRITTEN@G19', // 进出口总额 同比 typed over the formula
      'V-YOY@G19',
    ]) expect(got).toContain(want);
  });
});

describe('tolerance follows what the cell shows (rules.md §1: 0.5 of the last digit shown)', () => {
  const fmt = (v: number, f?: string) => (f ? { v, fmt: f } : v);
  const revenueRows = (f?: string) =>
    withRow(
      withRow(
        withRow(goodRows(), '11', ['一般公共预算收入', '11', '万元', 1200, fmt(98000, f), 10000, null, null, null]),
        '12', ['其中:税收收入', '12', '万元', 1100, fmt(90000.4, f), 8500, null, null, null],
      ),
      '13', ['非税收入', '13', '万元', 100, fmt(8000.4, f), 1500, null, null, null],
    );
  const sums = (f?: string) =>
    checkWorkbooks([input('辽滨.xlsx', [reportSheet('9月', revenueRows(f)), registerSheet()])], { config }).report.findings.filter(
      (x) => x.rule === 'V-SUM',
    );

  test('90000.4 + 8000.4 against 98000, all formatted #,##0 (each shows its unit): within 2 × 0.5, no V-SUM', () => {
    expect(sums('#,##0')).toEqual([]);
  });
  test('the same figures in General format show their typed tenths: 0.8 apart is beyond 2 × 0.05, V-SUM', () => {
    expect(sums()).toEqual([expect.objectContaining({ rule: 'V-SUM', cell: 'E8', value: 98000, expected: 98000.8 })]);
  });
  test('a format showing one decimal keeps the tenth: V-SUM', () => {
    expect(sums('#,##0.0')).toHaveLength(1);
  });
  test('rows in 亿元 shown to 2 decimals are shown to 100 万元 once converted', () => {
    // 9.80 = 9.00 + 0.80 亿元 as shown; the tax typed 9.004 亿元 (90040 万元) is 40 万元 over the total,
    // within 0.5 × 100 万元 × 2 children. Typed without a format, the same figure is a V-SUM.
    const rows = (f?: string) =>
      withRow(
        withRow(
          withRow(goodRows(), '11', ['一般公共预算收入', '11', '亿元', 0.12, fmt(9.8, f), 1, null, null, null]),
          '12', ['其中:税收收入', '12', '亿元', 0.11, fmt(9.004, f), 0.85, null, null, null],
        ),
        '13', ['非税收入', '13', '亿元', 0.01, fmt(0.8, f), 0.15, null, null, null],
      );
    const at = (f?: string) =>
      checkWorkbooks([input('辽滨.xlsx', [reportSheet('9月', rows(f)), registerSheet()])], { config }).report.findings.filter(
        (x) => x.rule === 'V-SUM' && x.cell === 'E8',
      );
    expect(at('0.00')).toEqual([]);
    expect(at()).toEqual([expect.objectContaining({ value: 98000, expected: 98040 })]);
  });
});
