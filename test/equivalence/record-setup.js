/*
 * Jest setup used once, by record.js, to collect the recognition corpus: wraps recogniseSheet so that
 * every sheet any test hands it (with the configuration, register zones and fallback year) is
 * appended to a file of JSON lines. Not part of the normal test run.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const out = process.env.RECORD_RECOGNITION_DIR;
const sheetModule = path.resolve(__dirname, '../../src/domain/recognise/sheet');
jest.mock(sheetModule, () => {
  const actual = jest.requireActual(sheetModule);
  const file = path.join(out, `${process.pid}-${path.basename(expect.getState().testPath || 'x')}.jsonl`);
  return {
    ...actual,
    recogniseSheet(sheet, ctx) {
      try {
        const entry = {
          test: path.relative(path.resolve(__dirname, '../..'), expect.getState().testPath || ''),
          sheet,
          config: ctx.config,
          register: ctx.register ? ctx.register.zones : null,
          fallbackYear: ctx.fallbackYear,
        };
        fs.appendFileSync(file, JSON.stringify(entry) + '\n');
      } catch {
        // a sheet that cannot be serialised (cyclic) is not recorded
      }
      return actual.recogniseSheet(sheet, ctx);
    },
  };
});
