/**
 * The nianbao extensions to LSP: custom requests and notifications between the server and a client
 * (the VS Code extension uses them for its status bar, webview and commands). Plain data, no runtime imports,
 * so a client can import this file without pulling in the server.
 */

/** A template the server knows: built in, or compiled from a workspace `*.nbt`. */
export interface TemplateSummary {
  id: string;
  title: string;
  notice: string;
  years: { from: number; to?: number };
  /** `builtin`, or the URI of the workspace template that defines (or overrides) it. */
  origin: 'builtin' | string;
}

/** `nianbao/status` (server → client): what the server made of a report after each check. */
export interface ReportStatus {
  uri: string;
  /** The document version the status is about. */
  version: number;
  /** True when the document is checked as a report. */
  isReport: boolean;
  /** The template used, null when no template fits. */
  template: { id: string; title: string; confidence: number } | null;
  /** Whether the template was detected or chosen (per document or by the `nianbao.template` setting). */
  templateChoice: 'auto' | 'document' | 'setting';
  year: number | null;
  agency: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Milliseconds the check took. */
  checkMs: number;
}

/** Method name of the status notification. */
export const reportStatusNotification = 'nianbao/status';

/** `nianbao/templates` (client → server): the templates available now. */
export const listTemplatesRequest = 'nianbao/templates';

/** Parameters of `nianbao/setTemplate`. */
export interface SetTemplateParams {
  uri: string;
  /** A template id, or `auto` to go back to detection. */
  template: string;
}

/** `nianbao/setTemplate` (client → server): choose the template of one document; answers with its status. */
export const setTemplateRequest = 'nianbao/setTemplate';

/** Parameters of `nianbao/reportTables`. */
export interface ReportTablesParams {
  uri: string;
}

/** One cell as shown in a rendered table. */
export interface RenderedCell {
  id: string;
  raw: string;
  value: number | null;
  state: 'number' | 'blank' | 'na' | 'invalid' | 'text' | 'approximate';
  /** Worst severity of the findings pinned on this cell (the likely wrong cells), if any. */
  severity?: 'error' | 'warning' | 'info';
  /** True when the cell is an operand of a failed equation without being the likely wrong cell. */
  involved: boolean;
  /** Messages of the findings about this cell. */
  messages: string[];
  /** Where the cell is, as an LSP range (absent when the cell is not in the text). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A header cell of a rendered table (column tree flattened to rows of a `<thead>`). */
export interface RenderedHeader {
  label: string;
  colspan: number;
  rowspan: number;
}

/** One row of a rendered table. */
export interface RenderedRow {
  id: string;
  /** Labels of the row path, outermost first (e.g. 三、本年度办理结果 › （一）予以公开). */
  labels: string[];
  found: boolean;
  cells: RenderedCell[];
}

/** One table of the current report, ready to render. */
export interface RenderedTable {
  id: string;
  label: string;
  caption?: string;
  found: boolean;
  /** Header rows (column tree). */
  header: RenderedHeader[][];
  rows: RenderedRow[];
}

/** Answer of `nianbao/reportTables`; null when the document is not a checked report. */
export interface ReportTables {
  uri: string;
  version: number;
  template: { id: string; title: string };
  year: number | null;
  agency: string | null;
  tables: RenderedTable[];
}

/** `nianbao/reportTables` (client → server): the extracted tables of a report with their findings. */
export const reportTablesRequest = 'nianbao/reportTables';

/** Parameters of `nianbao/newReport`. */
export interface NewReportParams {
  /** Template id. */
  template: string;
  /** Report year to write into the skeleton (defaults to last year). */
  year?: number;
  /** Agency name to write into the skeleton. */
  agency?: string;
}

/** `nianbao/newReport` (client → server): a report skeleton (Markdown) for a template. */
export const newReportRequest = 'nianbao/newReport';

/** Answer of `nianbao/newReport`. */
export interface NewReport {
  text: string;
  languageId: 'markdown' | 'plaintext';
}

/** Initialisation options and the `nianbao` settings section the server understands. */
export interface NianbaoSettings {
  /** Message language; empty or absent: zh-CN. */
  locale?: string;
  /** `auto` or a template id used for every report. */
  template?: string;
  /** Glob patterns of files that are always checked as reports. */
  reports?: { include?: string[] };
  /** Delay between the last change and the check, in milliseconds (default 150). */
  diagnostics?: { debounceMs?: number };
  /** The baseline file of acknowledged findings (default nianbao-baseline.json in the workspace folder). */
  baseline?: { file?: string };
  /**
   * Template files or directories (every `*.nbt` under them) added to the detection of every report, as the
   * CLI's `--templates`; relative paths are relative to the (first) workspace folder.
   */
  templates?: string[];
}
