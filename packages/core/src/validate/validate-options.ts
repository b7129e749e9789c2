import type { TemplateIR } from '../ir/template-ir.js';
import type { Locale } from '../messages/index.js';
import type { TextView } from '../read/text-view.js';

/** Options of {@link validateReport}. */
export interface ValidateOptions {
  /** Message language (default zh-CN). */
  locale?: Locale;
  /** The templates the report could have been written in (for the wrong-template checks). */
  templates?: readonly TemplateIR[];
  /**
   * The normalised view of the report's original text (the one the parser used). When absent it is
   * rebuilt from `report.source.text`.
   */
  normalized?: TextView;
  /**
   * A time limit (a `checkClock()` value): checks not started by then are skipped and one
   * `structure/check-timeout` finding says so.
   */
  deadline?: { at: number; seconds: number };
  /**
   * Build of each finding only what a fix's re-check judges it by (see `verifySuggestions`: its code,
   * rule and cells; its message and start when it has no cells): a finding with cells gets an empty
   * message, none gets related locations or suggestions, and the findings are not sorted. Which findings
   * there are, and those parts of them, are the same as without it (default false).
   */
  findingsOnly?: boolean;
}
