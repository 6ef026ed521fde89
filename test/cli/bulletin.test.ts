/**
 * `zone-report summary … --bulletin 通报.docx` on the sample: the document's totals equal
 * `summary --json` (amounts converted to 亿元 independently here), every red and orange zone stands
 * with every reason, --final removes the 草稿 mark. Then LibreOffice (one soffice run for both files)
 * converts the bulletin and the 一页纸 sheet to PDF: A4 pages with fonts embedded and the reasons in
 * the text, and 一页纸 on exactly one page. The pages are written as PNGs to test-output/screenshots/
 * (docs/screenshots/ holds copies). Skipped with a message when LibreOffice Writer is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/domain/config/validate';
import { roundRationalHalfAway } from '../../src/domain/rounding';
import { onePageSheet } from '../../src/domain/summary/one-page';
import type { SummaryReport } from '../../src/domain/summary/types';
import { XlsxWorkbookPort } from '../../src/xlsx/xlsx-port';
import { docxPart, docxParagraphs } from '../docx-text';
import { soffice } from '../lossless/soffice';
import { run, tempDir } from './helpers';

jest.setTimeout(400_000);

const sofficeBin = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const hasWriter = sofficeBin !== '' && existsSync(path.join(path.dirname(realpathSync(sofficeBin)), 'libswlo.so'));
const hasPoppler = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).status === 0;
if (!hasWriter || !hasPoppler) console.warn('LibreOffice Writer or poppler-utils is not installed: the bulletin PDF checks are skipped.');
const maybe = hasWriter && hasPoppler ? it : it.skip;

const SHOTS = path.resolve(__dirname, '../../test-output/screenshots');
const full = (s: string) => s.replace(/,/g, '\uFF0C').replace(/;/g, '\uFF1B').replace(/:/g, '\uFF1A').replace(/\(/g, '\uFF08').replace(/\)/g, '\uFF09');
/**
 * Text compared without what a PDF's text layer moves around: whitespace, the page furniture (the
 * 草稿 header line, "— N —") and punctuation (LibreOffice hangs a full-width mark at a line end,
 * where pdftotext may drop it).
 */
const squash = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/草稿\uFF1A未经审核\uFF0C不得印发/g, '')
    .replace(/—\d+—/g, '')
    .replace(/[\uFF0C\uFF1B\uFF1A\uFF08\uFF09\u3002\u3001,;:()]/g, '');

/** 万元 → 亿元, exactly, from the decimal the JSON gives. */
function yi(wan: number): string {
  const [int, frac = ''] = String(wan).split('.');
  return roundRationalHalfAway(BigInt(int + frac), 10n ** BigInt(frac.length) * 10000n, 1).toFixed(1);
}

let dir: string;
let summary: SummaryReport;
let paragraphs: string[];
let docx: string;

beforeAll(async () => {
  dir = tempDir('bulletin');
  expect((await run(['sample', '--out', dir])).code).toBe(0);
  docx = path.join(dir, '通报.docx');
  const r = await run([
    'summary', path.join(dir, '2026-09'), '--register', path.join(dir, '开发区名录.xlsx'), '--history', path.join(dir, '历史数据.xlsx'),
    '--json', '--bulletin', docx,
  ]);
  expect(r.code).toBe(1); // written, with gray zones in the sample
  expect(r.err).toContain('已起草季度通报');
  summary = JSON.parse(r.out) as SummaryReport;
  paragraphs = await docxParagraphs(readFileSync(docx));
});

