#!/usr/bin/env node
/*
 * `npm run demo`: the main job on the bundled sample. Writes sample workbooks (a register, a history
 * workbook and ten zones' 2026-09 reports, one with typical clerk mistakes), checks them with annotated
 * copies, builds the quarter-end summary with warnings (汇总, 一页纸, 预警清单) and drafts the quarterly
 * bulletin (通报.docx, marked 草稿). Then the same month as it arrives when a city sends one table of
 * all its zones (营口市's table, 盘锦市's zones' own workbooks): checked, and summarised from the
 * table. `check` exits 1 when it finds errors — the sample is meant to have some — so only exit codes
 * 2 and above fail the demo.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'demo-output');
const samples = path.join(out, 'samples');
const cli = path.join(root, 'bin', 'zone-report.js');

function run(args, okCodes) {
  process.stdout.write(`\n$ zone-report ${args.map((a) => path.relative(root, a) || a).join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  if (!okCodes.includes(r.status)) {
    process.stderr.write(`demo: zone-report ${args[0]} exited with ${r.status}\n`);
    process.exit(r.status || 1);
  }
  return r.status;
}

fs.rmSync(out, { recursive: true, force: true });
const register = path.join(samples, '开发区名录.xlsx');
const history = path.join(samples, '历史数据.xlsx');
const month = path.join(samples, '2026-09');
run(['sample', '--out', samples], [0]);
run(['check', month, '--register', register, '--history', history, '--out', path.join(out, 'annotated')], [0, 1]);
run(['summary', month, '--register', register, '--history', history, '--out', path.join(out, '汇总.xlsx'), '--bulletin', path.join(out, '通报.docx')], [0, 1]);
const withTable = path.join(samples, '2026-09-城市表');
run(['check', withTable, '--register', register, '--history', history], [0, 1]);
run(['summary', withTable, '--register', register, '--history', history, '--out', path.join(out, '汇总-城市表.xlsx')], [0, 1]);
process.stdout.write(
  `\n示例结果 / Demo output:\n` +
    `  标注副本 annotated workbooks: ${path.relative(root, path.join(out, 'annotated'))}/\n` +
    `  汇总与预警 summary and warnings (汇总, 一页纸, 预警清单): ${path.relative(root, path.join(out, '汇总.xlsx'))}\n` +
    `  季度通报(草稿) quarterly bulletin, draft: ${path.relative(root, path.join(out, '通报.docx'))}\n` +
    `  含城市汇总表 with a city's table: ${path.relative(root, path.join(out, '汇总-城市表.xlsx'))}\n`,
);
