import type { AstNode } from 'langium';
import type {
  AddOperation,
  PatchOperation,
  PatchPart,
  RemoveOperation,
  RenameOperation,
  ReplaceOperation,
  Template,
} from '../generated/ast.js';
import {
  isAddOperation,
  isAxisNode,
  isChecksDecl,
  isLegacyMarkersDecl,
  isMarker,
  isMarkersDecl,
  isNoticeDecl,
  isPatchOperation,
  isRemoveOperation,
  isRenameOperation,
  isReplaceOperation,
  isRule,
  isSection,
  isSupersedesDecl,
  isTable,
  isTitleDecl,
  isYearsDecl,
} from '../generated/ast.js';
import type { TemplateCheckCode, TemplateMessageArgs } from '../validation/template-check-codes.js';
import type { SourceText } from './source-text.js';
import { MergedTextBuilder } from './source-text.js';
import type { TemplatePart, TextChunk } from './template-parts.js';
import { emitPart, partOf, propertyRange } from './template-parts.js';

/**
 * Flattening a template that `extends` another: the inherited parts (already flattened when the base
 * extends a template in turn) are patched by the derived template's operations, in the order written,
 * then its own declarations are added, and the result is written out as one ordinary template text. That
 * text is parsed, linked and checked as a whole, so a reference to a removed part is an unresolved
 * reference at the reference, exactly as in a hand-written template.
 *
 * Header declarations (`title`, `notice`, `years`) of the derived template replace the inherited ones;
 * its `checks` override the inherited switches one by one; its `markers` and `legacy markers` are added
 * to the inherited ones; its sections, tables and rules are added after the inherited ones.
 */

/** A problem of a patch, at a node of the derived template. */
export interface FlattenProblem {
  code: TemplateCheckCode;
  node: AstNode;
  property?: string;
  args: TemplateMessageArgs;
}

/** The flattened template text (absent when a patch failed) and the problems of the patches. */
export interface FlattenResult {
  merged?: SourceText;
  problems: FlattenProblem[];
}

type ListKind = 'sections' | 'tables' | 'rules' | 'markers' | 'legacyMarkers';

interface Parts {
  sections: TemplatePart[];
  tables: TemplatePart[];
  rules: TemplatePart[];
  markers: TemplatePart[];
  legacyMarkers: TemplatePart[];
}

const partKindOf: Record<string, (part: PatchPart) => boolean> = {
  sections: isSection,
  tables: isTable,
  rules: isRule,
  markers: isMarker,
  legacyMarkers: isMarker,
  rows: (part) => isAxisNode(part) && part.kind !== 'column',
  columns: (part) => isAxisNode(part) && part.kind !== 'row',
};

/** Flatten `derived` (written in `derivedSource`) over `base` (written in `baseSource`). */
export function flattenTemplate(derived: Template, derivedSource: SourceText, base: Template, baseSource: SourceText, uri: string): FlattenResult {
  const problems: FlattenProblem[] = [];
  const baseMembers = base.members ?? [];
  const members = derived.members ?? [];
  const collect = <T extends PatchPart>(nodes: T[], source: SourceText): TemplatePart[] =>
    nodes.map((node) => partOf(node, source)).filter((part) => part !== undefined);
  const parts: Parts = {
    sections: collect(baseMembers.filter(isSection), baseSource),
    tables: collect(baseMembers.filter(isTable), baseSource),
    rules: collect(baseMembers.filter(isRule), baseSource),
    markers: collect(baseMembers.filter(isMarkersDecl).flatMap((d) => d.markers ?? []), baseSource),
    legacyMarkers: collect(baseMembers.filter(isLegacyMarkersDecl).flatMap((d) => (d.markers ?? []) as never[]), baseSource),
  };
  for (const operation of members.filter(isPatchOperation)) {
    applyOperation(operation, parts, derivedSource, problems);
  }
  parts.sections.push(...collect(members.filter(isSection), derivedSource));
  parts.tables.push(...collect(members.filter(isTable), derivedSource));
  parts.rules.push(...collect(members.filter(isRule), derivedSource));
  parts.markers.push(...collect(members.filter(isMarkersDecl).flatMap((d) => d.markers ?? []), derivedSource));
  parts.legacyMarkers.push(...collect(members.filter(isLegacyMarkersDecl).flatMap((d) => (d.markers ?? []) as never[]), derivedSource));
  if (problems.length > 0) return { problems };

  const out = new MergedTextBuilder();
  const at = propertyRange(derived, 'base')?.start ?? derived.$cstNode?.offset ?? 0;
  const glue = (text: string): void => out.generated(text, derivedSource, at);
  const nameRange = propertyRange(derived, 'name');
  glue('template ');
  if (nameRange) out.copy(derivedSource, nameRange.start, nameRange.end);
  else glue(derived.name);
  glue(' {\n');
  const copyNodes = (nodes: AstNode[], source: SourceText): void => {
    for (const node of nodes) {
      if (!node.$cstNode) continue;
      out.copy(source, node.$cstNode.offset, node.$cstNode.end);
      glue('\n');
    }
  };
  for (const is of [isTitleDecl, isNoticeDecl, isYearsDecl] as Array<(node: unknown) => boolean>) {
    const own = members.filter(is);
    if (own.length > 0) copyNodes(own, derivedSource);
    else copyNodes(baseMembers.filter(is), baseSource);
  }
  copyNodes(members.filter(isSupersedesDecl), derivedSource);
  emitChecks(base, baseSource, derived, derivedSource, out, glue);
  emitList('markers', parts.markers, out, glue);
  emitList('legacy markers', parts.legacyMarkers, out, glue);
  for (const part of [...parts.sections, ...parts.tables, ...parts.rules]) {
    emitPart(part, out);
    glue('\n');
  }
  glue('}\n');
  return { merged: out.build(uri), problems };
}

