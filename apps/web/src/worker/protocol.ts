import type { Locale, Severity } from '@nianbao/core';

/** What the page asks the check worker. Every request is answered by one {@link WorkerResponse}. */
export type WorkerRequest =
  /** Check a file (or pasted text, as UTF-8 bytes named `粘贴的文本.txt`). */
  | { kind: 'open'; name: string; bytes: ArrayBuffer; locale: Locale; template: string }
  /** Check the current document again with another language or template. */
  | { kind: 'settings'; locale: Locale; template: string }
  /** Apply one suggestion of one finding. */
  | { kind: 'fix'; finding: number; suggestion: number }
  /** Apply every safe fix, verified as the CLI's `--fix` does. */
  | { kind: 'fix-all' }
  /** The templates to choose from. */
  | { kind: 'templates' };

/** The worker's answer. */
export type WorkerResponse =
  | { kind: 'checked'; page: CheckedPage; millis: number; applied?: number }
  | { kind: 'templates'; templates: Array<{ id: string; title: string }> }
  | { kind: 'failed'; message: string };

/** A checked report, as the page shows it. Offsets are UTF-16 offsets into `text`. */
export interface CheckedPage {
  fileName: string;
  /** `txt`, `md`, `html` or `docx` (of the document as it now is). */
  format: string;
  encoding: string;
  /** The text shown: the file (txt, md), the Word document's text, the web page's rendered text. */
  text: string;
  /** The corrected document to download: its name, and its content (UTF-8). */
  download: { name: string; text: string };
  /** True once a fix has been applied. */
  edited: boolean;
  template: { id: string; title: string; confidence: number } | null;
  /** `auto` or the id chosen. */
  chosenTemplate: string;
  templates: Array<{ id: string; title: string }>;
  year: number | null;
  agency: string | null;
  findings: PageFinding[];
  tables: PageTable[];
  /** How many fixes "fix all" would try. */
  safeFixes: number;
}

/** One finding. */
export interface PageFinding {
  index: number;
  code: string;
  rule?: string;
  severity: Severity;
  message: string;
  /** 1-based line and column in the document (the web page's markup for HTML). */
  line: number;
  column: number;
  /** Where it is marked in `text`. */
  mark: { start: number; end: number };
  suggestions: string[];
  /** Its only suggestion is one "fix all" may apply. */
  safe: boolean;
}

/** One table of the template, as found in the report. */
export interface PageTable {
  id: string;
  label: string;
  caption?: string;
  found: boolean;
  /** Header rows of the column tree (the corner cell first in the first row). */
  header: Array<Array<{ label: string; colspan: number; rowspan: number }>>;
  /** Rows in template order: a group heading (no cells) before the rows under it. */
  rows: PageRow[];
}

/** A row of a table, or the heading of a group of rows. */
export interface PageRow {
  id: string;
  label: string;
  /** Nesting depth in the row tree (0 at the top). */
  depth: number;
  group: boolean;
  found: boolean;
  cells: PageCell[];
}

/** One cell. */
export interface PageCell {
  id: string;
  raw: string;
  state: string;
  /** Worst severity of the findings that point at this cell as the likely wrong one. */
  severity?: Severity;
  /** An operand of a failed equation, not the likely wrong cell. */
  involved: boolean;
  /** The value a fix proposes for this cell. */
  proposed?: string;
  /** Indexes of the findings about this cell. */
  findings: number[];
  /** Offset in `text`, when the cell was found. */
  at?: number;
}
