import type { AxisNode, CellIR, TableIR } from '../ir/template-ir.js';

/** An Arabic enumerator such as "1." or "2、": such a label means little without its group. */
const ENUMERATED = /^\s*\d+\s*[.．、]/;

/**
 * Display labels for the leaves of an axis (rows or columns of a table): the shortest tail of the
 * label path that is unique among the leaves — "结果维持" becomes "复议后起诉 结果维持" when three groups
 * have one — and at least the parent for enumerated leaves ("（三）不予公开 1.属于国家秘密").
 */
export function leafLabels(roots: readonly AxisNode[], labelOf: (node: AxisNode) => string = (node) => node.label): Map<string, string> {
  const paths = new Map<string, string[]>();
  const walk = (node: AxisNode, ancestors: string[]): void => {
    const label = labelOf(node);
    const path = label ? [...ancestors, label] : ancestors;
    if (node.children.length === 0 || node.ownFigure) paths.set(node.id, path);
    for (const child of node.children) walk(child, path);
  };
  for (const root of roots) walk(root, []);
  const labels = new Map<string, string>();
  for (const [id, path] of paths) {
    if (path.length === 0) {
      labels.set(id, '');
      continue;
    }
    const leaf = path[path.length - 1];
    let take = ENUMERATED.test(leaf) && path.length > 1 ? 2 : 1;
    const tail = (n: number, p: string[]) => p.slice(Math.max(0, p.length - n)).join(' ');
    while (
      take < path.length &&
      [...paths].some(([other, otherPath]) => other !== id && tail(take, otherPath) === tail(take, path))
    ) {
      take++;
    }
    labels.set(id, tail(take, path));
  }
  return labels;
}

/** Display labels of a table's rows and columns. */
export interface TableLabels {
  rows: ReadonlyMap<string, string>;
  columns: ReadonlyMap<string, string>;
}

const cache = new WeakMap<TableIR, TableLabels>();
const englishCache = new WeakMap<TableIR, TableLabels>();

/** A node's label in a language: its English label in English when it has one, else the label itself. */
export function axisNodeLabel(node: AxisNode, locale: string): string {
  return locale === 'en' && node.en ? node.en : node.label;
}

/**
 * The display labels of one table, computed once per table object (templates are immutable, and the
 * labels are needed for every report checked against them).
 */
export function tableLabels(table: TableIR, locale = 'zh-CN'): TableLabels {
  const english = locale === 'en';
  const store = english ? englishCache : cache;
  let labels = store.get(table);
  if (!labels) {
    const labelOf = (node: AxisNode): string => axisNodeLabel(node, locale);
    labels = { rows: leafLabels(table.rows, labelOf), columns: leafLabels(table.columns, labelOf) };
    store.set(table, labels);
  }
  return labels;
}

/**
 * Display label of a cell: row · column; `omit` drops the part an equation's context already gives
 * (`column` when every operand is in one column, `row` when in one row). The cell id when unknown.
 */
export function cellDisplayLabel(
  tablesById: ReadonlyMap<string, TableIR>,
  cell: CellIR | undefined,
  cellId: string,
  omit?: 'row' | 'column',
): string {
  if (!cell) return cellId;
  const table = tablesById.get(cell.table);
  const labels = table && tableLabels(table);
  const rowLabel = labels?.rows.get(cell.row) ?? cell.row;
  const row = omit === 'row' ? '' : rowLabel;
  const column = omit === 'column' ? '' : (labels?.columns.get(cell.column) ?? cell.column);
  const parts = [row, column].filter((part) => part !== '');
  return parts.length ? parts.join(' · ') : rowLabel || cellId;
}
