/**
 * THE entry for reading a workbook file, whatever its format: detects the format from the bytes
 * (detect.ts), runs that format's guard (src/xlsx/guard/), then its reader — the project's own for
 * .xlsx (src/xlsx/ooxml/), SheetJS for .xls, .xlsb, .ods and SpreadsheetML 2003 (src/xlsx/sheetjs/,
 * loaded only then), the project's own for delimited text (src/xlsx/csv/) and HTML tables
 * (src/xlsx/html/) — and hands back the same SheetGrid[] for all, or the refusal. Never throws.
 * Pure: no Node API, so the command line runs it in a worker thread and the pane in a Web Worker,
 * each with a time limit (a file that takes too long is stopped there, whatever its format).
 */
import type { Finding, InputError, SheetGrid } from '../../domain/types';
import type { InputErrorCode } from '../guard/codes';
import { inputError } from '../guard/codes';
import { scanBiff } from '../guard/biff';
import type { RawInflate } from '../guard/inflate';
import { DEFAULT_INSPECT_LIMITS, MAX_INPUT_BYTES, type InspectLimits } from '../guard/limits';
import { odsContentVisitor } from '../guard/ods-rules';
import { inspectOle2 } from '../guard/ole2';
import { decodeText, hasBinaryControls, hasControlBytes, textEncodingOf } from '../guard/text';
import { XmlScan, type XmlVisitor } from '../guard/xml-scan';
import { xml2003Visitor } from '../guard/xml2003-rules';
import { inspectZip } from '../guard/zip-inspect';
import { checkGrids } from '../grid/bounds';
import { excelSheetName, fileStem } from '../grid/sheet-name';
import { readDelimited } from '../csv/read';
import { readHtml } from '../html/read';
import { DamagedWorkbook, readWorksheets } from '../ooxml/workbook-grid';
import type { Package } from '../package/zip-parts';
import { readWithSheetJs } from '../sheetjs/read';
import { containerOf, textKindOf } from './detect';
import { refusal, type Format } from './formats';
import { formatNote } from './notes';

export type ReadResult =
  | {
      ok: true;
      format: Format;
      sheets: SheetGrid[];
      /** an .xlsx's inspected XML parts (what the annotated copy is patched from); null for other formats */
      pkg: Package | null;
      /** the note the format earns in the report (notes.ts), or null */
      note: Finding | null;
    }
  | { ok: false; error: InputError; format: Format | null };

export interface ReadOptions {
  /** a faster raw-DEFLATE decoder than the JavaScript one (the command line gives Node's zlib) */
  inflate?: RawInflate;
  /** tighter limits (tests) */
  limits?: Partial<InspectLimits>;
}

class Refused {
  constructor(
    readonly code: InputErrorCode,
    readonly format: Format | null,
  ) {}
}

const encoder = new TextEncoder();

/** Scans XML text with a guard visitor (DTDs refused, tags bounded); throws Refused. */
function scanXml(text: string, visitor: XmlVisitor, format: Format): void {
  const bytes = encoder.encode(text);
  const scan = new XmlScan(visitor);
  scan.push(bytes, 0, bytes.length);
  const error = scan.finish();
  if (error) throw new Refused(error, format);
}

interface Read {
  format: Format;
  sheets: SheetGrid[];
  pkg: Package | null;
}

/** Runs a reader of `format`: its DamagedWorkbook becomes a refusal naming the format. */
async function reading(format: Format, run: () => Promise<SheetGrid[]> | SheetGrid[], pkg: Package | null = null): Promise<Read> {
  try {
    return { format, sheets: await run(), pkg };
  } catch (e) {
    if (e instanceof DamagedWorkbook) throw new Refused(e.code, format);
    throw e;
  }
}

async function readZip(bytes: Uint8Array, limits: InspectLimits, opts: ReadOptions): Promise<Read> {
  const r = inspectZip(bytes, limits, { inflate: opts.inflate, keepXml: true });
  if (!r.ok) throw new Refused(r.code, r.kind);
  const { kind, xml } = r.info;
  if (kind === 'xlsx') {
    const pkg = xml ?? { names: [], parts: new Map() };
    return reading('xlsx', () => readWorksheets(pkg), pkg);
  }
  return reading(kind, () => readWithSheetJs({ data: bytes, format: kind, hidden: r.info.hiddenSheets }));
}

