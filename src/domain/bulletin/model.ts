/**
 * The quarterly bulletin (季度通报) as plain data: a title, a draft/preview mark and a list of blocks
 * (headings, paragraphs, a table, placeholders the bureau fills in). The domain decides every word
 * and figure here; a renderer (src/docx/) only lays it out in the national format for official
 * documents (GB/T 9704-2012), so the figures can be tested without opening a .docx.
 */
import type { WarningLevel } from '../types';

export interface BulletinCell {
  text: string;
  /** columns this cell spans (default 1) */
  colSpan?: number;
  /** rows this cell spans, in the header (default 1) */
  rowSpan?: number;
  align?: 'left' | 'center';
  /** fill of the cell by warning level (the zone's name cell) */
  level?: WarningLevel;
  bold?: boolean;
}

export interface BulletinTable {
  /** caption above the table, e.g. 表1 … */
  caption: string;
  /** relative column widths (they are scaled to the text width) */
  widths: number[];
  /** header rows, repeated on every page the table runs onto */
  header: BulletinCell[][];
  rows: BulletinCell[][];
  /** notes printed under the table (注:…) */
  notes: string[];
}

export type BulletinBlock =
  /** 一、总体情况 — 3号黑体 */
  | { kind: 'heading1'; text: string }
  /** (一)红色预警 — 3号楷体 */
  | { kind: 'heading2'; text: string }
  /** body text, first line indented two characters; `lead` is set in bold before it (1.某开发区。) */
  | { kind: 'paragraph'; text: string; lead?: string }
  /** text the bureau replaces (highlighted) */
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; table: BulletinTable }
  /** signature and date lines, right-aligned (placeholders until the bureau signs) */
  | { kind: 'signature'; lines: string[] };

export interface BulletinDoc {
  title: string;
  /** the title as printed, broken where the words allow (梯形: the longer line first) */
  titleLines: string[];
  /** the mark on every page until the document is final ("草稿"), or for a preview ("预览") */
  mark: string | null;
  /** false at a quarter end: the month is not a quarter end, the warnings are a preview */
  preview: boolean;
  /** a file name for downloads, e.g. 2026年三季度开发区运行及预警通报.docx */
  fileName: string;
  blocks: BulletinBlock[];
}

/** The document's text, block by block (headings, paragraphs, table cells row by row), for tests and search. */
export function bulletinText(doc: BulletinDoc): string[] {
  const out: string[] = [doc.title];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push((b.lead ?? '') + b.text);
    else if (b.kind === 'table') {
      out.push(b.table.caption);
      for (const row of [...b.table.header, ...b.table.rows]) out.push(row.map((c) => c.text).join('\t'));
      out.push(...b.table.notes);
    } else if (b.kind === 'signature') out.push(...b.lines);
    else out.push(b.text);
  }
  return out;
}
