/**
 * Every difference between two .xlsx packages: parts added, removed and changed, and for changed
 * worksheet parts every cell whose type, value, formula or style index changed. Then the declared
 * differences — what an annotation is allowed to add — are taken out of each changed part's text,
 * and whatever is left is undeclared. Test code only.
 */
import { readPackage } from '../../src/xlsx/package/zip-parts';

export interface CellState {
  t: string;
  s: string;
  f: string;
  v: string;
}

export interface PackageDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** identical parts, byte for byte */
  same: string[];
  /** changed cells per worksheet part: "sheet1.xml!E4: {…} → {…}" */
  cells: string[];
}

const dec = new TextDecoder();

/** The cells of a worksheet part by reference. */
export function cellsOf(xml: string): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const m of xml.matchAll(/<(?:x:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?c>)/g)) {
    const at = (n: string): string => new RegExp(`\\s${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const body = m[2] ?? '';
    const f = /<(?:x:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:x:)?f>)/.exec(body);
    const v = /<(?:x:)?v>([\s\S]*?)<\/(?:x:)?v>/.exec(body)?.[1] ?? /<(?:x:)?is>([\s\S]*?)<\/(?:x:)?is>/.exec(body)?.[1] ?? '';
    out.set(at('r'), { t: at('t'), s: at('s'), f: f ? (f[1] ?? f[0]) : '', v });
  }
  return out;
}

export function diffPackages(a: Uint8Array, b: Uint8Array): PackageDiff {
  const pa = readPackage(a);
  const pb = readPackage(b);
  const diff: PackageDiff = { added: [], removed: [], changed: [], same: [], cells: [] };
  for (const name of pa.names) {
    const x = pa.parts.get(name);
    const y = pb.parts.get(name);
    if (!y) diff.removed.push(name);
    else if (x && Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0) diff.same.push(name);
    else {
      diff.changed.push(name);
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && x) {
        const ca = cellsOf(dec.decode(x));
        const cb = cellsOf(dec.decode(y));
        for (const ref of new Set([...ca.keys(), ...cb.keys()])) {
          const p = JSON.stringify(ca.get(ref) ?? null);
          const q = JSON.stringify(cb.get(ref) ?? null);
          if (p !== q) diff.cells.push(`${name}!${ref}: ${p} → ${q}`);
        }
      }
    }
  }
  for (const name of pb.names) if (!pa.parts.has(name)) diff.added.push(name);
  return diff;
}

/**
 * The declared differences: what each kind of part may gain from an annotation. Each pattern matches
 * one element the tool inserts; a changed part must equal the original once they are removed.
 */
const DECLARED: { part: RegExp; what: string; remove: RegExp[] }[] = [
  {
    part: /^xl\/worksheets\/sheet\d+\.xml$/,
    what: 'report sheet: the tool’s conditionalFormatting blocks (its signature expression) and a legacyDrawing reference for new notes',
    remove: [
      /<(x:)?conditionalFormatting sqref="[A-Z0-9: ]+"><(x:)?cfRule type="expression" dxfId="\d+" priority="\d+" stopIfTrue="0"><(x:)?formula>ISTEXT\("ZoneReport:highlight"\)<\/(x:)?formula><\/(x:)?cfRule><\/(x:)?conditionalFormatting>/g,
      /<(x:)?legacyDrawing (xmlns:r="[^"]+" )?r:id="rId\d+"\/>/g,
    ],
  },
  {
    part: /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
    what: 'sheet relationships: the comments and vmlDrawing parts the tool created',
    remove: [/<Relationship Id="rId\d+" Type="[^"]+\/(comments|vmlDrawing)" Target="\.\.\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)"\/>/g],
  },
  {
    part: /^xl\/comments\d+\.xml$/,
    what: 'comments: the author ZoneReport and its notes',
    remove: [/<author>ZoneReport<\/author>/g, /<comment ref="[A-Z]+\d+" authorId="\d+"><text><r><t xml:space="preserve">[^<]*<\/t><\/r><\/text><\/comment>/g],
  },
  {
    part: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    what: 'legacy drawing: the tool’s note shapes',
    remove: [/<v:shape id="_x0000_s\d+" type="#_x0000_t202" style="position:absolute;margin-left:80pt;[\s\S]*?<\/v:shape>/g],
  },
  {
    part: /^xl\/styles\.xml$/,
    what: 'styles: appended dxfs (highlight levels) and fonts/fills/numFmts/cellXfs of the tool sheets, with their counts',
    remove: [],
  },
  {
    part: /^\[Content_Types\]\.xml$/,
    what: 'content types: overrides of the added parts and the vml default',
    remove: [/<Override PartName="\/xl\/(worksheets\/sheet\d+|comments\d+)\.xml" ContentType="[^"]+"\/>/g, /<Default Extension="vml" ContentType="[^"]+"\/>/g],
  },
  {
    part: /^xl\/workbook\.xml$/,
    what: 'workbook: the tool sheets 核查结果 and ZoneReport配置 (veryHidden)',
    remove: [/<(x:)?sheet name="(核查结果|ZoneReport配置)" sheetId="\d+"( state="veryHidden")? (xmlns:r="[^"]+" )?r:id="rId\d+"\/>/g],
  },
  {
    part: /^xl\/_rels\/workbook\.xml\.rels$/,
    what: 'workbook relationships: the tool sheets',
    remove: [/<Relationship Id="rId\d+" Type="[^"]+\/worksheet" Target="worksheets\/sheet\d+\.xml"\/>/g],
  },
];

export const DECLARED_TEXT = DECLARED.map((d) => d.what);

/** styles.xml: each collection of the output starts with the input's entries; only counts differ outside them. */
function stylesUndeclared(a: string, b: string): string[] {
  const problems: string[] = [];
  const colls = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];
  let ra = a;
  let rb = b;
  for (const c of colls) {
    const re = new RegExp(`<${c}\\b[^>]*?(\\/>|>([\\s\\S]*?)<\\/${c}>)`);
    const ma = re.exec(ra);
    const mb = re.exec(rb);
    if (!mb) {
      if (ma) problems.push(`styles.xml lost <${c}>`);
      continue;
    }
    const inner = (m: RegExpExecArray | null): string => (m ? (m[2] ?? '') : '');
    if (!inner(mb).startsWith(inner(ma))) problems.push(`styles.xml <${c}>: the input's entries are not kept in front`);
    if (ma) ra = ra.replace(ma[0], `<${c}/>`);
    rb = rb.replace(mb[0], ma ? `<${c}/>` : '');
  }
  if (ra !== rb) problems.push('styles.xml changed outside its collections');
  return problems;
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

/**
 * `out` without the declared elements it has more of than `input` (the last ones: the tool appends).
 * A declared element the input already had is kept, so removing a user's element is still caught.
 */
function stripInserted(out: string, input: string, patterns: RegExp[]): string {
  let s = out;
  for (const re of patterns) {
    const matches = [...s.matchAll(re)];
    const excess = new Map<string, number>();
    for (const m of matches) excess.set(m[0], (excess.get(m[0]) ?? count(s, m[0]) - count(input, m[0])));
    const cut: [number, number][] = [];
    for (const m of [...matches].reverse()) {
      const k = excess.get(m[0]) ?? 0;
      if (k <= 0) continue;
      excess.set(m[0], k - 1);
      cut.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
    for (const [a, b] of cut) s = s.slice(0, a) + s.slice(b);
  }
  return s;
}

/** Differences not declared above (empty = the annotation only added what it may). */
export function undeclared(a: Uint8Array, b: Uint8Array, toolParts: Set<string>): string[] {
  const pa = readPackage(a);
  const pb = readPackage(b);
  const d = diffPackages(a, b);
  const out: string[] = [];
  for (const r of d.removed) out.push(`removed: ${r}`);
  for (const n of d.added) {
    if (toolParts.has(n)) continue;
    if (/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/.test(n)) continue;
    out.push(`added: ${n}`);
  }
  for (const c of d.cells) out.push(`cell: ${c}`);
  for (const name of d.changed) {
    const x = dec.decode(pa.parts.get(name));
    const y = dec.decode(pb.parts.get(name));
    if (toolParts.has(name)) continue; // a tool sheet that existed before is replaced
    const rule = DECLARED.find((r) => r.part.test(name));
    if (!rule) {
      out.push(`changed: ${name}`);
      continue;
    }
    if (name === 'xl/styles.xml') {
      out.push(...stylesUndeclared(x, y));
      continue;
    }
    if (stripInserted(y, x, rule.remove) !== x) out.push(`changed beyond what is declared: ${name}`);
  }
  return out;
}
