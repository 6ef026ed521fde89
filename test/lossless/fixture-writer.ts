/**
 * Realistic report workbooks written part by part, the way Excel writes them (shared strings,
 * mc:Ignorable, x14 extensions), so the patch writer meets what a clerk's file really holds: merged
 * title, hidden rows, formulas with cached 0 and "" results, notes, data validation (a list on
 * another sheet, as an x14 extension), a classic conditional format and an x14 data bar, sheet
 * protection, defined names, a chart and custom document properties. Test code only.
 */
import { a1 } from '../../src/domain/a1';
import type { OutCell, OutSheet } from '../../src/domain/output/sheet-model';
import { zip, type ZipPart } from '../hostile/zip-writer';

export interface FixtureOptions {
  /** report sheets (OutSheets from reportSheet) */
  reports: OutSheet[];
  /** user notes on the first report sheet: A1 → text */
  notes?: Record<string, string>;
  chart?: boolean;
  /** write SpreadsheetML with an x: prefix (as some .NET generators do) */
  prefixed?: boolean;
  /** leave <dxfs> out of styles.xml */
  noDxfs?: boolean;
  /** 1-based rows hidden on each report sheet */
  hiddenRows?: number[];
  /**
   * The report sheets' data validations: 'report' (default) a decimal check on D4:F<last> and an x14
   * list on I4:I<last>; 'whole-column' a dropdown on the whole unit column (C1:C1048576) besides the
   * decimal check, and the x14 cross-sheet list on the whole column I (I1:I1048576), as templates
   * made by selecting columns hold them; 'none' neither (the x14 data bar stays).
   */
  validations?: 'report' | 'whole-column' | 'none';
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** cellXfs: 0 default, 1 title, 2 header, 3 amount, 4 count, 5 pct, 6 text, 7 user's coloured input cell */
function xfOf(c: OutCell): number {
  if (c.style === 'title') return 1;
  if (c.style === 'header') return 2;
  if (c.fmt === '#,##0.0') return 3;
  if (c.fmt === '#,##0') return 4;
  if (c.fmt === '0.0') return 5;
  if (c.fmt === '@') return 6;
  return 0;
}

function styles(noDxfs: boolean): string {
  const dxfs = noDxfs ? '' : '<dxfs count="1"><dxf><font><b/><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs>';
  return (
    HEAD +
    `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>' +
    '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
    '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor theme="5" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyProtection="1"><alignment vertical="center"/><protection locked="0"/></xf>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyProtection="1"><alignment vertical="center"/><protection locked="0"/></xf>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf>' +
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf>' +
    '<xf numFmtId="164" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1"><alignment vertical="center"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    dxfs +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${X14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`
  );
}

class Strings {
  list: string[] = [];
  index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`).join('');
    return HEAD + `<sst xmlns="${MAIN}" count="${this.list.length}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(ref: string, c: OutCell, sst: Strings, xf: number): string {
  const s = xf ? ` s="${xf}"` : '';
  if (c.f !== undefined) {
    const f = `<f>${esc(c.f.replace(/^=/, ''))}</f>`;
    if (typeof c.v === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${esc(c.v)}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${c.v ?? 0}</v></c>`;
  }
  if (typeof c.v === 'number') return `<c r="${ref}"${s}><v>${c.v}</v></c>`;
  if (typeof c.v === 'string') return `<c r="${ref}"${s} t="s"><v>${sst.of(c.v)}</v></c>`;
  return xf ? `<c r="${ref}"${s}/>` : '';
}

function sheetXml(sheet: OutSheet, sst: Strings, o: FixtureOptions, extras: { notes: boolean; chart: boolean; index: number }): string {
  const hidden = new Set(o.hiddenRows ?? []);
  const rows = [...sheet.rows];
  // footer extras: a formula whose cached result is 0 and one whose cached result is ""
  const extraRow = rows.length + 2;
  const rowsXml = rows
    .map((row, r) => {
      const cells = row.map((c, i) => (c ? cellXml(a1(r, i), c, sst, r === 4 && i === 4 ? 7 : xfOf(c)) : '')).join('');
      const attrs = `${hidden.has(r + 1) ? ' hidden="1"' : ''}${r === 0 ? ' ht="24" customHeight="1"' : ''}`;
      return cells || attrs ? `<row r="${r + 1}" spans="1:9"${attrs} x14ac:dyDescent="0.25">${cells}</row>` : '';
    })
    .join('');
  const extra =
    `<row r="${extraRow}" spans="1:9" x14ac:dyDescent="0.25"><c r="A${extraRow}" t="s"><v>${sst.of('校验合计')}</v></c>` +
    `<c r="B${extraRow}" s="3"><f>SUM(H4:H4)*0</f><v>0</v></c><c r="C${extraRow}" t="str"><f>IF(B${extraRow}&gt;0,"有","")</f><v></v></c></row>`;
  const cols = '<cols><col min="1" max="1" width="30.625" customWidth="1"/><col min="2" max="2" width="6.625" customWidth="1"/><col min="3" max="3" width="9" customWidth="1"/><col min="4" max="8" width="14.625" customWidth="1"/><col min="9" max="9" width="24.625" customWidth="1"/></cols>';
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const last = rows.length;
  const cf =
    // without <dxfs> a rule cannot name a dxf: a colour scale then (it carries its colours itself)
    (o.noDxfs
      ? `<conditionalFormatting sqref="G4:G${last}"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>`
      : `<conditionalFormatting sqref="G4:G${last}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>50</formula></cfRule></conditionalFormatting>`) +
    `<conditionalFormatting sqref="E4:E${last}"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>{00000000-000E-0000-0000-00000${extras.index}000000}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
  const validations = o.validations ?? 'report';
  const decimal = `<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="D4:F${last}"><formula1>0</formula1></dataValidation>`;
  const unitList = '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C1:C1048576"><formula1>"万元,亿元,个,人,%"</formula1></dataValidation>';
  const dv =
    validations === 'none'
      ? ''
      : validations === 'whole-column'
        ? `<dataValidations count="2">${unitList}${decimal}</dataValidations>`
        : `<dataValidations count="1">${decimal}</dataValidations>`;
  const listSqref = validations === 'whole-column' ? 'I1:I1048576' : `I4:I${last}`;
  const ext =
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-00000${extras.index}000000}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>E4:E${last}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
    (validations === 'none'
      ? ''
      : `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>下拉选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>${listSqref}</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`) +
    '</extLst>';
  const rel = { chart: extras.chart ? '<drawing r:id="rId1"/>' : '', notes: extras.notes ? `<legacyDrawing r:id="rId${extras.chart ? 3 : 2}"/>` : '' };
  const xml =
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{6A1C0F22-0000-4000-8000-00000000000${extras.index}}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:I${extraRow}"/><sheetViews><sheetView ${extras.index === 0 ? 'tabSelected="1" ' : ''}workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="E5" sqref="E5"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.25"/>${cols}<sheetData>${rowsXml}${extra}</sheetData>` +
    `<sheetProtection algorithmName="SHA-512" hashValue="x2kJ0m7XnqDTp3q6k3f1Jg==" saltValue="0FmR6X1rWz3Vbq1kq8cJ2w==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>` +
    `${merges}${cf}${dv}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToHeight="0" r:id="rId${extras.chart ? 2 : 1}"/>` +
    `${rel.chart}${rel.notes}${ext}</worksheet>`;
  return o.prefixed ? prefixMain(xml) : xml;
}

/** SpreadsheetML elements with an x: prefix (the default namespace bound to x instead). */
function prefixMain(xml: string): string {
  return xml
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
    .replace(/<(\/?)([a-zA-Z]+)(?=[\s>/])/g, (m, slash: string, name: string) => (name === 'xml' ? m : `<${slash}x:${name}`));
}

function commentsXml(notes: Record<string, string>): string {
  const list = Object.entries(notes)
    .map(([ref, t]) => `<comment ref="${ref}" authorId="0" shapeId="0" xr:uid="{0A1B2C3D-0000-4000-8000-0000000000${ref.length}${ref.charCodeAt(0)}}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>王会计:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">\n${esc(t)}</t></r></text></comment>`)
    .join('');
  return HEAD + `<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>王会计</author></authors><commentList>${list}</commentList></comments>`;
}

function vmlXml(notes: Record<string, string>): string {
  let id = 1025;
  const shapes = Object.keys(notes)
    .map((ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      const col = m ? m[1].charCodeAt(0) - 65 : 0;
      const row = m ? Number(m[2]) - 1 : 0;
      return `<v:shape id="_x0000_s${id++}" type="#_x0000_t202" style='position:absolute;margin-left:300pt;margin-top:20pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden' fillcolor="infoBackground [80]" o:insetmode="auto">\r\n  <v:fill color2="infoBackground [80]"/>\r\n  <v:shadow color="none [81]" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    ${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 6</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${row}</x:Row>\r\n   <x:Column>${col}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`;
    })
    .join('');
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>${shapes}</xml>`;
}

function drawingXml(): string {
  return (
    HEAD +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function chartXml(sheet: string): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return (
    HEAD +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:lang val="zh-CN"/><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${q}!$E$3</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>${q}!$A$4:$A$8</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${q}!$E$4:$E$8</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1001"/><c:axId val="1002"/></c:barChart><c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** The workbook's bytes. */
export function fixtureWorkbook(o: FixtureOptions): Uint8Array {
  const sst = new Strings();
  const parts: ZipPart[] = [];
  const reports = o.reports;
  const n = reports.length;
  const sheetParts = reports.map((s, i) => {
    const notes = i === 0 && o.notes !== undefined && Object.keys(o.notes).length > 0;
    const chart = i === 0 && o.chart === true;
    return { xml: sheetXml(s, sst, o, { notes, chart, index: i }), notes, chart };
  });
  const listXml = HEAD + `<worksheet xmlns="${MAIN}"><dimension ref="A1:A3"/><sheetData>${['正常', '补报', '更正'].map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${sst.of(v)}</v></c></row>`).join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const ct =
    HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    (o.notes ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    [...Array(n + 1).keys()].map((i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    (o.chart ? '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' : '') +
    (o.notes ? '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' : '') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>';
  parts.push({ name: '[Content_Types].xml', data: ct });
  parts.push({
    name: '_rels/.rels',
    data: HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
  });
  const names = [...reports.map((s) => s.name), '下拉选项'];
  const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  const wb =
    HEAD +
    `<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>' +
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews><sheets>' +
    names.map((s, i) => `<sheet name="${esc(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets><definedNames>' +
    `<definedName name="_xlnm.Print_Area" localSheetId="0">${esc(q(names[0]))}!$A$1:$I$29</definedName><definedName name="目标合计">${esc(q(names[0]))}!$H$4:$H$26</definedName><definedName name="状态列表">下拉选项!$A$1:$A$3</definedName>` +
    '</definedNames><calcPr calcId="191029"/></workbook>';
  parts.push({ name: 'xl/workbook.xml', data: wb });
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data:
      HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId${n + 3}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 4}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  });
  sheetParts.forEach((s, i) => {
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml });
    const rels: string[] = [];
    if (s.chart) rels.push('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>');
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings${i + 1}.bin"/>`);
    if (s.notes) {
      rels.push(`<Relationship Id="rId${rels.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`);
      rels.push(`<Relationship Id="rId${rels.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>`);
    }
    parts.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` });
    parts.push({ name: `xl/printerSettings/printerSettings${i + 1}.bin`, data: new Uint8Array(64).map((_, k) => (k * 7 + i) & 0xff) });
  });
  parts.push({ name: `xl/worksheets/sheet${n + 1}.xml`, data: listXml });
  if (o.chart) {
    parts.push({ name: 'xl/drawings/drawing1.xml', data: drawingXml() });
    parts.push({ name: 'xl/drawings/_rels/drawing1.xml.rels', data: HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>' });
    parts.push({ name: 'xl/charts/chart1.xml', data: chartXml(names[0]) });
  }
  if (o.notes) {
    parts.push({ name: 'xl/comments1.xml', data: commentsXml(o.notes) });
    parts.push({ name: 'xl/drawings/vmlDrawing1.vml', data: vmlXml(o.notes) });
  }
  parts.push({ name: 'xl/theme/theme1.xml', data: HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="等线"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>' });
  parts.push({ name: 'xl/styles.xml', data: styles(o.noDxfs === true) });
  parts.push({ name: 'xl/sharedStrings.xml', data: sst.xml() });
  parts.push({ name: 'docProps/core.xml', data: HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>统计科</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-05T01:02:03Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-08T09:10:11Z</dcterms:modified></cp:coreProperties>' });
  parts.push({ name: 'docProps/app.xml', data: HEAD + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((s) => `<vt:lpstr>${esc(s)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>` });
  parts.push({ name: 'docProps/custom.xml', data: HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报送单位"><vt:lpwstr>开发区管委会</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="审核状态"><vt:lpwstr>待审核</vt:lpwstr></property></Properties>' });
  // sharedStrings was filled while the sheets were written above: re-render it last
  return zip(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: sst.xml() } : p)));
}
