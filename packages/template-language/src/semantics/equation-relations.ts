import type { AstNode } from 'langium';
import type { ProblemCollector } from './analysis-problem.js';
import type { ModelEquation, ModelOperator } from './template-model.js';

/** An expanded equation with the AST node it comes from. */
export interface SourcedEquation {
  equation: ModelEquation;
  node: AstNode;
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
 * implies, and two that contradict each other. Each equation is reduced to `Σ (lhs − rhs) op 0`,
 * normalised so that its first coefficient is 1.
 */
export function checkEquationRelations(equations: SourcedEquation[], problems: ProblemCollector): void {
  const byDifference = new Map<string, Array<{ sourced: SourcedEquation; signs: SignSet }>>();
  for (const sourced of equations) {
    const { equation, node } = sourced;
    const difference = differenceOf(equation);
    if (difference.length === 0) {
      const holds = allowedSigns[equation.op].has(0);
      problems.report(holds ? 'trivial-equation' : 'unsatisfiable-equation', node, { equation: equation.id });
      continue;
    }
    const scale = difference[0][1];
    const flipped = scale < 0;
    const key = difference.map(([cell, coef]) => `${cell}:${(coef / Math.abs(scale)).toPrecision(12)}`).join(' ');
    const normalisedKey = flipped ? negateKey(difference, scale) : key;
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

/** The equation as `Σ coef × cell op 0` (left side minus right side): the non-zero coefficients by cell, sorted by cell id. */
export function differenceOf(equation: ModelEquation): Array<[string, number]> {
  const difference = new Map<string, number>();
  // The same cell of the year before (`previous`) is another unknown.
  const key = (term: ModelEquation['lhs'][number]) => (term.previous ? `previous ${term.cell}` : term.cell);
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

function negateKey(difference: Array<[string, number]>, scale: number): string {
  return difference.map(([cell, coef]) => `${cell}:${(-coef / Math.abs(scale)).toPrecision(12)}`).join(' ');
}

function mirror(signs: SignSet): SignSet {
  return new Set([...signs].map((sign) => (sign === 0 ? 0 : (-sign as -1 | 1))));
}
