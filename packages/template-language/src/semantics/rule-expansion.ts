import type { ArithmeticBody, AxisNode, Equation, Quantifier, Rule, Table } from '../generated/ast.js';
import type { ProblemCollector } from './analysis-problem.js';
import { axisLeaves, axisNodeId } from './axis-tree.js';
import type { Bindings } from './cell-expression-evaluator.js';
import { CellExpressionEvaluator } from './cell-expression-evaluator.js';
import type { ModelComparison, ModelEquation } from './template-model.js';
import { quantifierVariableName } from '../references/axis-position.js';

/** Upper bound on the equations one rule may expand to (a guard against runaway quantifiers). */
export const maxEquationsPerRule = 20000;

/**
 * Expands the quantifiers of an arithmetic rule (cartesian product, in order; a later quantifier's
 * domain may use earlier variables) and evaluates its equation once per binding. Equation ids are
 * `${rule}[${values}]`, or the rule id when the rule has no quantifier.
 */
export function expandArithmeticRule(
  rule: Rule,
  body: ArithmeticBody,
  table: Table | undefined,
  problems: ProblemCollector,
): { equations: ModelEquation[]; evaluator: CellExpressionEvaluator } | undefined {
  const evaluator = new CellExpressionEvaluator(problems, table);
  const quantifiers = body.quantifiers ?? [];
  let bindingsList: Array<Map<Quantifier, AxisNode>> = [new Map()];
  for (const quantifier of quantifiers) {
    if (!table) {
      problems.report('quantifier-without-table', quantifier);
      return undefined;
    }
    const next: Array<Map<Quantifier, AxisNode>> = [];
    for (const bindings of bindingsList) {
      const domain = quantifier.domain
        ? evaluator.evaluateAxisSet(quantifier.domain, table, quantifier.axis, bindings)
        : axisLeaves(table, quantifier.axis);
      if (!domain) {
        return undefined;
      }
      if (domain.length === 0) {
        problems.report('empty-domain', quantifier);
        return undefined;
      }
      for (const node of domain) {
        next.push(new Map(bindings).set(quantifier, node));
      }
      if (next.length > maxEquationsPerRule) {
        problems.report('too-many-equations', quantifier, { limit: maxEquationsPerRule });
        return undefined;
      }
    }
    bindingsList = next;
  }
  const equation = body.equation;
  if (!equation?.lhs || !equation.rhs || !equation.op) {
    return undefined;
  }
  const condition = body.condition;
  if (condition && (!condition.lhs || !condition.rhs || !condition.op)) {
    return undefined;
  }
  const equations: ModelEquation[] = [];
  for (const bindings of bindingsList) {
    const expanded = comparison(evaluator, equation, bindings);
    const when = condition ? comparison(evaluator, condition, bindings) : undefined;
    if (!expanded || (condition && !when)) {
      return undefined;
    }
    equations.push({
      id: equationId(rule.name, quantifiers, bindings),
      ...expanded,
      ...(when ? { when } : {}),
      bindings: bindingRecord(quantifiers, bindings),
    });
  }
  for (const quantifier of quantifiers) {
    if (!evaluator.usedVariables.has(quantifier)) {
      problems.report('unused-variable', quantifier, { name: quantifierVariableName(quantifier) });
    }
  }
  return { equations, evaluator };
}

/** A comparison evaluated under one binding: its terms, and its constants where they are not 0. */
function comparison(evaluator: CellExpressionEvaluator, equation: Equation, bindings: Bindings): ModelComparison | undefined {
  const lhs = evaluator.evaluateLinear(equation.lhs, bindings);
  const rhs = evaluator.evaluateLinear(equation.rhs, bindings);
  if (!lhs || !rhs) {
    return undefined;
  }
  return {
    lhs: lhs.terms,
    op: equation.op,
    rhs: rhs.terms,
    ...(lhs.constant !== 0 ? { lhsConstant: lhs.constant } : {}),
    ...(rhs.constant !== 0 ? { rhsConstant: rhs.constant } : {}),
  };
}

function equationId(rule: string, quantifiers: Quantifier[], bindings: Bindings): string {
  if (quantifiers.length === 0) {
    return rule;
  }
  const values = quantifiers.map((quantifier) => {
    const node = bindings.get(quantifier);
    return node ? axisNodeId(node) : '';
  });
  return `${rule}[${values.join(',')}]`;
}

function bindingRecord(quantifiers: Quantifier[], bindings: Bindings): Record<string, string> {
  const record: Record<string, string> = {};
  for (const quantifier of quantifiers) {
    const node = bindings.get(quantifier);
    if (node) {
      record[quantifierVariableName(quantifier)] = axisNodeId(node);
    }
  }
  return record;
}
