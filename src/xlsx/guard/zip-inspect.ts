/**
 * The pre-parse inspector: decides, before the reader (src/xlsx/read/) sees a file, whether it is safe
 * to parse, and hands over the XML parts it inflated so nothing is inflated twice. Its rules were
 * written against exceljs, which read inputs before the project's own reader did (hence the exceljs
 * figures in the comments); they are kept as they are: every bound still protects the reader's time
 * and memory, and a file they refuse is one Excel users would have trouble with too. It reads
 * the zip's central directory, refuses on declared sizes, then inflates every part with a bounded
 * streaming decoder (never trusting the declared sizes: decoding stops at them) and scans the XML
 * for DTDs, invalid UTF-8, out-of-bounds rows/columns, huge expanded ranges and reserved names.
 * Pure TypeScript over a Uint8Array: no Node API, so the browser pane runs the same checks.
 *
 * Decision on part-name case: OPC part names are case-insensitive and Excel opens `xl/Workbook.xml`,
 * but exceljs matches names exactly and would silently read an empty or partial workbook. We REFUSE
 * (E_PART_NAME_CASE) rather than guess: re-saving in Excel writes the canonical names.
 */
import { INSPECT_MESSAGES, type InspectErrorCode } from './inspect-codes';
import { readCentral, type ZipEntry } from './zip-central';
import { jsInflate, type RawInflate } from './inflate';
import { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';
import { refVisitor, workbookVisitor, worksheetVisitor, type WorkbookFacts } from './ooxml-rules';
import type { Package } from '../package/zip-parts';
import { XmlScan, type XmlVisitor } from './xml-scan';

export { INSPECT_ERROR_CODES, isInspectErrorCode, type InspectErrorCode } from './inspect-codes';
export { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';

export interface InspectInfo {
  parts: number;
  inflatedBytes: number;
  /** sheet names as the workbook part lists them */
  sheetNames: string[];
  worksheetParts: number;
  /**
   * The XML parts (.xml, .rels, .vml) as inflated and scanned, in package order, when the caller
   * asked to keep them (InspectOptions.keepXml): the reader parses these, so nothing is inflated twice.
   */
  xml?: Package;
}

export interface InspectOptions {
  /** the raw DEFLATE decoder: the bounded JavaScript one unless the platform gives a faster one */
  inflate?: RawInflate;
  /** keep the inflated XML parts in InspectInfo.xml */
  keepXml?: boolean;
}

export type InspectResult =
  | { ok: true; info: InspectInfo }
  | { ok: false; code: InspectErrorCode; message: { zh: string; en: string } };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK = 'xl/workbook.xml';
/** Parts exceljs looks up by exact name: a case variant of one of these is refused. */
const EXACT_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const EXACT_BY_KEY = new Map(EXACT_PARTS.map((p) => [p.toLowerCase(), p]));
/** exceljs's own (unanchored) worksheet pattern, and its case-insensitive twin. */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_ANY_CASE = /^xl\/worksheets\/sheet\d+\.xml$/i;
const WORKSHEET_EXACT = /^xl\/worksheets\/sheet\d+\.xml$/;

function refuse(code: InspectErrorCode): InspectResult {
  const m = INSPECT_MESSAGES[code];
  return { ok: false, code, message: { zh: m.zh, en: m.en } };
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** exceljs strips one leading slash from entry names; so do we, to judge what it will see. */
function partName(e: ZipEntry): string {
  return e.name.startsWith('/') ? e.name.slice(1) : e.name;
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Structural checks on the names: workbook present, no duplicates, no case variants. */
function checkNames(names: string[]): InspectErrorCode | null {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) return 'E_DUPLICATE_PART';
    seen.add(key);
  }
  if (!names.includes(WORKBOOK)) {
    if (seen.has('xl/workbook.bin')) return 'E_XLSB';
    return seen.has(WORKBOOK) ? 'E_PART_NAME_CASE' : 'E_NO_WORKBOOK';
  }
  for (const n of names) {
    const canonical = EXACT_BY_KEY.get(n.toLowerCase());
    if (canonical !== undefined && canonical !== n) return 'E_PART_NAME_CASE';
    if (WORKSHEET_ANY_CASE.test(n) && !WORKSHEET_EXACT.test(n)) return 'E_PART_NAME_CASE';
  }
  return null;
}

function visitorFor(name: string, limits: InspectLimits, facts: WorkbookFacts, counts: { cells: number }): XmlVisitor {
  if (name === WORKBOOK) return workbookVisitor(facts);
  if (WORKSHEET.test(name)) return worksheetVisitor(limits, counts);
  return refVisitor();
}

/**
 * Inflates (or reads) one part, checking its real size against the declared one (decoding never
 * goes past it), and scans it when it is XML. Returns the part's bytes, or the problem.
 */
function readPart(bytes: Uint8Array, e: ZipEntry, scan: XmlScan | null, inflate: RawInflate): Uint8Array | InspectErrorCode {
  const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let data = raw;
  if (e.method !== 0) {
    const r = inflate(raw, e.size);
    if (r.status === 'limit') return 'E_ZIP_BOMB'; // more data than declared: the header lied
    if (r.status === 'corrupt' || r.data.length !== e.size) return 'E_CORRUPT';
    data = r.data;
  }
  if (!scan) return data;
  scan.push(data, 0, data.length);
  return scan.finish() ?? data;
}

function inspect(bytes: Uint8Array, limits: InspectLimits, opts: InspectOptions): InspectResult {
  if (startsWith(bytes, OLE2)) return refuse('E_ENCRYPTED_OR_XLS');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return refuse('E_NOT_ZIP');
  }
  const central = readCentral(bytes, limits.maxEntries);
  if (!central.ok) return refuse(central.code);
  const entries = central.entries.filter((e) => !partName(e).endsWith('/'));
  if (entries.length === 0) return refuse('E_EMPTY_ZIP');
  const nameProblem = checkNames(entries.map(partName));
  if (nameProblem) return refuse(nameProblem);

  // Declared sizes first: cheap, and refuses most bombs without inflating a byte.
  let declared = 0;
  for (const e of entries) {
    if (e.size > limits.ratioMinBytes && e.size / Math.max(1, e.compressedSize) > limits.maxRatio) return refuse('E_ZIP_BOMB');
    declared += e.size;
    if (declared > limits.maxTotalInflated) return refuse('E_TOO_LARGE');
    if (partName(e) === WORKBOOK && e.size > limits.maxWorkbookPartBytes) return refuse('E_TOO_LARGE');
  }

  // The workbook part first: reserved names are the most dangerous and the cheapest to find.
  const ordered = [...entries].sort((a, b) => Number(partName(b) === WORKBOOK) - Number(partName(a) === WORKBOOK));
  const facts: WorkbookFacts = { sheetNames: [], sheetIds: new Set() };
  const counts = { cells: 0 }; // across all sheets: exceljs holds every cell of every sheet at once
  let worksheetParts = 0;
  const inflate = opts.inflate ?? jsInflate;
  const kept = new Map<string, Uint8Array>();
  for (const e of ordered) {
    const name = partName(e);
    if (WORKSHEET.test(name)) worksheetParts++;
    const xml = isXmlPart(name);
    const scan = xml ? new XmlScan(visitorFor(name, limits, facts, counts)) : null;
    const part = readPart(bytes, e, scan, inflate);
    if (typeof part === 'string') return refuse(part);
    if (xml && opts.keepXml) kept.set(name, part);
  }
  const info: InspectInfo = { parts: entries.length, inflatedBytes: declared, sheetNames: facts.sheetNames, worksheetParts };
  // package order (the workbook part was inspected first)
  if (opts.keepXml) info.xml = { names: entries.map(partName).filter((n) => kept.has(n)), parts: kept };
  return { ok: true, info };
}

/** Inspects workbook bytes; never throws. */
export function inspectXlsx(bytes: Uint8Array, limits?: Partial<InspectLimits>, opts: InspectOptions = {}): InspectResult {
  const all: InspectLimits = { ...DEFAULT_INSPECT_LIMITS, ...limits };
  try {
    return inspect(bytes, all, opts);
  } catch {
    // An inspector defect must not crash the command line: report an unreadable workbook.
    return refuse('E_CORRUPT');
  }
}
