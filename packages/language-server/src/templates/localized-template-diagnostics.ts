import { lineOffsets, toTemplateDiagnostic, type LangiumDiagnostic } from '@nianbao/template-language';
import { DocumentState, URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerLocale, ServerSettings } from '../settings/index.js';

/**
 * The diagnostics of a template (`text`) worded in `locale`. Langium keeps the template checks' Chinese
 * message with the English in `data.en`, and words syntax and reference errors in Chevrotain's and its own
 * English; the template language restates all of them in both languages. Everything but the message (range,
 * severity, code, data) is kept, so quick fixes still find their diagnostics; a diagnostic without a code
 * gets the template language's.
 */
export function localizeTemplateDiagnostics(diagnostics: Diagnostic[], text: string, locale: ServerLocale): Diagnostic[] {
  const offsets = lineOffsets(text);
  return diagnostics.map((diagnostic) => {
    const worded = toTemplateDiagnostic(diagnostic as LangiumDiagnostic, text, undefined, offsets);
    // Langium gives syntax and linking errors no code; they get the template language's (`syntax-error`,
    // `unresolved-reference`), so a client can key on every diagnostic of a template.
    const code = diagnostic.code ?? (worded.code === 'internal-error' ? undefined : worded.code);
    return code === undefined ? { ...diagnostic, message: worded.message[locale] } : { ...diagnostic, code, message: worded.message[locale] };
  });
}

/**
 * A view of `connection` for Langium to publish template diagnostics through: each publication is worded in
 * the server's locale (the text comes from Langium's document of that URI; a URI Langium does not know is
 * passed on as it is, and so is a publication that cannot be worded). When the locale changes, the diagnostics of every validated template are published
 * again in the new one, without rebuilding anything.
 */
export function publishTemplateDiagnosticsInLocale(
  connection: Connection,
  settings: ServerSettings,
  documents: () => LangiumDocuments,
  versions: TemplateVersions = new TemplateVersions(),
): Connection {
  const publish = (params: PublishDiagnosticsParams): Promise<void> => {
    let diagnostics = params.diagnostics;
    let version = params.version;
    try {
      const document = documents().getDocument(URI.parse(params.uri));
      const text = document?.textDocument.getText();
      if (text !== undefined) diagnostics = localizeTemplateDiagnostics(diagnostics, text, settings.value.locale);
      // The version of the text these diagnostics are about (open documents only; none for a withdrawal).
      if (document && version === undefined) version = versions.of(document);
    } catch (error) {
      console.error('nianbao: wording template diagnostics failed', error);
    }
    return connection.sendDiagnostics(version === undefined ? { ...params, diagnostics } : { ...params, diagnostics, version });
  };
  let locale = settings.value.locale;
  settings.onChange((next) => {
    if (next.locale === locale) return;
    locale = next.locale;
    for (const document of documents().all) {
      if (document.state < DocumentState.Validated || !document.diagnostics) continue;
      publish({ uri: document.uri.toString(), diagnostics: document.diagnostics }).catch((error: unknown) =>
        console.error('nianbao: republishing template diagnostics failed', error),
      );
    }
  });
  const view = Object.create(connection) as Connection;
  Object.defineProperty(view, 'sendDiagnostics', { value: publish });
  return view;
}

/**
 * The editor's version of the text each template document was parsed from, so its diagnostics can say
 * which version they are about (LSP `PublishDiagnosticsParams.version`). Recorded when Langium parses a
 * document that is open in the editor; documents read from disk have none.
 */
export class TemplateVersions {
  private readonly parsed = new WeakMap<LangiumDocument, { text: string; version: number }>();

  /** Records the version of an open document's text as Langium parses it. */
  record(document: LangiumDocument, open: TextDocument | undefined): void {
    if (open) this.parsed.set(document, { text: open.getText(), version: open.version });
    else this.parsed.delete(document);
  }

  /** The version `document` was parsed at, when it was open and its text is still that version's. */
  of(document: LangiumDocument): number | undefined {
    const parsed = this.parsed.get(document);
    return parsed && parsed.text === document.textDocument.getText() ? parsed.version : undefined;
  }
}
