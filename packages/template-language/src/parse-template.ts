import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { TemplateFile } from './generated/ast.js';
import type { TemplateDiagnostic } from './diagnostics/template-diagnostic.js';
import { lineOffsets, toTemplateDiagnostic } from './diagnostics/template-diagnostic.js';
import type { NianbaoTemplateServices } from './nianbao-template-module.js';
import { createNianbaoTemplateServices } from './nianbao-template-module.js';
import type { SourceText, TemplateSourceFile } from './inheritance/source-text.js';
import { fileSourceText } from './inheritance/source-text.js';
import { resolveInheritance } from './inheritance/resolve-inheritance.js';

/** The result of parsing, linking and checking one template text. */
export interface ParsedTemplate {
  /** The Langium document (already removed from the workspace; its AST stays linked). */
  document: LangiumDocument<TemplateFile>;
  /** The root of the AST. For a template that `extends` another, the AST of the flattened template. */
  ast: TemplateFile;
  /** Syntax, reference and template-check diagnostics, in document order. */
  diagnostics: TemplateDiagnostic[];
  /** The text the AST was parsed from, with the origin of each offset (the flattened text for `extends`). */
  source: SourceText;
}

/**
 * Finds the source of a template by id, for `extends`: the built-in templates and the templates a
 * project adds (see `@nianbao/core`'s template registry). Undefined when no template has that id.
 */
export type TemplateSourceResolver = (id: string) => TemplateSourceFile | undefined;

/** Options of {@link parseTemplate}. */
export interface ParseTemplateOptions {
  /** Where `extends` finds its base templates (none: every `extends` is an unknown template). */
  resolveBase?: TemplateSourceResolver;
  /** Ids of the templates being flattened (to detect a cycle). */
  chain?: string[];
}

let sharedServices: NianbaoTemplateServices | undefined;
let documentCounter = 0;

/** The services `parseTemplate` uses (created once, without a file system). */
export function templateServices(): NianbaoTemplateServices {
  sharedServices ??= createNianbaoTemplateServices().NianbaoTemplate;
  return sharedServices;
}

/**
 * Parse, link and check a template text with Langium's document builder (no file system needed).
 * A template that `extends` another is flattened over its base (found with `options.resolveBase`) and
 * checked as a whole; diagnostics point into the file where the text concerned was written.
 * Never throws for bad input: syntax errors, unresolved references and failed checks are diagnostics.
 */
export async function parseTemplate(
  text: string,
  uri?: string,
  services: NianbaoTemplateServices = templateServices(),
  options: ParseTemplateOptions = {},
): Promise<ParsedTemplate> {
  const parsed = await parseSingleTemplate(text, uri, services);
  if (parsed.ast.template?.base === undefined) return parsed;
  return resolveInheritance(parsed, uri, options, (merged, mergedUri) => parseSingleTemplate(merged, mergedUri, services), (base) =>
    parseTemplate(base.text, base.uri, services, { ...options, chain: [...(options.chain ?? []), parsed.ast.template?.name ?? ''] }),
  );
}

/** Parse, link and check one text as it is (no flattening). */
export async function parseSingleTemplate(text: string, uri: string | undefined, services: NianbaoTemplateServices): Promise<ParsedTemplate> {
  documentCounter += 1;
  const documentUri = URI.parse(uri ?? `inmemory:///template-${documentCounter}.nbt`);
  const shared = services.shared;
  const documents = shared.workspace.LangiumDocuments;
  if (documents.hasDocument(documentUri)) {
    documents.deleteDocument(documentUri);
  }
  const document = shared.workspace.LangiumDocumentFactory.fromString<TemplateFile>(text, documentUri);
  documents.addDocument(document);
  try {
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
  } finally {
    documents.deleteDocument(documentUri);
  }
  const offsets = lineOffsets(text);
  const diagnostics = (document.diagnostics ?? [])
    .map((diagnostic) => toTemplateDiagnostic(diagnostic, text, uri, offsets))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { document, ast: document.parseResult.value, diagnostics, source: fileSourceText({ uri: uri ?? documentUri.toString(), text }) };
}
