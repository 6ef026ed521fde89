/**
 * Builds the XML parts of small .xlsx workbooks by hand (no library), so hostile variants can change
 * exactly one thing: a part, an attribute, a byte. Test code only.
 */
import type { ZipPart } from './zip-writer';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline-string cell. */
export const str = (ref: string, text: string, attrs = ''): string =>
  `<c r="${ref}" t="inlineStr"${attrs}><is><t>${esc(text)}</t></is></c>`;
/** Number cell (style index optional). */
export const num = (ref: string, v: number | string, attrs = ''): string => `<c r="${ref}"${attrs}><v>${v}</v></c>`;
/** Formula cell with a cached result. */
export const fml = (ref: string, f: string, v: string, attrs = ''): string => `<c r="${ref}"${attrs}><f>${esc(f)}</f><v>${v}</v></c>`;
export const row = (r: number, cells: string): string => `<row r="${r}">${cells}</row>`;

export interface SheetSpec {
  name: string;
  /** inner XML of <sheetData> */
  data: string;
  /** XML after </sheetData> (mergeCells, dataValidations, …) */
  after?: string;
  /** XML before <sheetData> (cols, …) */
  before?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  strings?: string[];
  /** inner XML of <definedNames> */
  definedNames?: string;
  /** inner XML of <numFmts> (ids from 164) and extra <xf> entries of <cellXfs> */
  numFmts?: string;
  xfs?: string;
  /** replace (string/bytes) or drop (null) parts by name after building */
  replace?: Record<string, string | Uint8Array | null>;
  /** rename parts after building */
  rename?: Record<string, string>;
  extra?: ZipPart[];
}

/** The parts of a workbook, in the order Excel writes them. */
export function bookParts(spec: BookSpec): ZipPart[] {
  const sheets = spec.sheets;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        (spec.strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PNS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets>' +
        (spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : '') +
        '</workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PNS}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdS" Type="${RNS}/styles" Target="styles.xml"/>` +
        (spec.strings ? `<Relationship Id="rIdT" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">${s.before ?? ''}<sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    })),
    {
      name: 'xl/styles.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
        (spec.numFmts ? `<numFmts>${spec.numFmts}</numFmts>` : '') +
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${spec.xfs ?? ''}</cellXfs>` +
        '</styleSheet>',
    },
  ];
  if (spec.strings) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${spec.strings.length}" uniqueCount="${spec.strings.length}">` +
        spec.strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('') +
        '</sst>',
    });
  }
  let out = parts;
  for (const [name, data] of Object.entries(spec.replace ?? {})) {
    out = out.filter((p) => p.name !== name);
    if (data !== null) out.push({ name, data });
  }
  out = out.map((p) => ({ ...p, name: spec.rename?.[p.name] ?? p.name }));
  return [...out, ...(spec.extra ?? [])];
}

const HEAD = ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)', '年度目标', '说明'];
const COLS = 'ABCDEFGHI';

/** One indicator row's cells: values may be numbers or text (for the text hazards). */
export type ReportRow = [string, string, string, ...(number | string | null)[]];

/** A canonical zone report sheet (template.md §1) with the given indicator rows. */
export function reportSheet(name: string, rows: ReportRow[], cellAttrs: (col: number, r: number) => string = () => ''): SheetSpec {
  const cells = (r: number, values: (number | string | null)[]): string =>
    values
      .map((v, c) => {
        const ref = `${COLS[c]}${r}`;
        if (v === null) return '';
        return typeof v === 'number' ? num(ref, v, cellAttrs(c, r)) : str(ref, v, cellAttrs(c, r));
      })
      .join('');
  const data = [
    row(1, str('A1', '开发区主要经济指标月报表')),
    row(2, str('A2', '填报单位:盘锦辽滨沿海经济技术开发区') + str('D2', '统计期:2026年9月') + str('G2', '金额单位:万元')),
    row(3, cells(3, HEAD)),
    ...rows.map((r, i) => row(4 + i, cells(4 + i, r))),
  ].join('');
  return { name, data, after: '<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>' };
}

/** Two plausible indicator rows. */
export const GOOD_ROWS: ReportRow[] = [
  ['规模以上工业总产值', '01', '万元', 45210, 398765.4, 352011, 13.3, 520000, null],
  ['战略性新兴产业产值', '02', '万元', 12000, 101000, 90000, 12.2, 130000, null],
];
