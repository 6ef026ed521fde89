/**
 * The pre-parse inspector of zip packages: decides, before any reader sees a file, whether it is
 * safe to parse, says what the package is (an .xlsx, an .xlsb, an OpenDocument spreadsheet, or a
 * document that is no spreadsheet), and hands over the XML parts it inflated so nothing is inflated
 * twice. It reads the central directory, refuses on declared sizes, then inflates every part with a
 * bounded decoder (never trusting the declared sizes: decoding stops at them) and scans the XML for
 * DTDs, invalid text, out-of-bounds rows/columns, huge expanded ranges and reserved names.
 *
 * Parts are found as a reader finds them, through relationships: the package's officeDocument
 * relationship names the workbook part, the workbook's relationships name its worksheets (which get
 * the worksheet rules whatever they are called). Part names are compared ignoring case, as OPC
 * specifies; two names differing only by case are refused (which one would be meant is unknown).
 * A UTF-16 XML part (OPC allows it) is validated and kept as UTF-8.
 * Pure TypeScript over a Uint8Array: no Node API, so the browser pane runs the same checks.
 */
import type { InputErrorCode } from './codes';
import { readCentral, type ZipEntry } from './zip-central';
import { jsInflate, type RawInflate } from './inflate';
import { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';
import { refVisitor, workbookVisitor, worksheetVisitor, type WorkbookFacts } from './ooxml-rules';
import { odsContentVisitor, odsManifestVisitor } from './ods-rules';
import { scanXlsbPart } from './xlsb-rules';
import { partEncoding, utf16Text, type Package } from '../package/zip-parts';
import { resolveTarget, relsName } from '../package/opc';
import { XmlScan, type XmlVisitor } from './xml-scan';

export { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';

/** What the package holds. */
export type ZipKind = 'xlsx' | 'xlsb' | 'ods';

export interface InspectInfo {
  kind: ZipKind;
  parts: number;
  inflatedBytes: number;
  /** sheet names as the workbook part lists them (.xlsx) */
  sheetNames: string[];
  /** parts the workbook's relationships name as worksheets (.xlsx) */
  worksheetParts: number;
  /** tables a table style hides (.ods: SheetJS does not read table styles) */
  hiddenSheets?: string[];
  /**
   * The XML parts (.xml, .rels, .vml) as inflated and scanned (UTF-8), in package order, when the
   * caller asked to keep them (InspectOptions.keepXml): the reader parses these, so nothing is
   * inflated twice.
   */
  xml?: Package;
}

export interface InspectOptions {
  /** the raw DEFLATE decoder: the bounded JavaScript one unless the platform gives a faster one */
  inflate?: RawInflate;
  /** keep the inflated XML parts in InspectInfo.xml */
  keepXml?: boolean;
}

export type InspectResult = { ok: true; info: InspectInfo } | { ok: false; code: InputErrorCode; kind: ZipKind | null };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET_REL = /\/worksheet$/;

class Refusal {
  constructor(readonly code: InputErrorCode) {}
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

export function isZip(b: Uint8Array): boolean {
  return startsWith(b, ZIP_MAGIC) || startsWith(b, ZIP_EMPTY);
}

/** Entry names lose one leading slash, as every reader of packages does. */
function nameOf(e: ZipEntry): string {
  return e.name.startsWith('/') ? e.name.slice(1) : e.name;
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** The package being inspected: its entries by lower-case name, and the parts read so far. */
class Inspection {
  readonly byKey = new Map<string, ZipEntry>();
  readonly kept = new Map<string, Uint8Array>();
  /** cells counted across all sheets: a reader holds every cell of every sheet at once */
  readonly counts = { cells: 0 };

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly limits: InspectLimits,
    private readonly inflate: RawInflate,
  ) {
    for (const e of entries) {
      const key = nameOf(e).toLowerCase();
      if (this.byKey.has(key)) throw new Refusal('E_DUPLICATE_PART');
      this.byKey.set(key, e);
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(name.toLowerCase());
  }

  /** Inflates (or reads) one part, checking its real size against the declared one (decoding never goes past it). */
  raw(e: ZipEntry): Uint8Array {
    const stored = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (e.method === 0) return stored;
    const r = this.inflate(stored, e.size);
    if (r.status === 'limit') throw new Refusal('E_ZIP_BOMB'); // more data than declared: the header lied
    if (r.status === 'corrupt' || r.data.length !== e.size) throw new Refusal('E_CORRUPT');
    return r.data;
  }

  /** Reads a part once: XML is scanned by `visitor` (and kept, as UTF-8), anything else only inflated. */
  read(e: ZipEntry, visitor: XmlVisitor | null): Uint8Array {
    const name = nameOf(e);
    const done = this.kept.get(name);
    if (done) return done;
    let data = this.raw(e);
    if (visitor) {
      const enc = partEncoding(data);
      if (enc !== 'utf-8') data = utf16ToUtf8(data, enc);
      const scan = new XmlScan(visitor);
      scan.push(data, 0, data.length);
      const error = scan.finish();
      if (error) throw new Refusal(error);
      this.kept.set(name, data);
    }
    return data;
  }

  /** Declared sizes first: cheap, and refuses most bombs without inflating a byte. */
  checkDeclared(): number {
    let declared = 0;
    for (const e of this.entries) {
      if (e.size > this.limits.ratioMinBytes && e.size / Math.max(1, e.compressedSize) > this.limits.maxRatio) throw new Refusal('E_ZIP_BOMB');
      declared += e.size;
      if (declared > this.limits.maxTotalInflated) throw new Refusal('E_TOO_LARGE');
    }
    return declared;
  }

  /** The targets of a part's relationships of a type, resolved to entries (missing targets left out). */
  rels(source: string, type: RegExp): { target: string; entry: ZipEntry | undefined }[] {
    const relsEntry = this.entry(relsName(source));
    if (!relsEntry) return [];
    const xml = textOf(this.read(relsEntry, refVisitor()));
    const out: { target: string; entry: ZipEntry | undefined }[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
      const attrs = m[1];
      const t = /\sType\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? '';
      const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
      const external = /\sTargetMode\s*=\s*["']External["']/.test(attrs);
      if (!type.test(t) || target === undefined || external) continue;
      const part = resolveTarget(source, decodeXmlAttr(target));
      out.push({ target: part, entry: this.entry(part) });
    }
    return out;
  }

  package(): Package {
    const names = this.entries.map(nameOf).filter((n) => this.kept.has(n));
    return { names, parts: this.kept };
  }
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function textOf(b: Uint8Array): string {
  return utf8.decode(b);
}

function decodeXmlAttr(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[n] ?? '');
}

/** UTF-16 XML as UTF-8 bytes (its declaration saying so); invalid UTF-16 is refused. */
function utf16ToUtf8(b: Uint8Array, enc: 'utf-16le' | 'utf-16be'): Uint8Array {
  try {
    new TextDecoder(enc, { fatal: true }).decode(b);
  } catch {
    throw new Refusal('E_BAD_ENCODING');
  }
  return encoder.encode(utf16Text(b, enc));
}

/** What kind of package these entries make, from their names (and the mimetype of an OpenDocument file). */
function kindOf(p: Inspection): ZipKind {
  const mime = p.entry('mimetype');
  if (mime) {
    const type = textOf(p.raw(mime).subarray(0, 200)).trim();
    if (type === ODS_MIME || type === ODS_MIME + '-template') return 'ods';
    if (type.startsWith('application/vnd.oasis.opendocument.')) throw new Refusal('E_OTHER_DOCUMENT');
  }
  if (p.entry('word/document.xml') || p.entry('ppt/presentation.xml')) throw new Refusal('E_OTHER_DOCUMENT');
  if (p.entry('content.xml') && p.entry('META-INF/manifest.xml') && !p.entry('[Content_Types].xml')) return 'ods';
  const main = p.entry('_rels/.rels') ? p.rels('', OFFICE_DOCUMENT)[0]?.target : undefined;
  const workbook = main ?? (p.entry('xl/workbook.xml') ? 'xl/workbook.xml' : p.entry('xl/workbook.bin') ? 'xl/workbook.bin' : undefined);
  if (workbook === undefined || !p.entry(workbook)) throw new Refusal('E_NO_WORKBOOK');
  if (/^word\/|^ppt\//i.test(workbook)) throw new Refusal('E_OTHER_DOCUMENT');
  return /\.bin$/i.test(workbook) ? 'xlsb' : 'xlsx';
}

/** An .xlsx: the workbook part through the package's relationships, its worksheets through its own. */
function inspectXlsxParts(p: Inspection, limits: InspectLimits): { sheetNames: string[]; worksheetParts: number } {
  const main = p.rels('', OFFICE_DOCUMENT)[0]?.entry ?? p.entry('xl/workbook.xml');
  if (!main) throw new Refusal('E_NO_WORKBOOK');
  if (main.size > limits.maxWorkbookPartBytes) throw new Refusal('E_TOO_LARGE');
  // the workbook part first: reserved names are the most dangerous and the cheapest to find
  const facts: WorkbookFacts = { sheetNames: [], sheetIds: new Set() };
  p.read(main, workbookVisitor(facts));
  const sheets = new Set<ZipEntry>();
  for (const r of p.rels(nameOf(main), WORKSHEET_REL)) if (r.entry) sheets.add(r.entry);
  for (const e of sheets) p.read(e, worksheetVisitor(limits, p.counts));
  for (const e of p.entries) if (isXmlPart(nameOf(e))) p.read(e, refVisitor());
  else p.read(e, null); // inflated to check it is what it declares; not kept
  return { sheetNames: facts.sheetNames, worksheetParts: sheets.size };
}

/** An .xlsb: every part inflated and checked, XML parts scanned, binary sheet records counted. */
function inspectXlsbParts(p: Inspection, limits: InspectLimits): void {
  for (const e of p.entries) {
    const name = nameOf(e);
    if (isXmlPart(name)) p.read(e, refVisitor());
    else {
      const error = /\.bin$/i.test(name) ? scanXlsbPart(p.read(e, null), /workbook\.bin$/i.test(name), limits, p.counts) : null;
      if (error) throw new Refusal(error);
    }
  }
}

/** An OpenDocument spreadsheet: encryption in the manifest, cells and names in content.xml. */
function inspectOdsParts(p: Inspection, limits: InspectLimits): string[] {
  const manifest = p.entry('META-INF/manifest.xml');
  const facts = { encrypted: false };
  if (manifest) p.read(manifest, odsManifestVisitor(facts));
  if (facts.encrypted) throw new Refusal('E_ENCRYPTED');
  const content = p.entry('content.xml');
  if (!content) throw new Refusal('E_NO_WORKBOOK');
  const ods = { hiddenTables: [] as string[] };
  p.read(content, odsContentVisitor(limits, p.counts, ods));
  for (const e of p.entries) if (isXmlPart(nameOf(e))) p.read(e, refVisitor());
  else p.read(e, null);
  return ods.hiddenTables;
}

function inspect(bytes: Uint8Array, limits: InspectLimits, opts: InspectOptions): InspectResult {
  if (!isZip(bytes)) return { ok: false, code: 'E_UNKNOWN_FORMAT', kind: null };
  const central = readCentral(bytes, limits.maxEntries);
  if (!central.ok) return { ok: false, code: central.code, kind: null };
  const entries = central.entries.filter((e) => !nameOf(e).endsWith('/'));
  if (entries.length === 0) return { ok: false, code: 'E_EMPTY_ZIP', kind: null };
  let kind: ZipKind | null = null;
  try {
    const p = new Inspection(bytes, entries, limits, opts.inflate ?? jsInflate);
    const declared = p.checkDeclared();
    kind = kindOf(p);
    let facts = { sheetNames: [] as string[], worksheetParts: 0 };
    let hiddenSheets: string[] | undefined;
    if (kind === 'xlsx') facts = inspectXlsxParts(p, limits);
    else if (kind === 'xlsb') inspectXlsbParts(p, limits);
    else hiddenSheets = inspectOdsParts(p, limits);
    const info: InspectInfo = { kind, parts: entries.length, inflatedBytes: declared, ...facts };
    if (hiddenSheets) info.hiddenSheets = hiddenSheets;
    if (opts.keepXml) info.xml = p.package();
    return { ok: true, info };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code, kind };
    throw e;
  }
}

/** Inspects a zip package; never throws (an inspector defect is reported as damage). */
export function inspectZip(bytes: Uint8Array, limits?: Partial<InspectLimits>, opts: InspectOptions = {}): InspectResult {
  const all: InspectLimits = { ...DEFAULT_INSPECT_LIMITS, ...limits };
  try {
    return inspect(bytes, all, opts);
  } catch {
    return { ok: false, code: 'E_CORRUPT', kind: null };
  }
}
