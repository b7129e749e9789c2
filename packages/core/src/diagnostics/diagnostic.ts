import type { OffsetRange } from '../model/report.js';
import type { Severity } from '../ir/template-ir.js';

/**
 * The one diagnostic model shared by the CLI, the language server and SARIF output.
 * Ranges are UTF-16 offsets into the original text; line/character conversion is done at the edge.
 */

/** What a diagnostic is about. */
export type DiagnosticCategory = 'structure' | 'arithmetic' | 'cell' | 'text' | 'template' | 'quality' | 'audit';

/** A text edit on the original document. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/** A proposed fix: a message and the edits that make it. */
export interface Suggestion {
  message: string;
  edits: TextEdit[];
}

/** Another place that matters for a diagnostic (e.g. an operand of a failed equation). */
export interface RelatedLocation {
  message: string;
  range: OffsetRange;
}

/** One finding. */
export interface Diagnostic {
  /** Stable code, e.g. `arithmetic/equation`, `structure/section-missing`. */
  code: string;
  /** The template rule id behind it, if any (e.g. `R1`). */
  rule?: string;
  category: DiagnosticCategory;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related: RelatedLocation[];
  /** Arithmetic findings: the value the rule expects and the value found. */
  expected?: number;
  actual?: number;
  /** Cell ids the finding is about. */
  cells?: string[];
  /**
   * `quality/spots-omitted` and `text/findings-omitted` only: the code of the findings not listed and how
   * many, so that fixing can count them (a fix that lists the next spots in place of the mended ones is
   * still progress).
   */
  omitted?: { code: string; count: number };
  suggestions: Suggestion[];
}
