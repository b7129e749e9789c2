import type { CheckResult } from '../../src/check/index.js';
import type { AxisNode } from '../../src/ir/template-ir.js';
import type { ReportTable } from '../../src/model/report.js';
import { getBuiltinTemplate } from '../../src/templates/index.js';

/**
 * Tool-made Markdown generated from a real report: every table the report was read with is written
 * again as pipe tables, the way a PDF → Markdown converter writes them — the labels and values exactly
 * as the report prints them, the merged row-header cells in columns of their own (filled on the first
 * row of their group only), the column header flattened into one row — and then damaged the way such
 * tools damage tables:
 * - `cut`: the table cut into two pipe tables at a page break, the second with generic headers
 *   (数据1, 数据2 …);
 * - `wrongHeader`: the same cut, the continuation's first data row taken for its header row (a rule line
 *   after it), and the column header repeated on the new page;
 * - `labelApart`: some rows' labels in a row of their own, their numbers in a label-less row under it
 *   (`labelBelow`: over it);
 * - `labelOutside`: some rows' labels printed as a line of text over the table row, whose label cells
 *   are empty (the tool did not see the label as part of the table);
 * - `strayNumbers`: lone numbers between rows (a page number without dashes, a footnote mark).
 * The prose around the tables is the report's own text.
 */
export interface ConversionDamage {
  cut?: boolean;
  wrongHeader?: boolean;
  labelApart?: boolean;
  labelBelow?: boolean;
  labelOutside?: boolean;
  strayNumbers?: boolean;
}

interface Line {
  cells: string[];
  /** A data row (not a header or rule). */
  data: boolean;
  /** Column index where its values start. */
  labelColumns: number;
}

/** The Markdown a converter makes of `text` (the report `original` is what nianbao read from it). */
export function convertedMarkdown(text: string, original: CheckResult, damage: ConversionDamage = {}): string {
  const report = original.report;
  if (!report) throw new Error('the original was not read');
  const template = getBuiltinTemplate(report.templateId);
  if (!template) throw new Error(`no built-in template ${report.templateId}`);
  const tables = report.tables.filter((t) => t.found && t.range).sort((a, b) => a.range!.start - b.range!.start);
  let out = '';
  let at = 0;
  for (const table of tables) {
    const range = table.range!;
    if (range.start < at) continue;
    const ir = template.tables.find((t) => t.id === table.id)!;
    const firstData = dataStart(table);
    if (firstData === undefined) continue;
    const header = text.slice(range.start, firstData);
    const lines = renderTable(text, table, ir.rows, header, damage);
    out += text.slice(at, range.start) + '\n\n' + lines.join('\n') + '\n\n';
    at = range.end;
  }
  return out + text.slice(at);
}

/** Where the table's data begins in the text: its first row label, or its first cell. */
function dataStart(table: ReportTable): number | undefined {
  const starts = table.rows.flatMap((row) => [row.labelRange?.start ?? row.cells.find((c) => c.range)?.range?.start].filter((s): s is number => s !== undefined));
  for (const group of table.groups ?? []) if (group.labelRange) starts.push(group.labelRange.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

function renderTable(text: string, table: ReportTable, axis: AxisNode[], header: string, damage: ConversionDamage): string[] {
  const groupLabels = new Map<string, string[]>();
  let depth = 1;
  const walk = (nodes: AxisNode[], path: string[]): void => {
    nodes.forEach((node) => {
      if (node.children.length === 0) return;
      const first = firstLeaf(node);
      groupLabels.set(first, [...(groupLabels.get(first) ?? []), ...path.slice(groupLabels.get(first)?.length ?? 0), node.label]);
      depth = Math.max(depth, path.length + 2);
      walk(node.children, [...path, node.label]);
    });
  };
  walk(axis, []);
  const rows = [...table.rows.map((r) => ({ id: r.id, row: r, group: false })), ...(table.groups ?? []).map((g) => ({ id: g.leafRows[0], row: g, group: true }))]
    .filter(({ row }) => row.labelRange || row.cells.some((c) => c.range))
    .sort((a, b) => (a.row.labelRange?.start ?? a.row.cells[0].range!.start) - (b.row.labelRange?.start ?? b.row.cells[0].range!.start));
  const unlabelled = rows.every(({ row }) => !row.labelRange);
  const labelColumns = unlabelled ? 0 : depth;
  const width = labelColumns + table.rows[0].cells.length;
  const data: Line[] = rows.map(({ id, row, group }) => {
    const label = row.labelRange ? oneLine(text.slice(row.labelRange.start, row.labelRange.end)) : '';
    // A group printed as one row: its label is the row's own, not a group cell over it.
    const groups = (groupLabels.get(id) ?? []).filter((g) => !group || g !== row.label);
    const labels = unlabelled ? [] : [...Array.from({ length: depth - 1 }, (_, i) => groups[i] ?? ''), label];
    return { cells: [...labels, ...row.cells.map((c) => (c.state === 'na' ? '' : c.raw))], data: true, labelColumns };
  });
  const headerCells = header
    .split(/\r?\n|\t|\|/)
    .map((s) => oneLine(s))
    .filter((s) => s !== '');
  const caption = headerCells.length > 0 && !unlabelled && /表|情况/.test(headerCells[0]) && headerCells[0].length > 6 ? headerCells.shift()! : '';
  // More header lines than columns: the rest share the last cell (nothing of the header is lost).
  const headerRow = pad(headerCells.length > width ? [...headerCells.slice(0, width - 1), headerCells.slice(width - 1).join(' ')] : headerCells, width);
  const lines: string[] = [];
  if (caption) lines.push(caption, '');
  lines.push(pipe(headerRow), rule(width));
  const cutAt = damage.cut || damage.wrongHeader ? Math.floor(data.length / 2) : -1;
  data.forEach((line, i) => {
    if (i === cutAt && i > 0) {
      lines.push('', '- 3 -', '');
      if (damage.wrongHeader) {
        lines.push(pipe(headerRow), rule(width));
        lines.push(pipe(line.cells), rule(width));
        return;
      }
      lines.push(pipe(Array.from({ length: width }, (_, c) => `数据${c + 1}`)), rule(width));
    }
    if (damage.strayNumbers && i > 0 && i % 5 === 0) lines.push(i % 10 === 0 ? `| ${i / 5 + 1} |` : String(i / 5 + 1));
    if (damage.labelOutside && line.labelColumns > 0 && i % 3 === 1) {
      lines.push(line.cells[line.labelColumns - 1], pipe(line.cells.map((c, col) => (col < line.labelColumns ? '' : c))));
      return;
    }
    const apart = (damage.labelApart || damage.labelBelow) && line.labelColumns > 0 && i % 3 === 1;
    if (!apart) return void lines.push(pipe(line.cells));
    const labelRow = line.cells.map((c, col) => (col < line.labelColumns ? c : ''));
    const valueRow = line.cells.map((c, col) => (col < line.labelColumns ? '' : c));
    // A stray number may also fall between a label and its numbers.
    const between = damage.strayNumbers && i % 2 === 1 ? [String(i)] : [];
    if (damage.labelBelow) lines.push(pipe(valueRow), ...between, pipe(labelRow));
    else lines.push(pipe(labelRow), ...between, pipe(valueRow));
  });
  return lines;
}

function firstLeaf(node: AxisNode): string {
  let n = node;
  while (n.children.length > 0) n = n.children[0];
  return n.id;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, '').trim();
}

function pad(cells: string[], width: number): string[] {
  return [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => '')];
}

function pipe(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function rule(width: number): string {
  return `|${Array.from({ length: width }, () => '---').join('|')}|`;
}
