import type { AstNode } from 'langium';
import type { Quantifier, Rule, Table } from '../generated/ast.js';
import { isCellSelection, isQuantifier, isRule } from '../generated/ast.js';
import type { Axis } from '../semantics/axis-tree.js';

/** Where a row/column reference stands: which axis of which table it must name. */
export interface AxisPosition {
  /** The axis the reference must name. */
  axis: Axis;
  /** The table the reference must belong to (undefined when the rule names none). */
  table: Table | undefined;
  /** The rule around the reference. */
  rule: Rule | undefined;
  /** The quantifier whose domain holds the reference, if any. */
  quantifier: Quantifier | undefined;
}

/**
 * The position of a node inside a rule: in `[rows, columns]` of a cell selection (the selection's
 * table, or the rule's) or in the domain of a quantifier (the rule's table, the quantifier's axis).
 * Undefined outside both.
 */
export function axisPositionOf(node: AstNode): AxisPosition | undefined {
  let child: AstNode = node;
  let current: AstNode | undefined = node.$container;
  while (current) {
    if (isCellSelection(current)) {
      const rule = ruleOf(current);
      return {
        axis: child.$containerProperty === 'rows' ? 'row' : 'column',
        table: current.table ? current.table.ref : rule?.table?.ref,
        rule,
        quantifier: undefined,
      };
    }
    if (isQuantifier(current)) {
      const rule = ruleOf(current);
      return { axis: current.axis, table: rule?.table?.ref, rule, quantifier: current };
    }
    child = current;
    current = current.$container;
  }
  return undefined;
}

/** The name a quantifier variable is referenced by: its own name, or the axis word. */
export function quantifierVariableName(quantifier: Quantifier): string {
  return quantifier.name ?? quantifier.axis;
}

/** The rule around a node, if any. */
export function ruleOf(node: AstNode): Rule | undefined {
  let current: AstNode | undefined = node;
  while (current && !isRule(current)) {
    current = current.$container;
  }
  return current;
}
