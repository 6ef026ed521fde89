/**
 * The copy of a package that exceljs is given to READ: the original bytes with every worksheet's
 * data validations cut out (classic `<dataValidations>` and the x14 `<x14:dataValidations>` of
 * extLst). The original bytes are kept untouched for the annotated copy (src/xlsx/package/ patches
 * them), so the user's validations are never lost; reading needs none of them (the engine reads
 * values, formulas, number formats and merges).
 *
 * Why: exceljs 4.4.0 stores one object per validated cell on load. One whole-column list validation
 * (sqref="C1:C1048576", what Excel saves for a dropdown on a whole column) took 1.5 s and 222 MB RSS
 * idle (9.6 s on a loaded 2-core machine), so the inspector used to refuse it; real templates do put
 * dropdowns on whole columns. Measured in the same way, exceljs does NOT expand conditional formats
 * (A1:XFD1048576: 26 ms, 67 MB, like an empty sheet), x14 conditional formats, hyperlinks or
 * autoFilter ranges: those are left in place. A merge over C1:C1048576 creates every cell (3.3 s,
 * 712 MB): merges stay refused by the inspector, and a merge decides where values sit anyway.
 *
 * Decision: the validations are cut whenever a sheet holds any, not only above a size. Reading never
 * uses them, one path is exercised by every template with a dropdown (not only by rare huge ones),
 * and below the old limit they still cost (C1:C250000: 0.47-0.65 s, +34 MB RSS). Only the sheets
 * that hold validations are rewritten (the inspector says which); the other parts keep their
 * compressed bytes.
 * Cost, measured on a 200,000-cell sheet with a whole-column list (load average 8 on 2 cores): the
 * copy 0.23-0.5 s (1.6 s before skipping <sheetData> and storing the part), then exceljs 1.7-2 s on
 * the copy against 4.2-7.1 s on the original.
 *
 * Exact text surgery (like src/xlsx/package/): the elements' byte ranges are removed, nothing else is
 * re-serialised. Pure TypeScript (runs in the browser too).
 */
import JSZip from 'jszip';

/** A range [start, end) of the text to cut. */
interface Cut {
  start: number;
  end: number;
}

/** An element open on the walk: its children's cuts and how many element children it has. */
interface Open {
  local: string;
  start: number;
  kids: number;
  /** children that are cut whole (a validations element, or an ext holding only that) */
  cutKids: number;
  cuts: Cut[];
}

const TARGET = 'dataValidations';
/** Wrappers cut with their content when that content was only validations (an x14 ext, then an empty extLst). */
const WRAPPERS: ReadonlySet<string> = new Set(['ext', 'extLst']);

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Qualified name of a tag whose name starts at `from` (after '<', or after '</'). */
function qnameAt(xml: string, from: number): string {
  let j = from;
  while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
  return xml.slice(from, j);
}

/** Local name of a tag whose name starts at `from`. */
function nameAt(xml: string, from: number): string {
  const q = qnameAt(xml, from);
  const colon = q.lastIndexOf(':');
  return colon >= 0 ? q.slice(colon + 1) : q;
}

/** End of a start tag starting at `i`: just past its '>' (quotes skipped: '>' is legal in values). */
function startTagEnd(xml: string, i: number): number {
  let quote = 0;
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j + 1;
  }
  return xml.length;
}

/** Closes `e` at `end`, handing its cuts (or itself, cut whole) to its parent. */
function close(parent: Open, e: Open, end: number): void {
  parent.kids++;
  const whole = e.local === TARGET || (WRAPPERS.has(e.local) && e.kids > 0 && e.cutKids === e.kids);
  if (whole) {
    parent.cutKids++;
    parent.cuts.push({ start: e.start, end });
  } else for (const c of e.cuts) parent.cuts.push(c);
}

/**
 * `xml` without its data-validation elements (any prefix, any depth, outside comments, CDATA and
 * processing instructions, which exceljs's parser does not read as elements either). An x14 `ext`
 * left holding nothing else goes too, and an `extLst` left empty, so no empty wrapper remains.
 * Every other character stays where and as it was. `removed` counts the validation elements cut.
 */
export function removeValidations(xml: string): { xml: string; removed: number } {
  const doc: Open = { local: '', start: 0, kids: 0, cutKids: 0, cuts: [] };
  const stack: Open[] = [doc];
  let removed = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      end = e < 0 ? xml.length : e + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i + 9);
      end = e < 0 ? xml.length : e + 3;
    } else if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      end = startTagEnd(xml, i);
    } else if (xml.charCodeAt(i + 1) === 0x2f) {
      end = startTagEnd(xml, i);
      const local = nameAt(xml, i + 2);
      // tolerant: close up to the nearest open element of that name; a stray end tag is ignored
      let k = stack.length - 1;
      while (k > 0 && stack[k].local !== local) k--;
      if (k > 0) {
        while (stack.length > k + 1) {
          const inner = stack.pop();
          if (inner) close(stack[stack.length - 1], inner, i);
        }
        const e = stack.pop();
        if (e) {
          if (e.local === TARGET) removed++;
          close(stack[stack.length - 1], e, end);
        }
      }
    } else {
      end = startTagEnd(xml, i);
      const local = nameAt(xml, i + 1);
      const e: Open = { local, start: i, kids: 0, cutKids: 0, cuts: [] };
      if (xml.charCodeAt(end - 2) === 0x2f) {
        if (local === TARGET) removed++;
        close(stack[stack.length - 1], e, end);
      } else if (local === 'sheetData') {
        // The cells are almost all of a sheet's text and exceljs reads no validation inside them
        // (its sheetData parser swallows unknown elements): jump to the end tag. A '</sheetData>'
        // inside a CDATA only makes the walk resume early, harmlessly (stray end tags are ignored).
        const closeAt = xml.indexOf(`</${qnameAt(xml, i + 1)}>`, end);
        end = closeAt < 0 ? xml.length : closeAt;
        stack[stack.length - 1].kids++;
      } else stack.push(e);
    }
    i = xml.indexOf('<', end);
  }
  // unclosed at the end (malformed): an open validations element is cut to the end of the text
  while (stack.length > 1) {
    const e = stack.pop();
    if (e) {
      if (e.local === TARGET) removed++;
      close(stack[stack.length - 1], e, xml.length);
    }
  }
  if (doc.cuts.length === 0) return { xml, removed: 0 };
  let out = '';
  let at = 0;
  for (const c of doc.cuts) {
    out += xml.slice(at, c.start);
    at = c.end;
  }
  return { xml: out + xml.slice(at), removed };
}

const enc = new TextEncoder();
// ignoreBOM: a part that starts with a byte-order mark keeps it
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The package exceljs reads: `bytes` with the validations of the worksheet parts `parts` (zip entry
 * names, as the inspector lists them) cut out. With no such parts, `bytes` themselves. JSZip keeps
 * the compressed data of every part it does not rewrite. Throws on a zip JSZip cannot read (the
 * caller reports E_CORRUPT, as when exceljs itself fails).
 */
export async function readableCopy(bytes: Uint8Array, parts: readonly string[]): Promise<Uint8Array> {
  if (parts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of parts) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = dec.decode(await file.async('uint8array'));
    const r = removeValidations(xml);
    if (r.xml === xml) continue;
    // stored, not deflated: exceljs inflates it right away, and deflating a big sheet again cost
    // more than the cut itself
    zip.file(name, enc.encode(r.xml), { binary: true, createFolders: false, compression: 'STORE' });
    changed = true;
  }
  if (!changed) return bytes;
  // DEFLATE by default keeps every untouched part's compressed bytes as they are (JSZip copies them)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
