/**
 * Renders the bulletin's document model (src/domain/bulletin) as a .docx with the `docx` library, in
 * the national format for official documents (GB/T 9704-2012):
 * - A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm);
 * - title 2号 (22 pt) 方正小标宋简体, centred; body 3号 (16 pt) 仿宋_GB2312; 一、 headings 3号黑体,
 *   (一) headings 3号楷体_GB2312; 22 lines of 28 characters a page: lines exactly 28.95 pt (225 mm / 22)
 *   and body characters condensed by 0.25 pt (28 × 15.75 pt = 441 pt fit the 442.2 pt line). Why not
 *   Word's character grid (docGrid linesAndChars, as many 公文 templates): LibreOffice lays such a grid
 *   out with about 19 characters a line and 14 lines a page, so the page would depend on the program;
 *   exact spacing and condensed characters give 28 × 22 in both;
 * - page numbers "— 1 —" in 4号 半角宋体 7 mm below the text, odd pages right and even pages left,
 *   one character in from the edge (GB/T 9704 §7.5);
 * - a "草稿" (or 预览) watermark and header line on every page while the model carries a mark.
 * Lives outside src/domain because it imports `docx` (the domain imports nothing but zod); it uses
 * no Node API, so the pane runs it in the browser too.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { BulletinBlock, BulletinCell, BulletinDoc, BulletinTable } from '../domain/bulletin/model';
import { STYLES } from '../domain/output/sheet-model';
import { FONT, fontTableXml } from './fonts';

const MM = 1440 / 25.4; // twips per millimetre
const tw = (mm: number) => Math.round(mm * MM);

/** Page geometry of GB/T 9704-2012, in twips. */
export const PAGE = {
  width: tw(210),
  height: tw(297),
  top: tw(37),
  bottom: tw(35),
  left: tw(28),
  right: tw(26),
  /** the page number's top 7 mm below the text: its line (4号, ≈ 5 mm) ends 23 mm above the edge */
  footer: tw(23),
  header: tw(15),
  /** 225 mm / 22 lines, rounded down so 22 lines fit: 579 twips = 28.95 pt */
  linePitch: Math.floor((225 * MM) / 22),
} as const;

const BODY_PT = 16;
/** body characters condensed by 0.25 pt (in twentieths of a point): 28 fit a line of 156 mm */
export const BODY_CONDENSE = -5;
/** one 3号 character as laid out, in twips (15.75 pt) */
const CHAR_TW = BODY_PT * 20 + BODY_CONDENSE;

/** Chinese text in the named font; Latin letters and digits in Times New Roman beside 仿宋 (common 公文 practice). */
const fonts = (name: string) => {
  const latin = name === FONT.body ? 'Times New Roman' : name;
  return { ascii: latin, hAnsi: latin, eastAsia: name, cs: latin };
};
const half = (pt: number) => pt * 2;
/** zh-CN, so a program without the font falls back on a Simplified Chinese face */
const LANG = { value: 'zh-CN', eastAsia: 'zh-CN' };

function run(text: string, font: string, pt: number, extra: Partial<IRunOptions> = {}): TextRun {
  const condense = pt === BODY_PT ? { characterSpacing: BODY_CONDENSE } : {};
  return new TextRun({ text, font: fonts(font), size: half(pt), language: LANG, ...condense, ...extra });
}

/** Body line spacing: exactly one grid line. */
const EXACT = { line: PAGE.linePitch, lineRule: LineRuleType.EXACT };
/** two characters of the 3号 body */
const INDENT2 = 2 * CHAR_TW;