async function readOle2(bytes: Uint8Array, limits: InspectLimits): Promise<Read> {
  const r = inspectOle2(bytes);
  if (!r.ok) throw new Refused(r.code, 'xls');
  if (r.kind === 'encrypted') throw new Refused('E_ENCRYPTED', null);
  if (r.kind === 'other-document') throw new Refused('E_OTHER_DOCUMENT', null);
  if (r.kind !== 'workbook' || !r.workbook) throw new Refused('E_UNKNOWN_FORMAT', null);
  const problem = scanBiff(r.workbook, limits);
  if (problem) throw new Refused(problem, 'xls');
  return reading('xls', () => readWithSheetJs({ data: bytes, format: 'xls' }));
}

async function readText(bytes: Uint8Array, name: string, limits: InspectLimits): Promise<Read> {
  // control bytes mean a binary file, unless the text is UTF-16 (every other byte is 0 there)
  const encoding = textEncodingOf(bytes);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && hasControlBytes(bytes)) throw new Refused('E_UNKNOWN_FORMAT', null);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Refused('E_BAD_ENCODING', null);
  const text = decoded.text;
  const kind = textKindOf(text);
  const counts = { cells: 0 };
  switch (kind) {
    case 'xml2003':
      scanXml(text, xml2003Visitor(limits, counts), 'xml2003');
      return reading('xml2003', () => readWithSheetJs({ data: text, format: 'xml2003' }));
    case 'fods': {
      const facts = { hiddenTables: [] as string[] };
      scanXml(text, odsContentVisitor(limits, counts, facts), 'ods');
      return reading('ods', () => readWithSheetJs({ data: text, format: 'ods', hidden: facts.hiddenTables }));
    }
    case 'html':
      return reading('html', () => readHtml(text, fileStem(name), limits));
    case 'csv':
      if (hasBinaryControls(text)) throw new Refused('E_UNKNOWN_FORMAT', null);
      return reading('csv', () => [readDelimited(text, excelSheetName(fileStem(name)), limits)]);
    default:
      throw new Refused('E_UNKNOWN_FORMAT', null);
  }
}

async function read(bytes: Uint8Array, name: string, opts: ReadOptions): Promise<Read> {
  const limits: InspectLimits = { ...DEFAULT_INSPECT_LIMITS, ...opts.limits };
  if (bytes.length === 0) throw new Refused('E_EMPTY', null);
  if (bytes.length > MAX_INPUT_BYTES) throw new Refused('E_TOO_LARGE', null);
  switch (containerOf(bytes)) {
    case 'zip':
      return readZip(bytes, limits, opts);
    case 'ole2':
      return readOle2(bytes, limits);
    case 'biff': {
      const problem = scanBiff(bytes, limits);
      if (problem) throw new Refused(problem, 'xls');
      return reading('xls', () => readWithSheetJs({ data: bytes, format: 'xls' }));
    }
    case 'other-document':
      throw new Refused('E_OTHER_DOCUMENT', null);
    default:
      return readText(bytes, name, limits);
  }
}

/** Reads a workbook file's bytes (see the module comment); never throws. */
export async function readWorkbookBytes(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<ReadResult> {
  try {
    const r = await read(bytes, name, opts);
    if (r.sheets.length === 0) return { ok: false, error: refusal('E_NO_SHEETS', r.format), format: r.format };
    const problem = checkGrids(r.sheets);
    if (problem) return { ok: false, error: refusal(problem, r.format), format: r.format };
    return { ok: true, format: r.format, sheets: r.sheets, pkg: r.pkg, note: formatNote(r.format, name, r.sheets) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: refusal(e.code, e.format), format: e.format };
    // a reader defect on a strange file must not crash the caller: report an unreadable workbook
    return { ok: false, error: inputError('E_CORRUPT'), format: null };
  }
}