function emitList(keyword: string, list: TemplatePart[], out: MergedTextBuilder, glue: (text: string) => void): void {
  if (list.length === 0) return;
  glue(`${keyword} {\n`);
  for (const part of list) {
    emitPart(part, out);
    glue('\n');
  }
  glue('}\n');
}

/** The inherited generic-check switches, each overridden by the derived template's switch of the same key. */
function emitChecks(
  base: Template,
  baseSource: SourceText,
  derived: Template,
  derivedSource: SourceText,
  out: MergedTextBuilder,
  glue: (text: string) => void,
): void {
  const baseSwitches = (base.members ?? []).filter(isChecksDecl).flatMap((d) => d.switches ?? []);
  const ownSwitches = (derived.members ?? []).filter(isChecksDecl).flatMap((d) => d.switches ?? []);
  if (baseSwitches.length + ownSwitches.length === 0) return;
  const overridden = new Set(ownSwitches.map((s) => s.key));
  glue('checks {\n');
  for (const [switches, source] of [
    [baseSwitches.filter((s) => !overridden.has(s.key)), baseSource],
    [ownSwitches, derivedSource],
  ] as const) {
    for (const setting of switches) {
      if (!setting.$cstNode) continue;
      out.copy(source, setting.$cstNode.offset, setting.$cstNode.end);
      glue('\n');
    }
  }
  glue('}\n');
}

/** Where an operation's targets live: a top-level list, or an axis of a table. */
interface Place {
  /** The list holding the target (or the axis' top level, for `add` without a position). */
  list: TemplatePart[];
  index: number;
}

function applyOperation(operation: PatchOperation, parts: Parts, source: SourceText, problems: FlattenProblem[]): void {
  const axis = operation.kind === 'rows' || operation.kind === 'columns' ? operation.kind : undefined;
  let roots: TemplatePart[];
  if (axis) {
    if (operation.table === undefined) {
      problems.push({ code: 'patch-needs-table', node: operation, property: 'kind', args: { kind: operation.kind } });
      return;
    }
    const table = parts.tables.find((part) => part.name === operation.table);
    if (!table) {
      problems.push({ code: 'patch-target-missing', node: operation, property: 'table', args: { kind: 'tables', name: operation.table } });
      return;
    }
    roots = table[axis] ?? [];
  } else {
    if (operation.table !== undefined) {
      problems.push({ code: 'patch-needs-table', node: operation, property: 'table', args: { kind: operation.kind } });
      return;
    }
    roots = parts[operation.kind as ListKind];
  }
  const find = (name: string, property: string): Place | undefined => {
    const place = axis ? findAxisPlace(roots, name) : findInList(roots, name);
    if (!place) {
      problems.push({ code: 'patch-target-missing', node: operation, property, args: { kind: operation.kind, name } });
    }
    return place;
  };
  const newParts = (list: PatchPart[]): TemplatePart[] | undefined => {
    const wrong = list.find((part) => !partKindOf[operation.kind](part));
    if (wrong) {
      problems.push({ code: 'patch-wrong-part', node: wrong, args: { kind: operation.kind } });
      return undefined;
    }
    return list.map((part) => partOf(part, source)).filter((part) => part !== undefined);
  };
  if (isAddOperation(operation)) applyAdd(operation, roots, find, newParts, problems);
  else if (isRemoveOperation(operation)) applyRemove(operation, find);
  else if (isRenameOperation(operation)) applyRename(operation, find, source);
  else if (isReplaceOperation(operation)) applyReplace(operation, roots, find, newParts, problems);
}