function block(b: BulletinBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading1':
      return [new Paragraph({ spacing: EXACT, indent: { firstLine: INDENT2 }, keepNext: true, children: [run(b.text, FONT.heading1, BODY_PT)] })];
    case 'heading2':
      return [new Paragraph({ spacing: EXACT, indent: { firstLine: INDENT2 }, keepNext: true, children: [run(b.text, FONT.heading2, BODY_PT)] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: EXACT,
          indent: { firstLine: INDENT2 },
          alignment: AlignmentType.JUSTIFIED,
          children: [...(b.lead ? [run(b.lead, FONT.body, BODY_PT, { bold: true })] : []), run(b.text, FONT.body, BODY_PT)],
        }),
      ];
    case 'placeholder':
      return [
        new Paragraph({
          spacing: EXACT,
          indent: { firstLine: INDENT2 },
          children: [run(b.text, FONT.body, BODY_PT, { highlight: 'yellow' })],
        }),
      ];
    case 'signature':
      return [
        new Paragraph({ spacing: EXACT, children: [] }),
        ...b.lines.map(
          (line) => new Paragraph({ spacing: EXACT, alignment: AlignmentType.RIGHT, indent: { right: INDENT2 * 2 }, children: [run(line, FONT.body, BODY_PT, { highlight: 'yellow' })] }),
        ),
      ];
    case 'table':
      return table(b.table);
  }
}

const TABLE_PT = 10; // 五号 is 10.5 pt: 10 keeps 第3位 on one line in a 14-column table
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cellParagraph(c: BulletinCell, header: boolean): Paragraph {
  return new Paragraph({
    alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    // table text keeps its own size: no snapping to the 3号 character grid
    children: [run(c.text, header ? FONT.heading1 : FONT.body, TABLE_PT, { bold: c.bold === true && !header })],
  });
}

function cell(c: BulletinCell, header: boolean, widthPct: number): TableCell {
  const fill = c.level ? STYLES[c.level].fill : header ? 'F2F2F2' : undefined;
  return new TableCell({
    children: [cellParagraph(c, header)],
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
  });
}

function table(t: BulletinTable): (Paragraph | Table)[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const pct = t.widths.map((w) => (w / total) * 100);
  const textWidth = PAGE.width - PAGE.left - PAGE.right;
  const rows = (cells: BulletinCell[][], header: boolean) =>
    cells.map((row) => {
      let col = 0;
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        height: { value: 360, rule: HeightRule.ATLEAST },
        children: row.map((c) => {
          const span = c.colSpan ?? 1;
          const w = pct.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return cell(c, header, w);
        }),
      });
    });
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT,
    keepNext: true,
    children: [run(t.caption, FONT.heading1, 14)],
  });
  const notes = t.notes.map(
    (n) =>
      new Paragraph({
        spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [run(n, FONT.body, 12)],
      }),
  );
  return [
    caption,
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: pct.map((p) => Math.round((p / 100) * textWidth)),
      layout: TableLayoutType.FIXED,
      rows: [...rows(t.header, true), ...rows(t.rows, false)],
    }),
    ...notes,
  ];
}

/** "— 1 —", 4号 半角宋体, one character in from the outer edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = half(14);
  const font = fonts(FONT.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ text: '— ', font, size, language: LANG }),
          new TextRun({ children: [PageNumber.CURRENT], font, size, language: LANG }),
          new TextRun({ text: ' —', font, size, language: LANG }),
        ],
      }),
    ],
  });
}

function markHeader(mark: string | null): Header {
  if (mark === null) return new Header({ children: [new Paragraph({ children: [] })] });
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextWatermark({ text: mark, font: FONT.heading1, color: 'C0C0C0', opacity: 0.4 }),
          run(`${mark}\uFF1A未经审核\uFF0C不得印发`, FONT.heading1, 12, { color: 'C00000' }),
        ],
      }),
    ],
  });
}

export function bulletinDocument(doc: BulletinDoc): Document {
  // the 2号 title in the lines the model broke it into (梯形), then one blank line before the body
  const titleLines = doc.titleLines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(PAGE.linePitch * 1.2), lineRule: LineRuleType.EXACT, after: i === doc.titleLines.length - 1 ? PAGE.linePitch : 0 },
        children: [run(line, FONT.title, 22)],
      }),
  );
  const header = markHeader(doc.mark);
  return new Document({
    creator: 'ZoneReport',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fonts(FONT.body), size: half(BODY_PT), language: LANG }, paragraph: { spacing: EXACT } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
          },
        },
        headers: { default: header, even: header },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...titleLines, ...doc.blocks.flatMap(block)],
      },
    ],
  });
}

/** The bulletin as .docx bytes (Node and the browser alike). */
export async function renderBulletin(doc: BulletinDoc): Promise<Uint8Array> {
  return Packer.pack(bulletinDocument(doc), 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
