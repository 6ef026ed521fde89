/**
 * The pane's default configuration (default-config.ts, plain data so that zod stays out of the first
 * chunk) is the engine's: the shipped catalogue validated by the zod schema, byte for byte as JSON
 * (key order included: the pane tells a custom configuration from the default by its JSON text).
 * After a change to the catalogue or the schema, write it again with
 *   UPDATE_DEFAULT_CONFIG=1 npx jest src/taskpane/default-config.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig as engineDefault } from '../domain/config/validate';
import { DEFAULT_CONFIG_JSON, defaultConfig } from './default-config';

const FILE = path.join(__dirname, 'default-config.ts');

if (process.env.UPDATE_DEFAULT_CONFIG) {
  const text = fs.readFileSync(FILE, 'utf8');
  const json = JSON.stringify(JSON.stringify(engineDefault()));
  fs.writeFileSync(FILE, text.replace(/^export const DEFAULT_CONFIG_JSON =[^\n]*$/m, `export const DEFAULT_CONFIG_JSON =\n  ${json};`.replace(/\n\s*/, ' ')));
}

it('is the engine default configuration, in the same key order', () => {
  expect(JSON.stringify(defaultConfig())).toBe(JSON.stringify(engineDefault()));
  expect(defaultConfig()).toEqual(engineDefault());
  expect(DEFAULT_CONFIG_JSON).toBe(JSON.stringify(engineDefault()));
});

it('hands out a fresh copy each time (a caller may change its copy)', () => {
  const a = defaultConfig();
  a.thresholds.tolMin = 99;
  expect(defaultConfig().thresholds.tolMin).toBe(engineDefault().thresholds.tolMin);
});
