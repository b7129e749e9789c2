import type { AstNode } from 'langium';
import type { ProblemCollector } from './analysis-problem.js';
import type { ModelComparison, ModelEquation, ModelOperator } from './template-model.js';

/** An expanded equation with the AST node it comes from (and its `when` condition's, if any). */
export interface SourcedEquation {
  equation: ModelEquation;
  node: AstNode;
  conditionNode?: AstNode;
}

type SignSet = ReadonlySet<-1 | 0 | 1>;

const allowedSigns: Record<ModelOperator, SignSet> = {
  '=': new Set([0]),
  '<=': new Set([-1, 0]),
  '>=': new Set([0, 1]),
  '<': new Set([-1]),
  '>': new Set([1]),
};

const epsilon = 1e-12;

/**
 * Compares every equation with every other one over the same cells: an equation whose sides are the
 * same (trivially true, or never true when strict), two equations that say the same, one that another
 * implies, and two that contradict each other. Each equation is reduced to `Σ (lhs − rhs) op K`,
 * normalised so that its first coefficient is 1; only equations with the same constant and the same
 * `when` condition are compared.
 */
export function checkEquationRelations(equations: SourcedEquation[], problems: ProblemCollector): void {
  const byDifference = new Map<string, Array<{ sourced: SourcedEquation; signs: SignSet }>>();
  for (const sourced of equations) {
    const { equation, node } = sourced;
    const difference = differenceOf(equation);
    const constant = constantOf(equation);
    if (difference.length === 0) {
      // 0 op K: the sign of 0 − K decides, whatever the report says.
      const holds = allowedSigns[equation.op].has(Math.sign(-constant) as -1 | 0 | 1);
      problems.report(holds ? 'trivial-equation' : 'unsatisfiable-equation', node, { equation: equation.id });
      continue;
    }
    const scale = difference[0][1];
    const flipped = scale < 0;
    const key = difference.map(([cell, coef]) => `${cell}:${(coef / Math.abs(scale)).toPrecision(12)}`).join(' ');
    const normalisedConstant = ((flipped ? -constant : constant) / Math.abs(scale)).toPrecision(12);
    const normalisedKey = `${flipped ? negateKey(difference, scale) : key} = ${normalisedConstant} ${conditionKey(equation.when)}`;
    const signs = flipped ? mirror(allowedSigns[equation.op]) : allowedSigns[equation.op];
    const earlier = byDifference.get(normalisedKey) ?? [];
    for (const previous of earlier) {
      const common = [...signs].filter((sign) => previous.signs.has(sign));
      const args = { equation: equation.id, other: previous.sourced.equation.id };
      if (common.length === 0) {
        problems.report('contradictory-rule', node, args);
      } else if (common.length === signs.size && common.length === previous.signs.size) {
        problems.report('duplicate-equation', node, args);
      } else if (common.length === previous.signs.size) {
        problems.report('redundant-equation', node, args);
      } else if (common.length === signs.size) {
        problems.report('redundant-equation', node, { equation: previous.sourced.equation.id, other: equation.id });
      }
    }
    earlier.push({ sourced, signs });
    byDifference.set(normalisedKey, earlier);
  }
}

/** The constant K of the comparison rearranged as `Σ (lhs − rhs) op K`: right constant minus left constant. */
export function constantOf(comparison: ModelComparison): number {
  return (comparison.rhsConstant ?? 0) - (comparison.lhsConstant ?? 0);
}

/** The comparison as `Σ coef × cell op K` (left side minus right side): the non-zero coefficients by cell, sorted by cell id. */
export function differenceOf(equation: ModelComparison): Array<[string, number]> {
  const difference = new Map<string, number>();
  // The same cell of the year before (`previous`) is another unknown.
  const key = (term: ModelComparison['lhs'][number]) => (term.previous ? `previous ${term.cell}` : term.cell);
  for (const term of equation.lhs) {
    difference.set(key(term), (difference.get(key(term)) ?? 0) + term.coef);
  }
  for (const term of equation.rhs) {
    difference.set(key(term), (difference.get(key(term)) ?? 0) - term.coef);
  }
  return [...difference]
    .filter(([, coef]) => Math.abs(coef) > epsilon)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Equations under different conditions are not compared: a text that tells the conditions apart. */
function conditionKey(condition: ModelComparison | undefined): string {
  if (!condition) return '';
  const difference = differenceOf(condition).map(([cell, coef]) => `${cell}:${coef}`);
  return `when ${difference.join(' ')} ${condition.op} ${constantOf(condition)}`;
}

function negateKey(difference: Array<[string, number]>, scale: number): string {
  return difference.map(([cell, coef]) => `${cell}:${(-coef / Math.abs(scale)).toPrecision(12)}`).join(' ');
}

function mirror(signs: SignSet): SignSet {
  return new Set([...signs].map((sign) => (sign === 0 ? 0 : (-sign as -1 | 1))));
}
