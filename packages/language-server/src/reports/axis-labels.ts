import type { AxisNode, TableIR, TemplateIR } from '@nianbao/core';

/** The labels of the path from the root of an axis tree to each node, by node id. */
export function axisPaths(nodes: readonly AxisNode[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (node: AxisNode, prefix: string[]): void => {
    const path = node.label ? [...prefix, node.label] : prefix;
    paths.set(node.id, path);
    for (const child of node.children) walk(child, path);
  };
  for (const node of nodes) walk(node, []);
  return paths;
}

/** Labels of a table's rows and columns by id, computed once per table. */
export interface TableLabels {
  table: TableIR;
  rows: Map<string, string[]>;
  columns: Map<string, string[]>;
}

const cache = new WeakMap<TemplateIR, Map<string, TableLabels>>();

/** The labels of every table of a template, by table id. */
export function tableLabels(template: TemplateIR): Map<string, TableLabels> {
  let labels = cache.get(template);
  if (!labels) {
    labels = new Map(
      template.tables.map((table) => [
        table.id,
        { table, rows: axisPaths(table.rows), columns: axisPaths(table.columns) },
      ]),
    );
    cache.set(template, labels);
  }
  return labels;
}

/** A short human name of a cell: its row label and (for several columns) its column label. */
export function cellCaption(template: TemplateIR, cellId: string): string {
  const cell = template.cells.find((c) => c.id === cellId);
  if (!cell) return cellId;
  const labels = tableLabels(template).get(cell.table);
  if (!labels) return cellId;
  const row = labels.rows.get(cell.row)?.at(-1) ?? cell.row;
  const columnPath = labels.columns.get(cell.column) ?? [];
  if (labels.table.leafColumns.length <= 1 || columnPath.length === 0) return row;
  return `${row}·${columnPath.at(-1)}`;
}
