/**
 * The report model: what the reader and parser make of a report, and what the validator checks.
 * Every range is a pair of UTF-16 offsets into `ReportSource.text` (the original document text).
 */

/** A half-open range [start, end) of UTF-16 offsets into the original text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Where the text came from. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx';

/** The decoded original document. */
export interface ReportSource {
  /** File name or URI, if known. */
  name?: string;
  format: SourceFormat;
  /**
   * The format the file name claims when the content decided otherwise (a web page saved as `.txt`: `txt`,
   * with `format` `html`; a Word document named `.txt`: `txt`, with `format` `docx`); for an unsupported
   * extension, the extension itself (`doc`).
   */
  declaredFormat?: string;
  /** Encoding the bytes were decoded from (e.g. `utf-8`, `gb18030`, `utf-16le`). */
  encoding: string;
  /**
   * The original text. For txt/md/html it is the decoded file; for docx (which has no text form) it is
   * the text rendition of the document, and ranges point into it.
   */
  text: string;
}

/** The state of a cell's content. */
export type CellState =
  /** An exact number. */
  | 'number'
  /** Empty, or a blank marker such as "/", "—", "-". */
  | 'blank'
  /** The cell does not exist in the report (row or table missing, or value unreadable from a glued row). */
  | 'na'
  /** Text that is not a number. */
  | 'invalid'
  /** Words in a text or ignored column (计量单位): kept as written, never a figure. */
  | 'text'
  /** An approximate number: "19万", "2千余", "约300". */
  | 'approximate';

/** One data cell as found in the report. */
export interface ReportCell {
  /** Template cell id `${table}.${row}.${column}`. */
  id: string;
  row: string;
  column: string;
  /** Raw text of the cell as written (trimmed); '' when blank or absent. */
  raw: string;
  /** Numeric value in the cell's unit (money converted), or null. */
  value: number | null;
  state: CellState;
  /** Unit written in the cell (万元, 元…), if any. */
  unit?: string;
  /** Where the cell's text is; for a blank cell, an empty range where it would be; absent when `na`. */
  range?: OffsetRange;
  /** True when the column assignment is a guess (drifting separators, glued digits). */
  guessed?: boolean;
}

/**
 * How surely a row's cells were read, from how they were placed:
 * - `exact`: the label found and one field or number per column on its row;
 * - `apart`: the label in a row of its own and the numbers in the row next to it (a converted table),
 *   paired because that row can be no other label's;
 * - `repaired`: empty fields dropped or added to fit the columns, one placement clearly best;
 * - `position`: numbers placed in the columns nearest their horizontal position (space-aligned text);
 * - `split`: digits glued together split by the table's equations, one split fitting them all;
 * - `guess`: a placement or split chosen among several that came close (its cells are `guessed`);
 * - `unread`: several placements fit and none was chosen (its cells are `na`).
 * The first five are certain: findings about the report may rest on them; the last two are not.
 */
export type RowConfidence = 'exact' | 'apart' | 'repaired' | 'position' | 'split' | 'guess' | 'unread';

/** Whether a row read with this confidence is certain enough for a finding about the report. */
export function isCertainRow(confidence: RowConfidence | undefined): boolean {
  return confidence !== 'guess' && confidence !== 'unread';
}

/** One data row. */
export interface ReportRow {
  /** Template row id. */
  id: string;
  /** Template label. */
  label: string;
  /** Where the row's label is in the text, if found. */
  labelRange?: OffsetRange;
  /** How surely its cells were read; absent for a row not found. */
  confidence?: RowConfidence;
  /** One entry per leaf column of the template, in template order. */
  cells: ReportCell[];
}

/**
 * A row group the report prints as one row with numbers where the template splits it into leaf rows
 * (（六）其他处理 as one row instead of 1/2/3). Its cells (ids `${table}.${group}.${column}`) stand for the
 * sums of its leaf rows, which are not in the report.
 */
export interface ReportGroupRow extends ReportRow {
  /** The template leaf rows the group stands for. */
  leafRows: string[];
}

/** A reader-level observation about a table, for the validator to report. */
export interface TableNote {
  /**
   * `header-garbled`: the column header is unreadable; `header-truncated`: header labels cut short;
   * `glued-ambiguous`: a row of digits without separators has several arithmetic splits;
   * `glued-split`: a glued row was split by arithmetic (guess); `repeated`: the table occurs twice;
   * `extra-values`: a row has more numbers than columns; `rows-out-of-order`: rows stand in another order
   * than the template's (`row`: the first one found after a row the template puts later); `transposed`:
   * a one-row table written as one row per column group; `group-values`: numbers on the line of a
   * group row, which has no cells (`row`: the group, `detail`: the numbers); `label-variant`: a row
   * label printed with a typo, read as the nearest template label (`row`, `detail`: the label as printed).
   */
  kind:
    | 'header-garbled'
    | 'header-truncated'
    | 'glued-ambiguous'
    | 'glued-split'
    | 'repeated'
    | 'extra-values'
    | 'rows-out-of-order'
    | 'transposed'
    | 'group-values'
    | 'label-variant';
  range: OffsetRange;
  /** The row concerned, if any. */
  row?: string;
  detail?: string;
}

/** One table as found in the report. */
export interface ReportTable {
  /** Template table id. */
  id: string;
  label: string;
  /** False when the table was not found at all (all cells `na`). */
  found: boolean;
  /** From caption/first label to last value. */
  range?: OffsetRange;
  /** Layout the table was read in. */
  layout?: 'cell-per-line' | 'separated' | 'pipe' | 'grid' | 'glued' | 'mixed';
  /** Leaf rows of the template, in template order (rows not found have `na` cells and no labelRange). */
  rows: ReportRow[];
  /** Row groups printed as one row (their leaf rows are `na` and not listed in `missingRows`). */
  groups?: ReportGroupRow[];
  /** Leaf rows of the template that were not found (nor stood for by a group printed as one row). */
  missingRows: string[];
  /** True when the table stops before its last rows (rows missing at the end). */
  truncated: boolean;
  notes: TableNote[];
}

/** One section as found in the report. */
export interface ReportSection {
  /** Template section id. */
  id: string;
  /** The heading line as written, and its range; absent when the heading was not found. */
  heading?: { text: string; range: OffsetRange };
  /** How the heading matched: the template heading, an alias, a near miss, or not at all (body inferred). */
  match: 'exact' | 'alias' | 'near' | 'missing';
  /** The section's range (heading to next section), absent when the section is missing entirely. */
  range?: OffsetRange;
  /** The body's range (after the heading). */
  bodyRange?: OffsetRange;
}

/** Template detection result. */
export interface TemplateDetection {
  /** The chosen template id, or null when none fits. */
  id: string | null;
  /** 0..1. */
  confidence: number;
  /** Marker score per candidate template id. */
  scores: Record<string, number>;
  /** Markers of a pre-2019 (statistics-table) report were found. */
  legacy: boolean;
}

/** Report metadata read from the title or first paragraph. */
export interface ReportInfo {
  year: number | null;
  agency: string | null;
  /** Range of the title (or of the sentence the year/agency came from). */
  titleRange?: OffsetRange;
}

/** A parsed report: the input of the validator. */
export interface ParsedReport {
  source: ReportSource;
  detection: TemplateDetection;
  info: ReportInfo;
  /** Id of the template the report was parsed with. */
  templateId: string;
  sections: ReportSection[];
  tables: ReportTable[];
  /**
   * Set when the parser failed internally (a bug, or a runtime without the APIs it needs): sections and
   * tables are then all missing, and the validator reports this one failure instead of their absence.
   */
  parseFailure?: string;
}
