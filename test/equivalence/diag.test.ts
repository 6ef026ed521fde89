import { defaultConfig } from '../../src/domain/config/validate';
import { buildRegister } from '../../src/domain/recognise/register';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { loadCorpus } from './corpus';
test('diag', () => {
  const c = loadCorpus();
  const want = (process.env.DIAG ?? '').split(',');
  for (const e of c.entries) {
    if (!want.includes(e.source)) continue;
    const out = recogniseSheet(e.sheet, { config: e.config === null ? defaultConfig() : c.configs[e.config], register: e.register === null ? null : buildRegister(c.registers[e.register]).register, fallbackYear: e.fallbackYear });
    console.log(e.source, JSON.stringify(e.sheet.rows.map((r) => r.map((x) => (x ? x.v : null))).slice(0, 8)), e.sheet.merges, '\nNEW', JSON.stringify(out).slice(0, 1500), '\nOLD', JSON.stringify(e.expected).slice(0, 1500));
  }
});
