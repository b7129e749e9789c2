import type { AxisNode, CellType, TableIR, TemplateIR } from '../ir/template-ir.js';
import { labelPattern, type LabelPattern } from './label-match.js';
import type { RowEquation } from './row-alignment.js';

/**
 * What the parser needs to know about one template table, derived once from the IR: the row labels in
 * reading order (groups and leaves) ready for matching, the leaf columns with their spans and labels,
 * the equations that involve a single row (used to place numbers and split glued digits) and cell types.
 */

/** One row label in reading order. */
export interface RowLabelPlan {
  id: string;
  label: string;
  /** Null for an unlabelled row. */
  pattern: LabelPattern | null;
  /** The label and its aliases (empty for an unlabelled row). */
  patterns: LabelPattern[];
  leaf: boolean;
  /** Index among the leaf rows (leaves only), else -1. */
  leafIndex: number;
  /** Groups: the ids of the leaf rows under it (a group printed as one row stands for them). */
  leafIds?: string[];
}

/** A linear equation Σ coef × cell = 0 over cells of one table, by leaf row and column index. */
export interface TableEquation {
  terms: { row: number; column: number; coef: number }[];
}

/** An innermost column group: its label patterns and the leaf columns it spans. */
export interface LeafColumnGroup {
  patterns: LabelPattern[];
  /** Index of its first leaf column and the number of its leaf columns. */
  first: number;
  count: number;
}

/** A table prepared for parsing. */
export interface TablePlan {
  table: TableIR;
  /** Row labels depth-first, groups before their children. */
  labels: RowLabelPlan[];
  /** Leaf rows in template order. */
  leaves: RowLabelPlan[];
  /** True when the table has a single leaf row without a label (e.g. table 4): read by position. */
  unlabelled: boolean;
  caption: LabelPattern | null;
  corner: LabelPattern | null;
  /** Match keys of the leaf column labels, in order (duplicates kept), each with its aliases' keys. */
  leafColumnKeys: string[][];
  /** Match keys of every column label (groups and leaves). */
  columnKeys: string[];
  /**
   * The innermost column groups (groups whose children are all leaf columns) when they partition the
   * leaf columns, in order: an unlabelled row may be written transposed, one row per group ("行政复议 1 0 0
   * 1 2"). Absent when the columns have no such grouping.
   */
  leafGroups?: LeafColumnGroup[];
  /** Physical widths of the leaf columns when the template declares merged cells. */
  spans?: number[];
  /** Equations over a single row, by leaf row id, in column indices. */
  rowEquations: Map<string, RowEquation[]>;
  /** Every equation of the table's rules (`=` only), in leaf row and column indices. */
  tableEquations: TableEquation[];
  /** Cell type by `${row}.${column}`. */
  cellTypes: Map<string, CellType>;
  /** Per leaf row (template order), per leaf column: the cell id and type. */
  cellGrid: { id: string; type: CellType }[][];
}

const plans = new WeakMap<TemplateIR, Map<string, TablePlan>>();

/** The plan of each table of a template (cached per template object). */
export function tablePlans(template: TemplateIR): Map<string, TablePlan> {
  let cached = plans.get(template);
  if (!cached) {
    cached = new Map(template.tables.map((t) => [t.id, planTable(template, t)]));
    plans.set(template, cached);
  }
  return cached;
}

