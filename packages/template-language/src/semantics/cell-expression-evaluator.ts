import type {
  AxisItem,
  AxisNode,
  AxisSet,
  AxisSetPrimary,
  CellSelection,
  LinearExpr,
  Quantifier,
  Table,
} from '../generated/ast.js';
import { isAxisItem, isAxisList, isLeavesOf, isQuantifier } from '../generated/ast.js';
import type { ProblemCollector } from './analysis-problem.js';
import type { Axis } from './axis-tree.js';
import { axisNameHint, noHint, type NameHint } from '../validation/name-hints.js';
import {
  allAxisNodes,
  axisLeaves,
  axisNodeId,
  axisOfAxisNode,
  isGroupNode,
  isWithin,
  leavesUnder,
  parentOfAxisNode,
  tableOfAxisNode,
} from './axis-tree.js';
import type { ModelTerm } from './template-model.js';

/** The values of the quantifier variables while one equation is expanded. */
export type Bindings = ReadonlyMap<Quantifier, AxisNode>;

/** A resolved data cell. */
export interface CellRef {
  id: string;
  table: Table;
  row: AxisNode;
  column: AxisNode;
  /** Selected with `previous`: the cell of the report of the year before. */
  previous?: true;
}

/** A side of an equation: Σ coef × cell + constant. */
export interface LinearValue {
  terms: ModelTerm[];
  constant: number;
}

/** Where an axis set is evaluated: which axis of which table, under which bindings. */
interface AxisContext {
  table: Table | undefined;
  axis: Axis;
  bindings: Bindings;
}

const axisNames = {
  row: { zh: '行', en: 'row' },
  column: { zh: '列', en: 'column' },
} as const;

/**
 * Evaluates the cell expressions of rules: axis sets to rows/columns, cell selections to cells, linear
 * expressions to terms. Every problem is reported to the collector at the node it is about; a failed
 * evaluation returns undefined.
 */
export class CellExpressionEvaluator {
  /** Quantifiers whose variable was referenced at least once. */
  readonly usedVariables = new Set<Quantifier>();

  private readonly problems: ProblemCollector;
  private readonly ruleTable: Table | undefined;

  constructor(problems: ProblemCollector, ruleTable: Table | undefined) {
    this.problems = problems;
    this.ruleTable = ruleTable;
  }

  /** The cell id `${table}.${row}.${column}`. */
  static cellId(table: Table, row: AxisNode, column: AxisNode): string {
    return `${table.name}.${axisNodeId(row)}.${axisNodeId(column)}`;
  }

  /** The nodes an axis set denotes (groups included), in order and without repeats. */
  evaluateAxisSet(set: AxisSet, table: Table | undefined, axis: Axis, bindings: Bindings): AxisNode[] | undefined {
    const context: AxisContext = { table, axis, bindings };
    const base = this.evaluatePrimary(set.base, context);
    if (!base) {
      return undefined;
    }
    let result = base;
    for (const excludedPrimary of set.excluded ?? []) {
      const excluded = this.evaluatePrimary(excludedPrimary, context);
      if (!excluded) {
        return undefined;
      }
      const kept = result.filter((node) => !excluded.some((removed) => isWithin(node, removed)));
      if (kept.length === result.length) {
        this.problems.report('except-removes-nothing', excludedPrimary);
      }
      result = kept;
    }
    return result;
  }

  /** The cells a selection denotes, row-major. */
  evaluateSelection(selection: CellSelection, bindings: Bindings): CellRef[] | undefined {
    const table = selection.table ? selection.table.ref : this.ruleTable;
    if (!table) {
      return undefined;
    }
    if (!selection.rows || !selection.columns) {
      return undefined;
    }
    const rows = this.evaluateAxisSet(selection.rows, table, 'row', bindings);
    const columns = this.evaluateAxisSet(selection.columns, table, 'column', bindings);
    if (!rows || !columns) {
      return undefined;
    }
    const rowLeaves = this.requireLeaves(rows, selection.rows);
    const columnLeaves = this.requireLeaves(columns, selection.columns);
    if (!rowLeaves || !columnLeaves) {
      return undefined;
    }
    const previous = selection.previous ? { previous: true as const } : {};
    return rowLeaves.flatMap((row) =>
      columnLeaves.map((column) => ({ id: CellExpressionEvaluator.cellId(table, row, column), table, row, column, ...previous })),
    );
  }

  /**
   * The terms and the constant of a linear expression (`[a, b] + 2 * [c, d] - 1`): the same cell on one
   * side is merged (and reported); constants (terms without a cell) are added up.
   */
  evaluateLinear(expression: LinearExpr, bindings: Bindings): LinearValue | undefined {
    const terms: ModelTerm[] = [];
    let constant = 0;
    let failed = false;
    for (const term of expression.terms ?? []) {
      const sign = term.sign === '-' ? -1 : 1;
      if (!term.operand) {
        // A constant: its coefficient is its value (a term with neither is left by error recovery).
        if (term.coef === undefined) failed = true;
        else constant += sign * term.coef;
        continue;
      }
      const coefficient = sign * (term.coef ?? 1);
      const cells = this.evaluateOperand(term.operand, bindings);
      if (!cells) {
        failed = true;
        continue;
      }
      for (const cell of cells) {
        terms.push(cell.previous ? { cell: cell.id, coef: coefficient, previous: true } : { cell: cell.id, coef: coefficient });
      }
    }
    if (failed) {
      return undefined;
    }
    // A cell of this year and the same cell of the year before are different operands.
    const merged = new Map<string, ModelTerm>();
    for (const term of terms) {
      const key = `${term.previous ? 'previous ' : ''}${term.cell}`;
      const earlier = merged.get(key);
      if (earlier) {
        this.problems.report('duplicate-addend', expression, { cell: key });
        earlier.coef += term.coef;
      } else {
        merged.set(key, { ...term });
      }
    }
    return { terms: [...merged.values()], constant };
  }

