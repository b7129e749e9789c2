import { lineOffsets, toTemplateDiagnostic, type LangiumDiagnostic } from '@nianbao/template-language';
import { DocumentState, URI, type LangiumDocuments } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ServerLocale, ServerSettings } from '../settings/index.js';

/**
 * The diagnostics of a template (`text`) worded in `locale`. Langium keeps the template checks' Chinese
 * message with the English in `data.en`, and words syntax and reference errors in Chevrotain's and its own
 * English; the template language restates all of them in both languages. Everything but the message (range,
 * severity, code, data) is kept, so quick fixes still find their diagnostics.
 */
export function localizeTemplateDiagnostics(diagnostics: Diagnostic[], text: string, locale: ServerLocale): Diagnostic[] {
  const offsets = lineOffsets(text);
  return diagnostics.map((diagnostic) => {
    const message = toTemplateDiagnostic(diagnostic as LangiumDiagnostic, text, undefined, offsets).message[locale];
    return { ...diagnostic, message };
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
): Connection {
  const publish = (params: PublishDiagnosticsParams): Promise<void> => {
    let diagnostics = params.diagnostics;
    try {
      const text = documents().getDocument(URI.parse(params.uri))?.textDocument.getText();
      if (text !== undefined) diagnostics = localizeTemplateDiagnostics(diagnostics, text, settings.value.locale);
    } catch (error) {
      console.error('nianbao: wording template diagnostics failed', error);
    }
    return connection.sendDiagnostics({ ...params, diagnostics });
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
