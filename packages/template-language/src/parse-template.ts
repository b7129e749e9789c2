import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { TemplateFile } from './generated/ast.js';
import type { TemplateDiagnostic } from './diagnostics/template-diagnostic.js';
import { lineOffsets, toTemplateDiagnostic } from './diagnostics/template-diagnostic.js';
import type { NianbaoTemplateServices } from './nianbao-template-module.js';
import { createNianbaoTemplateServices } from './nianbao-template-module.js';

/** The result of parsing, linking and checking one template text. */
export interface ParsedTemplate {
  /** The Langium document (already removed from the workspace; its AST stays linked). */
  document: LangiumDocument<TemplateFile>;
  /** The root of the AST. */
  ast: TemplateFile;
  /** Syntax, reference and template-check diagnostics, in document order. */
  diagnostics: TemplateDiagnostic[];
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
 * Never throws for bad input: syntax errors, unresolved references and failed checks are diagnostics.
 */
export async function parseTemplate(text: string, uri?: string, services: NianbaoTemplateServices = templateServices()): Promise<ParsedTemplate> {
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
  return { document, ast: document.parseResult.value, diagnostics };
}