  private evaluateOperand(operand: NonNullable<LinearExpr['terms'][number]['operand']>, bindings: Bindings): CellRef[] | undefined {
    if (!operand) {
      return undefined;
    }
    if (operand.$type === 'CellSelection') {
      const cells = this.evaluateSelection(operand, bindings);
      if (!cells) {
        return undefined;
      }
      if (cells.length === 0) {
        this.problems.report('empty-selection', operand);
        return undefined;
      }
      if (cells.length > 1) {
        this.problems.report('not-a-single-cell', operand, { count: cells.length });
        return undefined;
      }
      return cells;
    }
    const cells: CellRef[] = [];
    for (const selection of operand.selections ?? []) {
      const selected = this.evaluateSelection(selection, bindings);
      if (!selected) {
        return undefined;
      }
      cells.push(...selected);
    }
    if (cells.length === 0) {
      this.problems.report('empty-selection', operand);
      return undefined;
    }
    return cells;
  }

  private requireLeaves(nodes: AxisNode[], where: AxisSet): AxisNode[] | undefined {
    const group = nodes.find(isGroupNode);
    if (group) {
      this.problems.report('group-without-data', where, { name: axisNodeId(group) });
      return undefined;
    }
    return nodes;
  }

  private evaluatePrimary(primary: AxisSetPrimary | undefined, context: AxisContext): AxisNode[] | undefined {
    if (!primary) {
      return undefined;
    }
    if (isAxisItem(primary)) {
      const node = this.resolveItem(primary, context);
      return node ? [node] : undefined;
    }
    if (isLeavesOf(primary)) {
      if (!primary.of) {
        return context.table ? axisLeaves(context.table, context.axis) : undefined;
      }
      const node = this.resolveItem(primary.of, context);
      return node ? leavesUnder(node) : undefined;
    }
    if (isAxisList(primary)) {
      const result: AxisNode[] = [];
      for (const item of primary.items ?? []) {
        const nodes = this.evaluatePrimary(item, context);
        if (!nodes) {
          return undefined;
        }
        for (const node of nodes) {
          if (!result.includes(node)) {
            result.push(node);
          }
        }
      }
      return result;
    }
    return undefined;
  }

  private resolveItem(item: AxisItem, context: AxisContext): AxisNode | undefined {
    const property = item.parentOf ? 'parentOf' : 'ref';
    const reference = item.parentOf ?? item.ref;
    const target = reference?.ref;
    if (!reference || !target) {
      return undefined;
    }
    const name = reference.$refText;
    let node: AxisNode;
    if (isQuantifier(target)) {
      this.usedVariables.add(target);
      if (target.axis !== context.axis) {
        this.problems.report('variable-axis-mismatch', item, this.axisArgs(name, target.axis, context.axis), property);
        return undefined;
      }
      if (context.table !== this.ruleTable) {
        this.problems.report(
          'variable-table-mismatch',
          item,
          { name, actual: this.ruleTable?.name ?? '', expected: context.table?.name ?? '' },
          property,
        );
        return undefined;
      }
      const bound = context.bindings.get(target);
      if (!bound) {
        return undefined;
      }
      node = bound;
    } else {
      const table = tableOfAxisNode(target);
      if (context.table && table !== context.table) {
        const hint = this.hint(name, context);
        this.problems.report(
          'wrong-table',
          item,
          { name, actual: table?.name ?? '', expected: context.table.name, hintZh: hint.zh, hintEn: hint.en },
          property,
        );
        return undefined;
      }
      const axis = axisOfAxisNode(target);
      if (axis !== context.axis) {
        const hint = this.hint(name, context);
        this.problems.report('wrong-axis', item, { ...this.axisArgs(name, axis, context.axis), hintZh: hint.zh, hintEn: hint.en }, property);
        return undefined;
      }
      node = target;
    }
    if (item.parentOf) {
      const parent = parentOfAxisNode(node);
      if (!parent) {
        this.problems.report('no-parent', item, { name: axisNodeId(node) }, property);
        return undefined;
      }
      return parent;
    }
    return node;
  }

  /** A "did you mean" hint among the ids the place expects: a nested id written by its local name (`total` for `results.total`). */
  private hint(name: string, context: AxisContext): NameHint {
    return context.table ? axisNameHint(name, allAxisNodes(context.table, context.axis).map(axisNodeId)) : noHint;
  }

  private axisArgs(name: string, actual: Axis, expected: Axis): Record<string, string> {
    return {
      name,
      actualZh: axisNames[actual].zh,
      actualEn: axisNames[actual].en,
      expectedZh: axisNames[expected].zh,
      expectedEn: axisNames[expected].en,
    };
  }
}