test('the totals in 一、总体情况 equal summary --json: 亿元 and 同比 of every key flow, the tax share, the zones covered', () => {
  const province = Object.keys(summary.totals.province)[0];
  const totals = summary.totals.province[province];
  const consolidated = summary.zones.filter((z) => z.status === 'rated' || z.includedWithErrors).length;
  const p = paragraphs.find((x) => x.startsWith(full(`1-9月,全省${consolidated}个开发区`)));
  expect(p).toBeDefined();
  const cfg = defaultConfig();
  let checked = 0;
  for (const ind of cfg.catalogue.filter((i) => i.key && i.kind === 'flow')) {
    const e = totals[ind.code];
    const amount = ind.unit === '万元' ? `${yi(e.ytd!)}亿元` : `${(Math.round(e.ytd! * 10) / 10).toFixed(1)}${ind.unit}`;
    const growth = e.yoy! > 0 ? `同比增长${e.yoy!.toFixed(1)}%` : e.yoy! < 0 ? `同比下降${(-e.yoy!).toFixed(1)}%` : '与上年同期持平';
    expect(p).toContain(full(`${ind.name}${amount}${e.zones < consolidated ? `(${e.zones}个开发区合计)` : ''},${growth}`));
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(4);
  // the issue's example figure, from the sample
  expect(p).toContain(full('规模以上工业总产值549.1亿元,同比增长7.9%'));
  // every city too
  for (const [city, t] of Object.entries(summary.totals.city)) {
    const q = paragraphs.find((x) => x.includes(`${city}${summary.zones.filter((z) => z.zone.city === city && z.status === 'rated').length}个开发区`));
    expect(q).toContain(full(`规模以上工业总产值${yi(t['01'].ytd!)}亿元`));
  }
});

test('every red and orange zone is listed with every reason', () => {
  const listed = summary.zones.filter((z) => z.warning.level === 'red' || z.warning.level === 'orange');
  expect(listed.length).toBeGreaterThan(2);
  for (const z of listed) {
    const p = paragraphs.find((x) => x.includes(`.${z.zone.name}`) && x.includes('\uFF09\u3002'));
    expect([z.zone.name, p !== undefined]).toEqual([z.zone.name, true]);
    for (const t of z.warning.triggers) expect(p).toContain(full(t.reason.zh.slice(t.reason.zh.indexOf(':') + 1)));
  }
});

test('--final drafts the same text without the 草稿 mark', async () => {
  const fin = path.join(dir, '通报-定稿.docx');
  const r = await run([
    'summary', path.join(dir, '2026-09'), '--register', path.join(dir, '开发区名录.xlsx'), '--history', path.join(dir, '历史数据.xlsx'),
    '--bulletin', fin, '--final',
  ]);
  expect(r.code).toBe(1);
  const bytes = readFileSync(fin);
  expect(await docxParagraphs(bytes)).toEqual(paragraphs);
  for (const h of ['word/header1.xml', 'word/header2.xml']) expect(await docxPart(bytes, h)).not.toContain('草稿');
  expect(await docxPart(readFileSync(docx), 'word/header1.xml')).toContain('草稿');
});

maybe('LibreOffice converts the bulletin and 一页纸 to PDF: A4, fonts embedded, reasons in the text, 一页纸 on one page', async () => {
  const out = tempDir('bulletin-pdf');
  const port = XlsxWorkbookPort.create('一页纸.xlsx');
  await port.writeSheets([onePageSheet(summary, defaultConfig(), 'zh')]);
  const onePage = path.join(out, '一页纸.xlsx');
  writeFileSync(onePage, await port.toBytes());
  const bulletin = path.join(out, '通报.docx');
  writeFileSync(bulletin, readFileSync(docx));
  soffice('pdf', [bulletin, onePage], out); // one soffice run for both
  const info = (pdf: string) => spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);

  const bpdf = path.join(out, '通报.pdf');
  expect(info(bpdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  expect(pages(bpdf)).toBeGreaterThanOrEqual(3);
  expect(pages(bpdf)).toBeLessThanOrEqual(8);
  const fonts = spawnSync('pdffonts', [bpdf], { encoding: 'utf8' }).stdout;
  expect(fonts).toMatch(/CJK/); // LibreOffice's stand-in for 仿宋_GB2312 and the other GB/T fonts (Noto CJK here)
  const raw = spawnSync('pdftotext', [bpdf, '-'], { encoding: 'utf8' }).stdout;
  expect(raw.replace(/\s+/g, '')).toContain('—1—');
  const text = squash(raw);
  expect(text).toContain(squash(summary.zones[0].zone.name));
  expect(text).toContain(squash(full('表1 2026年1-9月各开发区主要指标增速及位次')));
  for (const z of summary.zones.filter((x) => x.warning.level === 'red' || x.warning.level === 'orange')) {
    expect(text).toContain(z.zone.name);
    for (const t of z.warning.triggers) expect(text).toContain(squash(full(t.reason.zh.slice(t.reason.zh.indexOf(':') + 1))));
  }

  const opdf = path.join(out, '一页纸.pdf');
  expect(pages(opdf)).toBe(1);
  expect(info(opdf)).toMatch(/\(A4\)/);
  expect(squash(spawnSync('pdftotext', [opdf, '-'], { encoding: 'utf8' }).stdout)).toContain('开发区主要指标与预警一页纸');

  // what a reader sees: PNGs of the pages
  mkdirSync(SHOTS, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '80', bpdf, path.join(SHOTS, 'bulletin')]);
  spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', opdf, path.join(SHOTS, 'one-page')]);
  expect(existsSync(path.join(SHOTS, 'one-page.png'))).toBe(true);
});
