/**
 * The .docx the bulletin renders to: its text is the model's, paragraph by paragraph; the page is
 * GB/T 9704's (A4, margins, 28 × 22 body, fonts and sizes, page numbers odd right / even left); the
 * 草稿 mark is on every page until final; the font table names a fallback for every font.
 */
import { B5_ERROR, checkReport, fullHistory, register, SEP, testConfig } from '../../test/fixtures/summary/fixture';
import { docxPart, docxParagraphs } from '../../test/docx-text';
import { bulletinModel } from '../domain/bulletin/build';
import type { BulletinDoc } from '../domain/bulletin/model';
import { summarise } from '../domain/summary/summarise';
import { BODY_CONDENSE, PAGE, renderBulletin } from './render-bulletin';

const config = testConfig();
const S = summarise({ report: checkReport('2026-09', SEP, [B5_ERROR]), register: register(), history: fullHistory(), config });
const draft = bulletinModel(S, config);

/** The model's paragraphs in the order the renderer writes them (table cells one by one). */
function modelParagraphs(d: BulletinDoc): string[] {
  const out = [...d.titleLines];
  for (const b of d.blocks) {
    if (b.kind === 'paragraph') out.push((b.lead ?? '') + b.text);
    else if (b.kind === 'table') {
      out.push(b.table.caption, ...[...b.table.header, ...b.table.rows].flatMap((r) => r.map((c) => c.text)), ...b.table.notes);
    } else if (b.kind === 'signature') out.push(...b.lines);
    else out.push(b.text);
  }
  return out.filter((t) => t !== '');
}

let bytes: Uint8Array;
let xml: string;
beforeAll(async () => {
  bytes = await renderBulletin(draft);
  xml = await docxPart(bytes, 'word/document.xml');
});

test('the document says exactly what the model says, paragraph by paragraph', async () => {
  expect(await docxParagraphs(bytes)).toEqual(modelParagraphs(draft));
});

test('A4 with GB/T 9704 margins: 版心 156 × 225 mm', () => {
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  const m = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!;
  const mm = (t: string) => Math.round((Number(t) / 1440) * 25.4);
  expect([mm(m[1]), mm(m[2]), mm(m[3]), mm(m[4])]).toEqual([37, 26, 35, 28]);
  expect(mm(String(11906 - Number(m[2]) - Number(m[4])))).toBe(156);
  expect(mm(String(16838 - Number(m[1]) - Number(m[3])))).toBe(225);
});

test('22 lines of 28 characters: exact 28.95 pt lines, 3号 body condensed so 28 fit 156 mm', () => {
  expect(PAGE.linePitch).toBe(579);
  expect(Math.floor((16838 - PAGE.top - PAGE.bottom) / PAGE.linePitch)).toBe(22);
  const charTw = 32 * 10 + BODY_CONDENSE; // 16 pt in twips, condensed
  expect(Math.floor((PAGE.width - PAGE.left - PAGE.right) / charTw)).toBe(28);
  // every body paragraph: exact line spacing; body runs 仿宋_GB2312 at 16 pt, condensed
  const body = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?全省共有(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/)![0];
  expect(body).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
  expect(body).toContain('w:eastAsia="仿宋_GB2312"');
  expect(body).toContain('<w:sz w:val="32"/>');
  expect(body).toContain(`<w:spacing w:val="${BODY_CONDENSE}"/>`);
});

test('title 2号 方正小标宋简体 centred; 一、 in 黑体, (一) in 楷体_GB2312', () => {
  const para = (t: string) => xml.match(new RegExp(`<w:p>(?:(?!</w:p>)[\\s\\S])*?${t}(?:(?!</w:p>)[\\s\\S])*?</w:p>`))![0];
  const title = para(draft.titleLines[0]);
  expect(title).toContain('<w:jc w:val="center"/>');
  expect(title).toContain('w:eastAsia="方正小标宋简体"');
  expect(title).toContain('<w:sz w:val="44"/>');
  expect(para('一、总体情况')).toContain('w:eastAsia="黑体"');
  expect(para('红色预警(约谈提醒)'.replace(/\(/g, '\uFF08').replace(/\)/g, '\uFF09'))).toContain('w:eastAsia="楷体_GB2312"');
});

test('page numbers "— N —" in 4号 宋体: odd pages right, even pages left', async () => {
  expect(await docxPart(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  const rels = await docxPart(bytes, 'word/_rels/document.xml.rels');
  const footer = async (type: string) => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(xml)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
    return docxPart(bytes, `word/${target[1] ?? target[2]}`);
  };
  for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
    const f = await footer(type);
    expect(f).toContain(`<w:jc w:val="${side}"/>`);
    expect(f).toContain('PAGE');
    expect(f).toContain('>— </w:t>');
    expect(f).toContain('> —</w:t>');
    expect(f).toContain('w:eastAsia="宋体"');
    expect(f).toContain('<w:sz w:val="28"/>');
  }
});

test('草稿 on every page (watermark and header line) until final; none after', async () => {
  const headers = async (b: Uint8Array) => {
    const x = await docxPart(b, 'word/document.xml');
    const rels = await docxPart(b, 'word/_rels/document.xml.rels');
    const ids = [...x.matchAll(/<w:headerReference w:type="(?:default|even)" r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    return Promise.all(ids.map((id) => docxPart(b, `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`)));
  };
  for (const h of await headers(bytes)) {
    expect(h).toContain('string="草稿"'); // the VML text watermark
    expect(h).toContain('草稿\uFF1A未经审核\uFF0C不得印发');
  }
  const final = await renderBulletin(bulletinModel(S, config, { final: true }));
  for (const h of await headers(final)) expect(h).not.toContain('草稿');
});

test('the font table gives each GB/T font a fallback name and the GB2312 charset', async () => {
  const fonts = await docxPart(bytes, 'word/fontTable.xml');
  for (const [name, alt] of [['仿宋_GB2312', '仿宋'], ['方正小标宋简体', '宋体'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体'], ['宋体', 'SimSun']]) {
    expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
  }
  expect(fonts.match(/<w:charset w:val="86"\/>/g)!.length).toBeGreaterThanOrEqual(5);
});
