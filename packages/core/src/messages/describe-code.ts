import type { LocalizedText } from '../ir/template-ir.js';
import { catalogue } from './catalogue.js';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/** The short description of a diagnostic code in both languages (catalogue entry `code-description/<code>`). */
export function codeDescription(code: DiagnosticCode): LocalizedText {
  return catalogue[`code-description/${code}`];
}

/** The short description of a diagnostic code in `locale` (default zh-CN), e.g. for a SARIF rule. */
export function describeCode(code: DiagnosticCode, locale: Locale = DEFAULT_LOCALE): string {
  return codeDescription(code)[locale];
}
