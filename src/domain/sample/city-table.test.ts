import { checkWorkbooks } from '../check';
import { defaultConfig } from '../config/validate';
import { summarise } from '../summary';
import { cityTableSheet, outSheetToGrid, sampleMonth, sampleRegister } from './index';

const config = defaultConfig();
const zones = sampleRegister(10);
const period = { year: 2026, month: 9 };
const yingkou = zones.filter((z) => z.city === '营口市');
const month = sampleMonth(zones, period).filter((zm) => zm.zone.city === '营口市');

function run(wrongRank: boolean) {
  const grid = outSheetToGrid(cityTableSheet('营口市', month, period, { wrongRank }));
  const check = checkWorkbooks([{ file: '营口市.xlsx', sha256: 'x', grid: { name: '营口市.xlsx', sheets: [grid] }, inputError: null }], { config, registerZones: zones });
  return { check, summary: summarise({ report: check.report, register: check.register, history: check.history, config }) };
}

describe('the sample city table', () => {
  const { check, summary } = run(false);
  test('is read as a table of the city\'s five zones, each with the figures the generator gave (to the 0.01 亿元 shown)', () => {
    const sheets = check.report.files[0].sheets;
    expect(sheets.map((s) => s.zone?.code)).toEqual(yingkou.map((z) => z.code));
    for (const [i, s] of sheets.entries()) {
      const want = month[i].values['01'].ytd as number;
      const got = s.records.find((r) => r.indicator === '01')?.ytd as number;
      expect(Math.abs(got - want)).toBeLessThanOrEqual(50);
    }
  });
  test('raises no error and no warning: totals add up, published growth and ranks agree with the figures', () => {
    expect(check.report.findings.filter((f) => f.level !== 'info').map((f) => `${f.rule} ${f.cell} ${f.message.zh}`)).toEqual([]);
    expect(summary.findings.filter((f) => f.rule === 'V-RANK')).toEqual([]);
    expect(summary.zones.filter((z) => z.zone.city === '营口市').every((z) => z.status === 'rated')).toBe(true);
  });
  test('with a misprinted 位次, the summary says which ranks differ', () => {
    const wrong = run(true).summary.findings.filter((f) => f.rule === 'V-RANK');
    expect(wrong).toHaveLength(2);
    expect(wrong.every((f) => f.indicator === '08')).toBe(true);
  });
});
