/**
 * The tool's conditional formats inside a worksheet part: added as top-level <conditionalFormatting>
 * blocks in the position CT_Worksheet requires (Excel refuses a file whose elements are out of
 * order), and removed again by matching what the record says was added. The user's own conditional
 * formats — classic and x14 — are never edited: the tool's rules take priorities after all of
 * theirs, so the user's rules keep their numbers (and, in Excel, their precedence).
 */
import { splitAreas } from '../../domain/a1-areas';
import { HIGHLIGHT_FORMULA, isHighlightFormula } from '../../domain/output/highlight-record';
import { attr, children, root, splice, unescapeXml, type Span } from './xml-scan';

/** Top-level worksheet elements that must come after conditionalFormatting. */
const AFTER_CF = [
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
/** …and those after legacyDrawing. */
export const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export interface CfBlock {
  /** areas, comma-separated (the record's form) */
  address: string;
  dxfId: number;
  priority: number;
}

function prefixOfRoot(r: Span): string {
  return r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
}

/** The highest priority of any rule in the sheet (classic and x14), 0 when none. */
export function maxPriority(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** "D4:D9,$F$12" or "D4:D9 F12" → a canonical form for comparison. */
export function canonicalAreas(address: string): string {
  return splitAreas(address.trim().replace(/\s+/g, ','))
    .map((a) => a.replace(/\$/g, '').toUpperCase())
    .sort()
    .join(',');
}

/** Inserts a top-level element in a worksheet before the first of `before` (or before the root's end). */
export function insertTopLevel(xml: string, el: string, before: readonly string[]): string {
  const r = root(xml);
  if (!r) throw new Error('worksheet has no root element');
  const kids = children(xml, r);
  const next = kids.find((k) => before.includes(k.local));
  const at = next ? next.start : r.closeStart;
  return splice(xml, at, at, el);
}

/** The sheet XML with the tool's blocks added. */
export function addCfBlocks(xml: string, blocks: CfBlock[]): string {
  if (blocks.length === 0) return xml;
  const r = root(xml);
  if (!r) throw new Error('worksheet has no root element');
  const p = prefixOfRoot(r);
  const text = blocks
    .map(
      (b) =>
        `<${p}conditionalFormatting sqref="${splitAreas(b.address).join(' ')}"><${p}cfRule type="expression" dxfId="${b.dxfId}" priority="${b.priority}" stopIfTrue="0"><${p}formula>${HIGHLIGHT_FORMULA.slice(1)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    )
    .join('');
  // Before the user's own blocks: LibreOffice shows one conditional format per cell, the first in
  // document order, so a user's data bar listed first would hide the highlight there. Excel goes by
  // priority, where the user's rules keep theirs (ours come after them).
  return insertTopLevel(xml, text, ['conditionalFormatting', ...AFTER_CF]);
}

/**
 * Removes the blocks the record names: a top-level block whose areas equal a recorded address and
 * whose one rule is an expression with the tool's signature formula (what both ports write), or TRUE
 * (what they wrote before the signature). Each recorded address removes at
 * most one block. Returns the new XML and the dxf ids the removed rules used.
 */
export function removeRecordedCf(xml: string, addresses: string[]): { xml: string; dxfIds: number[] } {
  const r = root(xml);
  if (!r || addresses.length === 0) return { xml, dxfIds: [] };
  const wanted = addresses.map(canonicalAreas);
  const remove: Span[] = [];
  const dxfIds: number[] = [];
  for (const k of children(xml, r)) {
    if (k.local !== 'conditionalFormatting') continue;
    const i = wanted.indexOf(canonicalAreas(attr(k.tag, 'sqref') ?? ''));
    if (i < 0) continue;
    const rules = children(xml, k);
    if (rules.length !== 1 || rules[0].local !== 'cfRule' || attr(rules[0].tag, 'type') !== 'expression') continue;
    const formulas = children(xml, rules[0]).filter((f) => f.local === 'formula');
    const formula = formulas.length === 1 ? unescapeXml(xml.slice(formulas[0].openEnd, formulas[0].closeStart)).trim() : '';
    if (!isHighlightFormula(formula) && formula.toUpperCase() !== 'TRUE') continue;
    wanted.splice(i, 1);
    remove.push(k);
    const d = attr(rules[0].tag, 'dxfId');
    if (d !== undefined) dxfIds.push(Number(d));
  }
  let out = xml;
  for (const k of remove.reverse()) out = splice(out, k.start, k.end, '');
  return { xml: out, dxfIds };
}
