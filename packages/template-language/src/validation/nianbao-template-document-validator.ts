import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator } from 'langium';
import type { NameHint } from './name-hints.js';

type Diagnostic = NonNullable<LangiumDocument['diagnostics']>[number];
type CancellationToken = Parameters<DefaultDocumentValidator['validateDocument']>[2];

/** A linking error that carries a "did you mean" hint (see `NianbaoTemplateLinker`). */
export interface HintedLinkingError {
  hint?: NameHint;
}

/**
 * Validates template documents. After a syntax error only the syntax errors are reported: error recovery
 * leaves a tree that is not what the author wrote (a misspelt `rul` turns the rule's `title` into a second
 * template title), and checks on it would report findings that are not there. Linking errors carry their
 * "did you mean" hint in `data` (`hintZh`, `hintEn`), so the message can be worded again in either language.
 */
export class NianbaoTemplateDocumentValidator extends DefaultDocumentValidator {
  override validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
    return super.validateDocument(document, { ...options, stopAfterLexingErrors: false, stopAfterParsingErrors: true }, cancelToken);
  }

  protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
    const start = diagnostics.length;
    super.processLinkingErrors(document, diagnostics, options);
    // The base class adds one diagnostic per reference with an error, in the order of `document.references`.
    const errors = document.references.map((reference) => reference.error).filter((error) => error !== undefined);
    errors.forEach((error, index) => {
      const diagnostic = diagnostics[start + index];
      const hint = (error as HintedLinkingError).hint;
      if (diagnostic && hint && hint.zh !== '') {
        diagnostic.data = { ...(diagnostic.data as object), hintZh: hint.zh, hintEn: hint.en };
      }
    });
  }
}
