import {
  LineIndex,
  selectFixes,
  type AxisNode,
  type CheckResult,
  type Diagnostic,
  type OffsetRange,
  type ReportTable,
  type Severity,
  type TableIR,
  type TemplateIR,
  type TextView,
} from '@nianbao/core';
import type { CheckedPage, PageCell, PageFinding, PageRow, PageTable } from './protocol.js';

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** What the page model is built from: a check result, the view it was read through, the document's name. */
export interface PageInput {
  result: CheckResult;
  view: TextView;
  fileName: string;
  downloadName: string;
  edited: boolean;
  chosenTemplate: string;
  templates: readonly TemplateIR[];
}

/**
 * The page's model of a checked report: findings with line/column and a mark in the shown text, the
 * tables with each cell's findings and proposed value. For HTML the shown text is the rendition (its
 * offsets mapped back from the markup), for the other formats the document itself.
 */
export function pageModel(input: PageInput): CheckedPage {
  const { result, view } = input;
  const lines = new LineIndex(result.source.text);
  const shown = result.source.format === 'html' ? toView(view) : (offset: number) => offset;
  const markOf = (range: OffsetRange) => {
    const start = shown(range.start);
    return { start, end: Math.max(start, shown(range.end)) };
  };
  const safe = new Set(selectFixes(result.diagnostics).map((candidate) => candidate.suggestion));
  const findings: PageFinding[] = result.diagnostics.map((diagnostic, index) => {
    const position = lines.positionAt(diagnostic.range.start);
    return {
      index,
      code: diagnostic.code,
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      message: diagnostic.message,
      line: position.line + 1,
      column: position.character + 1,
      mark: markOf(diagnostic.range),
      suggestions: diagnostic.suggestions.map((suggestion) => suggestion.message),
      safe: diagnostic.suggestions.length === 1 && safe.has(diagnostic.suggestions[0]),
    };
  });
  const template = result.template ? input.templates.find((t) => t.id === result.template?.id) : undefined;
  const tables =
    template && result.report
      ? result.report.tables.map((table) => pageTable(table, template, result.diagnostics, shown))
      : [];
  return {
    fileName: input.fileName,
    format: result.source.format,
    encoding: result.source.encoding,
    text: view.text,
    download: { name: input.downloadName, text: result.source.text },
    edited: input.edited,
    template: template && result.template ? { id: template.id, title: template.title, confidence: result.template.confidence } : null,
    chosenTemplate: input.chosenTemplate,
    templates: input.templates.map((t) => ({ id: t.id, title: t.title })),
    year: result.info.year,
    agency: result.info.agency,
    findings,
    tables,
    safeFixes: selectFixes(result.diagnostics).length,
  };
}

/**
 * Maps offsets of the original document to the view: the first view offset whose original offset is at
 * or after it (binary search; `toOriginal` is monotonic).
 */
function toView(view: TextView): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = view.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.toOriginal(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function pageTable(table: ReportTable, template: TemplateIR, diagnostics: readonly Diagnostic[], shown: (offset: number) => number): PageTable {
  const ir = template.tables.find((t) => t.id === table.id);
  const cells = new Map(table.rows.flatMap((row) => row.cells.map((cell) => [cell.id, cell] as const)));
  const marks = cellMarks(diagnostics, (id) => cells.get(id)?.range);
  const rows = new Map(table.rows.map((row) => [row.id, row]));
  const pageRows: PageRow[] = [];
  const walk = (node: AxisNode, depth: number): void => {
    const row = rows.get(node.id);
    if (node.children.length > 0 || !row) {
      if (node.label) pageRows.push({ id: node.id, label: node.label, depth, group: true, found: true, cells: [] });
      for (const child of node.children) walk(child, node.label ? depth + 1 : depth);
      return;
    }
    pageRows.push({
      id: row.id,
      label: node.label || row.label,
      depth,
      group: false,
      found: row.labelRange !== undefined,
      cells: row.cells.map((cell): PageCell => {
        const mark = marks.get(cell.id);
        return {
          id: cell.id,
          raw: cell.raw,
          state: cell.state,
          severity: mark?.severity,
          involved: mark?.involved ?? false,
          proposed: mark?.proposed,
          findings: mark?.findings ?? [],
          at: cell.range ? shown(cell.range.start) : undefined,
        };
      }),
    });
  };
  for (const node of ir?.rows ?? []) walk(node, 0);
  return {
    id: table.id,
    label: table.label,
    caption: ir?.caption,
    found: table.found,
    header: ir ? columnHeader(ir) : [],
    rows: pageRows,
  };
}

interface CellMark {
  severity?: Severity;
  involved: boolean;
  proposed?: string;
  findings: number[];
}

/**
 * The findings of each cell: a finding marks as likely wrong the cells its range covers (for arithmetic,
 * where the other named cells are operands) or every cell it names; the first suggestion's edit over a
 * cell is the value proposed for it.
 */
function cellMarks(diagnostics: readonly Diagnostic[], rangeOf: (id: string) => OffsetRange | undefined): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const touches = (a: OffsetRange, b: OffsetRange) => a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
  diagnostics.forEach((diagnostic, index) => {
    const named = diagnostic.cells ?? [];
    const covered = named.filter((id) => {
      const range = rangeOf(id);
      return range !== undefined && touches(range, diagnostic.range);
    });
    const pinned = diagnostic.category === 'arithmetic' && covered.length > 0 ? covered : named;
    const edits = diagnostic.suggestions[0]?.edits ?? [];
    for (const id of named) {
      const mark = marks.get(id) ?? { involved: false, findings: [] };
      mark.findings.push(index);
      if (pinned.includes(id)) {
        if (!mark.severity || rank[diagnostic.severity] > rank[mark.severity]) mark.severity = diagnostic.severity;
      } else {
        mark.involved = true;
      }
      const range = rangeOf(id);
      const edit = range && edits.find((e) => e.range.start === range.start && e.range.end === range.end);
      if (edit && mark.proposed === undefined) mark.proposed = edit.newText;
      marks.set(id, mark);
    }
  });
  return marks;
}

/** The header rows of a table's column tree: groups span their leaves, leaves reach the last header row. */
function columnHeader(table: TableIR): PageTable['header'] {
  const depth = (node: AxisNode): number => (node.children.length === 0 ? 1 : 1 + Math.max(...node.children.map(depth)));
  const width = (node: AxisNode): number => (node.children.length === 0 ? 1 : node.children.reduce((sum, c) => sum + width(c), 0));
  const levels = Math.max(1, ...table.columns.map(depth));
  const header: PageTable['header'] = Array.from({ length: levels }, () => []);
  header[0].push({ label: table.corner ?? '', colspan: 1, rowspan: levels });
  const visit = (node: AxisNode, level: number): void => {
    const leaf = node.children.length === 0;
    header[level].push({ label: node.label, colspan: width(node), rowspan: leaf ? levels - level : 1 });
    node.children.forEach((child) => visit(child, level + 1));
  };
  table.columns.forEach((node) => visit(node, 0));
  return header;
}
