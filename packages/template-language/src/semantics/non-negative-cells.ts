import type { ProblemCollector } from './analysis-problem.js';
import type { ResolvedCellType } from './cell-type.js';
import { constantOf, differenceOf, type SourcedEquation } from './equation-relations.js';
import type { ModelComparison, ModelOperator } from './template-model.js';

/** What non-negative cells make of a comparison: it never holds, it always holds, or it depends. */
export interface CountVerdict {
  verdict: 'never' | 'always';
  /** The cells of the comparison, rearranged as `Σ |coef| × cell  relation`. */
  cells: string[];
  /** `< 0`, `>= -2`, …: what the comparison asks of the non-negative sum. */
  relation: string;
}

const flipped: Record<ModelOperator, ModelOperator> = { '=': '=', '<=': '>=', '>=': '<=', '<': '>', '>': '<' };

/**
 * What a comparison over count cells (never negative) says whatever the counts are. Rearranged as
 * `S op K` where S is a sum of cells with non-negative coefficients (every coefficient of one sign
 * after moving the constants to the right), S takes every value ≥ 0: the comparison never holds when it
 * asks S to be below 0 (`S < 0`, `S <= -1`, `S = -1`), and always holds — it checks nothing — when any
 * S ≥ 0 satisfies it (`S >= 0`, `S > -1`). Comparisons with signed cells (`integer`, `decimal`), money,
 * cells of the year before, or coefficients of both signs are left alone (undefined).
 */
export function countVerdict(comparison: ModelComparison, cellTypes: ReadonlyMap<string, ResolvedCellType>): CountVerdict | undefined {
  const difference = differenceOf(comparison);
  // Both sides the same (or constants only) is `trivial-equation` / `unsatisfiable-equation`.
  if (difference.length === 0) return undefined;
  if (!difference.every(([cell]) => cellTypes.get(cell)?.kind === 'count')) return undefined;
  const positive = difference.every(([, coef]) => coef > 0);
  const negative = difference.every(([, coef]) => coef < 0);
  if (!positive && !negative) return undefined;
  // D op K with D = Σ (lhs − rhs) and K = rhs constant − lhs constant; S = |D|.
  const constant = constantOf(comparison);
  const op = positive ? comparison.op : flipped[comparison.op];
  const bound = positive ? constant : -constant;
  const never = (op === '<' && bound <= 0) || ((op === '<=' || op === '=') && bound < 0);
  const always = (op === '>=' && bound <= 0) || (op === '>' && bound < 0);
  if (!never && !always) return undefined;
  return { verdict: never ? 'never' : 'always', cells: difference.map(([cell]) => cell), relation: `${op} ${bound}` };
}

/**
 * Equations over count cells that no report can break or no report can satisfy (see
 * {@link countVerdict}), and `when` conditions that are so: `never-holds-for-counts`,
 * `always-holds-for-counts`, `condition-never-holds`, `condition-always-holds`.
 */
export function checkNonNegativeCells(
  equations: readonly SourcedEquation[],
  cellTypes: ReadonlyMap<string, ResolvedCellType>,
  problems: ProblemCollector,
): void {
  for (const { equation, node, conditionNode } of equations) {
    const found = countVerdict(equation, cellTypes);
    if (found) {
      problems.report(found.verdict === 'never' ? 'never-holds-for-counts' : 'always-holds-for-counts', node, {
        equation: equation.id,
        cells: listed(found.cells),
        relation: found.relation,
      });
    }
    const condition = equation.when ? countVerdict(equation.when, cellTypes) : undefined;
    if (condition && conditionNode) {
      problems.report(condition.verdict === 'never' ? 'condition-never-holds' : 'condition-always-holds', conditionNode, {
        equation: equation.id,
        cells: listed(condition.cells),
        relation: condition.relation,
      });
    }
  }
}

function listed(cells: string[]): string {
  return cells.slice(0, 4).join(', ') + (cells.length > 4 ? ', …' : '');
}