function planTable(template: TemplateIR, table: TableIR): TablePlan {
  const labels: RowLabelPlan[] = [];
  const leafIdsOf = (node: AxisNode): string[] =>
    node.children.length === 0 ? [node.id] : node.children.flatMap(leafIdsOf);
  const walk = (nodes: AxisNode[]): void => {
    for (const node of nodes) {
      const leaf = node.children.length === 0 || node.ownFigure === true;
      const pattern = node.label.trim() === '' ? null : labelPattern(node.label);
      const aliases = node.aliases.filter((a) => a.trim() !== '').map(labelPattern);
      labels.push({
        id: node.id,
        label: node.label,
        pattern,
        patterns: pattern ? [pattern, ...aliases.filter((a) => a.key !== pattern.key)] : [],
        leaf,
        leafIndex: -1,
        ...(leaf ? {} : { leafIds: leafIdsOf(node) }),
      });
      if (node.children.length > 0) walk(node.children);
    }
  };
  walk(table.rows);
  // Leaves in the IR's leafRows order (derived from the tree; tolerate a mismatch).
  const byId = new Map(labels.filter((l) => l.leaf).map((l) => [l.id, l]));
  const leaves: RowLabelPlan[] = [];
  for (const id of table.leafRows) {
    const found = byId.get(id) ?? { id, label: '', pattern: null, patterns: [], leaf: true, leafIndex: -1 };
    found.leafIndex = leaves.length;
    leaves.push(found);
  }
  const leafColumns: AxisNode[] = [];
  const columnKeys: string[] = [];
  const walkColumns = (nodes: AxisNode[]): void => {
    for (const node of nodes) {
      for (const label of [node.label, ...node.aliases]) if (label.trim() !== '') columnKeys.push(labelPattern(label).key);
      if (node.children.length === 0) leafColumns.push(node);
      else walkColumns(node.children);
    }
  };
  walkColumns(table.columns);
  const leafGroups = innermostGroups(table);
  const leafById = new Map(leafColumns.map((c) => [c.id, c]));
  const orderedColumns = table.leafColumns.map((id) => leafById.get(id));
  const spans = orderedColumns.some((c) => c?.span !== undefined && c.span > 1)
    ? orderedColumns.map((c) => c?.span ?? 1)
    : undefined;
  const cellTypes = new Map<string, CellType>();
  const cellById = new Map<string, { row: string; column: string }>();
  for (const cell of template.cells) {
    if (cell.table !== table.id) continue;
    cellTypes.set(`${cell.row}.${cell.column}`, cell.type);
    cellById.set(cell.id, { row: cell.row, column: cell.column });
  }
  for (const row of table.leafRows) {
    for (const column of table.leafColumns) {
      const key = `${row}.${column}`;
      if (!cellTypes.has(key)) cellTypes.set(key, leafById.get(column)?.type ?? table.cellType);
    }
  }
  const columnIndex = new Map(table.leafColumns.map((id, i) => [id, i]));
  const rowIndex = new Map(table.leafRows.map((id, i) => [id, i]));
  const rowEquations = new Map<string, RowEquation[]>();
  const tableEquations: TableEquation[] = [];
  for (const rule of template.rules) {
    if (rule.kind !== 'arithmetic') continue;
    for (const equation of rule.equations) {
      // Σ coef × cell = 0 only: conditional equations and equations with a constant do not place numbers.
      if (equation.op !== '=' || equation.when || equation.lhsConstant || equation.rhsConstant) continue;
      const terms = [
        ...equation.lhs.map((t) => ({ ...t, coef: t.coef })),
        ...equation.rhs.map((t) => ({ ...t, coef: -t.coef })),
      ].map((t) => ({ cell: cellById.get(t.cell), coef: t.coef }));
      if (terms.length < 2 || terms.some((t) => t.cell === undefined)) continue;
      const indexed = terms.map((t) => ({ row: rowIndex.get(t.cell!.row) ?? -1, column: columnIndex.get(t.cell!.column) ?? -1, coef: t.coef }));
      if (indexed.every((t) => t.row >= 0 && t.column >= 0)) tableEquations.push({ terms: indexed });
      const row = terms[0].cell!.row;
      if (terms.some((t) => t.cell!.row !== row)) continue;
      const list = rowEquations.get(row) ?? [];
      list.push({ terms: terms.map((t) => ({ column: columnIndex.get(t.cell!.column) ?? -1, coef: t.coef })) });
      rowEquations.set(row, list.filter((e) => e.terms.every((t) => t.column >= 0)));
    }
  }
  const cellGrid = leaves.map((leaf) =>
    table.leafColumns.map((column) => ({
      id: `${table.id}.${leaf.id}.${column}`,
      type: cellTypes.get(`${leaf.id}.${column}`) ?? table.cellType,
    })),
  );
  return {
    table,
    labels,
    leaves,
    cellGrid,
    unlabelled: leaves.length === 1 && leaves[0].pattern === null,
    caption: table.caption ? labelPattern(table.caption) : null,
    corner: table.corner ? labelPattern(table.corner) : null,
    leafColumnKeys: orderedColumns.map((c) =>
      c ? [c.label, ...c.aliases].filter((l) => l.trim() !== '').map((l) => labelPattern(l).key) : [],
    ),
    columnKeys,
    ...(spans ? { spans } : {}),
    ...(leafGroups ? { leafGroups } : {}),
    rowEquations,
    tableEquations,
    cellTypes,
  };
}

/** The groups whose children are all leaf columns, when they cover every leaf column in order. */
function innermostGroups(table: TableIR): LeafColumnGroup[] | undefined {
  const groups: LeafColumnGroup[] = [];
  const index = new Map(table.leafColumns.map((id, i) => [id, i]));
  let covered = 0;
  const walk = (nodes: AxisNode[]): boolean => {
    for (const node of nodes) {
      if (node.children.length === 0) return false;
      if (node.children.every((c) => c.children.length === 0)) {
        const first = index.get(node.children[0].id);
        if (first !== covered || node.label.trim() === '') return false;
        if (node.children.some((c, i) => index.get(c.id) !== first + i)) return false;
        const patterns = [node.label, ...node.aliases].filter((l) => l.trim() !== '').map(labelPattern);
        groups.push({ patterns, first, count: node.children.length });
        covered += node.children.length;
      } else if (!walk(node.children)) return false;
    }
    return true;
  };
  return walk(table.columns) && covered === table.leafColumns.length && groups.length >= 2 ? groups : undefined;
}
