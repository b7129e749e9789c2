import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { TemplateDiagnostic, TemplatePosition } from '../diagnostics/template-diagnostic.js';
import { lineOffsets } from '../diagnostics/template-diagnostic.js';
import type { ParsedTemplate, ParseTemplateOptions } from '../parse-template.js';
import type { TemplateCheckCode, TemplateMessageArgs } from '../validation/template-check-codes.js';
import { templateCheckSeverity, templateMessage } from '../validation/template-check-codes.js';
import { flattenTemplate } from './flatten-template.js';
import type { SourceLocation, SourceText, TemplateSourceFile } from './source-text.js';

let mergedCounter = 0;

/**
 * The parse of a template that `extends` another, as a whole: its syntax errors, or the problems of its
 * patches, or the diagnostics of the flattened template mapped back to where their text was written
 * (the derived file, or the base file for an inherited part that is now wrong). The AST is the flattened
 * template's.
 */
export async function resolveInheritance(
  parsed: ParsedTemplate,
  uri: string | undefined,
  options: ParseTemplateOptions,
  parseMerged: (text: string, uri: string) => Promise<ParsedTemplate>,
  parseBase: (base: TemplateSourceFile) => Promise<ParsedTemplate>,
): Promise<ParsedTemplate> {
  const template = parsed.ast.template!;
  const syntax = parsed.diagnostics.filter((diagnostic) => diagnostic.code === 'syntax-error');
  const at = (code: TemplateCheckCode, node: AstNode, args: TemplateMessageArgs, property?: string): ParsedTemplate => ({
    ...parsed,
    diagnostics: [...syntax, problemDiagnostic(code, node, args, property, parsed.source, uri)],
  });
  if (syntax.length > 0) return { ...parsed, diagnostics: syntax };
  const baseId = template.base!;
  const chain = [...(options.chain ?? []), template.name];
  if (chain.includes(baseId)) return at('inheritance-cycle', template, { chain: [...chain, baseId].join(' → ') }, 'base');
  const baseFile = options.resolveBase?.(baseId);
  if (!baseFile) return at('unknown-base-template', template, { id: baseId, known: '—' }, 'base');
  const base = await parseBase(baseFile);
  const baseErrors = base.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (baseErrors.length > 0 || !base.ast.template) {
    const own = problemDiagnostic('base-template-errors', template, { id: baseId, count: baseErrors.length }, 'base', parsed.source, uri);
    return { ...parsed, diagnostics: [own, ...baseErrors] };
  }
  mergedCounter += 1;
  const mergedUri = `inmemory:///flattened-${mergedCounter}.nbt`;
  const flattened = flattenTemplate(template, parsed.source, base.ast.template, base.source, mergedUri);
  if (!flattened.merged) {
    return {
      ...parsed,
      diagnostics: flattened.problems.map((p) => problemDiagnostic(p.code, p.node, p.args, p.property, parsed.source, uri)),
    };
  }
  const merged = await parseMerged(flattened.merged.text, mergedUri);
  const diagnostics = merged.diagnostics
    .map((diagnostic) => mapDiagnostic(diagnostic, flattened.merged!, parsed.source.uri, uri))
    .sort((a, b) => Number(a.uri !== uri) - Number(b.uri !== uri) || a.range.start.offset - b.range.start.offset);
  return { document: merged.document, ast: merged.ast, diagnostics, source: flattened.merged };
}

function problemDiagnostic(
  code: TemplateCheckCode,
  node: AstNode,
  args: TemplateMessageArgs,
  property: string | undefined,
  source: SourceText,
  uri: string | undefined,
): TemplateDiagnostic {
  const cst = (property ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined) ?? node.$cstNode;
  const start = cst?.offset ?? 0;
  const end = cst?.end ?? start;
  const diagnostic: TemplateDiagnostic = {
    code,
    severity: templateCheckSeverity(code),
    message: templateMessage(code, args),
    range: { start: position(source.locate(start)), end: position(source.locate(end)) },
  };
  return uri === undefined ? diagnostic : { ...diagnostic, uri };
}

const offsetsCache = new WeakMap<object, number[]>();
const textKeys = new Map<string, object>();

function position(location: SourceLocation): TemplatePosition {
  let key = textKeys.get(location.text);
  if (!key) {
    key = {};
    if (textKeys.size > 64) textKeys.clear();
    textKeys.set(location.text, key);
  }
  let offsets = offsetsCache.get(key);
  if (!offsets) {
    offsets = lineOffsets(location.text);
    offsetsCache.set(key, offsets);
  }
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] <= location.offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: location.offset - offsets[low] + 1, offset: location.offset };
}

/** A diagnostic of the flattened text, moved to the file (and offsets) its text came from. */
function mapDiagnostic(diagnostic: TemplateDiagnostic, merged: SourceText, derivedUri: string, uri: string | undefined): TemplateDiagnostic {
  const start = merged.locate(diagnostic.range.start.offset);
  let end = merged.locate(diagnostic.range.end.offset);
  if (end.uri !== start.uri || end.text !== start.text || end.offset < start.offset) end = start;
  const { uri: _ignored, ...rest } = diagnostic;
  void _ignored;
  const target = start.uri === derivedUri ? uri : start.uri;
  const moved: TemplateDiagnostic = { ...rest, range: { start: position(start), end: position(end) } };
  return target === undefined ? moved : { ...moved, uri: target };
}