type Finder = (name: string, property: string) => Place | undefined;
type PartMaker = (list: PatchPart[]) => TemplatePart[] | undefined;

function applyAdd(operation: AddOperation, roots: TemplatePart[], find: Finder, newParts: PartMaker, problems: FlattenProblem[]): void {
  const added = newParts(operation.parts ?? []);
  if (!added) return;
  if (operation.anchor === undefined || operation.place === undefined) {
    roots.push(...added);
    return;
  }
  const place = find(operation.anchor, 'anchor');
  if (!place) return;
  if (operation.place === 'into') {
    const group = place.list[place.index];
    if (!group.children) {
      problems.push({ code: 'patch-wrong-part', node: operation, property: 'anchor', args: { kind: operation.kind } });
      return;
    }
    group.children.push(...added);
    return;
  }
  place.list.splice(operation.place === 'before' ? place.index : place.index + 1, 0, ...added);
}

function applyRemove(operation: RemoveOperation, find: Finder): void {
  for (const target of operation.targets ?? []) {
    const place = find(target, 'targets');
    if (place) place.list.splice(place.index, 1);
  }
}

function applyReplace(operation: ReplaceOperation, roots: TemplatePart[], find: Finder, newParts: PartMaker, problems: FlattenProblem[]): void {
  const replacement = newParts(operation.parts ?? []);
  if (!replacement) return;
  if (operation.target === undefined) {
    if (operation.kind !== 'markers' && operation.kind !== 'legacyMarkers') {
      problems.push({ code: 'patch-needs-target', node: operation, property: 'kind', args: { kind: operation.kind } });
      return;
    }
    roots.splice(0, roots.length, ...replacement);
    return;
  }
  const place = find(operation.target, 'target');
  if (place) place.list.splice(place.index, 1, ...replacement);
}

function applyRename(operation: RenameOperation, find: Finder, source: SourceText): void {
  if (operation.target === undefined) return;
  const place = find(operation.target, 'target');
  if (!place) return;
  const part = place.list[place.index];
  const labelNode = part.kind === 'rule' ? (part.node as { title?: AstNode }).title : part.node;
  const labelProperty = part.kind === 'section' ? 'heading' : part.kind === 'rule' ? 'zh' : part.kind === 'marker' ? 'text' : 'label';
  const label = propertyRange(labelNode, labelProperty);
  const newLabel = propertyRange(operation, 'label');
  if (!label || !newLabel) return;
  const newEn = propertyRange(operation, 'en');
  const oldEn = newEn ? propertyRange(labelNode, 'en') : undefined;
  const chunks: TextChunk[] = [{ source, start: newLabel.start, end: newLabel.end }];
  if (newEn && oldEn) {
    chunks.push({ text: ' en ', source, at: newEn.start }, { source, start: newEn.start, end: newEn.end });
    part.substitutions.push({ start: label.start, end: oldEn.end, chunks });
    return;
  }
  if (newEn) chunks.push({ text: ' en ', source, at: newEn.start }, { source, start: newEn.start, end: newEn.end });
  part.substitutions.push({ start: label.start, end: label.end, chunks });
}

function findInList(list: TemplatePart[], name: string): Place | undefined {
  const index = list.findIndex((part) => part.name === name);
  return index < 0 ? undefined : { list, index };
}

/** A row or column by its full id (`results.refused.stateSecret`). */
function findAxisPlace(roots: TemplatePart[], id: string): Place | undefined {
  let list = roots;
  const names = id.split('.');
  for (const [depth, name] of names.entries()) {
    const index = list.findIndex((part) => part.name === name);
    if (index < 0) return undefined;
    if (depth === names.length - 1) return { list, index };
    const children = list[index].children;
    if (!children) return undefined;
    list = children;
  }
  return undefined;
}
