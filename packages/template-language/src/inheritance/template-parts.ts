import type { AstNode, CstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { AxisNode, Marker, Rule, Section, Table } from '../generated/ast.js';
import { isAxisNode, isRule, isSection, isTable } from '../generated/ast.js';
import type { MergedTextBuilder, SourceText } from './source-text.js';

/**
 * An inherited or added part of a template (section, table, rule, row, column or marker) as a slice
 * of its source text, with the edits patches made to it. Parts are emitted into the merged text.
 */

/** Generated text or a slice of a source. */
export type TextChunk = { source: SourceText; start: number; end: number } | { text: string; source: SourceText; at: number };

/** A replacement of `[start, end)` of a part's source by other chunks (a renamed label). */
export interface Substitution {
  start: number;
  end: number;
  chunks: TextChunk[];
}

/** What a part is. */
export type PartKindName = 'section' | 'table' | 'rule' | 'axis' | 'marker';

/** A part of a template, ready to be patched and emitted. */
export interface TemplatePart {
  kind: PartKindName;
  /** Local name (id of a section, table or rule; local name of a row or column; text of a marker). */
  name: string;
  node: AstNode;
  source: SourceText;
  start: number;
  end: number;
  substitutions: Substitution[];
  /** Children of a row or column group. */
  children?: TemplatePart[];
  /** Start of the first and end of the last original child (group), or of the axes (table). */
  inner?: { start: number; end: number };
  /** The axes of a table. */
  columns?: TemplatePart[];
  rows?: TemplatePart[];
}

function range(node: AstNode | CstNode | undefined): { start: number; end: number } | undefined {
  const cst = node && 'offset' in node ? node : node?.$cstNode;
  return cst ? { start: cst.offset, end: cst.end } : undefined;
}

/** The part of an AST node of `source`, or undefined when it has no text (recovered by the parser). */
export function partOf(node: Section | Table | Rule | AxisNode | Marker, source: SourceText): TemplatePart | undefined {
  const whole = range(node);
  if (!whole) return undefined;
  const base = { node, source, start: whole.start, end: whole.end, substitutions: [] };
  if (isSection(node)) return { ...base, kind: 'section', name: node.name };
  if (isRule(node)) return { ...base, kind: 'rule', name: node.name };
  if (isTable(node)) {
    const axes = GrammarUtils.findNodeForKeyword(node.$cstNode, 'columns');
    const columns = (node.columns ?? []).map((child) => partOf(child, source)).filter((part) => part !== undefined);
    const rows = (node.rows ?? []).map((child) => partOf(child, source)).filter((part) => part !== undefined);
    const inner = axes ? { start: axes.offset, end: whole.end } : undefined;
    return { ...base, kind: 'table', name: node.name, columns, rows, ...(inner ? { inner } : {}) };
  }
  if (isAxisNode(node)) {
    const children = (node.children ?? []).map((child) => partOf(child, source)).filter((part) => part !== undefined);
    const first = children[0];
    const last = children[children.length - 1];
    return first && last
      ? { ...base, kind: 'axis', name: node.name, children, inner: { start: first.start, end: last.end } }
      : { ...base, kind: 'axis', name: node.name };
  }
  return { ...base, kind: 'marker', name: node.text };
}

/** The CST range of a property of a node, when written. */
export function propertyRange(node: AstNode | undefined, property: string): { start: number; end: number } | undefined {
  return range(GrammarUtils.findNodeForProperty(node?.$cstNode, property));
}

/** Append a part (with its substitutions) to the merged text. */
export function emitPart(part: TemplatePart, out: MergedTextBuilder): void {
  if (part.kind === 'table' && part.inner) {
    emitSlice(part, part.start, part.inner.start, out);
    out.generated('columns {\n', part.source, part.inner.start);
    for (const column of part.columns ?? []) emitLine(column, out);
    out.generated('}\nrows {\n', part.source, part.inner.start);
    for (const row of part.rows ?? []) emitLine(row, out);
    out.generated('}\n}', part.source, part.end - 1);
    return;
  }
  if (part.inner && part.children) {
    emitSlice(part, part.start, part.inner.start, out);
    for (const child of part.children) emitLine(child, out);
    emitSlice(part, part.inner.end, part.end, out);
    return;
  }
  emitSlice(part, part.start, part.end, out);
}

function emitLine(part: TemplatePart, out: MergedTextBuilder): void {
  emitPart(part, out);
  out.generated('\n', part.source, part.end);
}

function emitSlice(part: TemplatePart, start: number, end: number, out: MergedTextBuilder): void {
  let at = start;
  const substitutions = part.substitutions.filter((s) => s.start >= start && s.end <= end).sort((a, b) => a.start - b.start);
  for (const substitution of substitutions) {
    if (substitution.start < at) continue;
    out.copy(part.source, at, substitution.start);
    for (const chunk of substitution.chunks) {
      if ('text' in chunk) out.generated(chunk.text, chunk.source, chunk.at);
      else out.copy(chunk.source, chunk.start, chunk.end);
    }
    at = substitution.end;
  }
  out.copy(part.source, at, end);
}
