#!/usr/bin/env node
/**
 * The reading-only competitor of `zone-report check <folder>` as a process: load every .xlsx of the
 * folder with exceljs and nothing else. Plain JavaScript, so its startup is Node + exceljs only,
 * like the compiled command line's.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

(async () => {
  const dir = process.argv[2];
  let sheets = 0;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, name)));
    sheets += wb.worksheets.length;
  }
  process.stdout.write(`${sheets} sheets\n`);
})();
