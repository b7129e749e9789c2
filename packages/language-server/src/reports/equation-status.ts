import type { ArithmeticRuleIR, EquationIR, ReportCell, Term } from '@nianbao/core';

/** How an equation fares on a report's cells. */
export interface EquationStatus {
  rule: ArithmeticRuleIR;
  equation: EquationIR;
  /** Σ of the left and right sides; null when a term is undecidable (missing, blank under `unknown`, text). */
  lhs: number | null;
  rhs: number | null;
  /** True / false, or null when undecidable. */
  holds: boolean | null;
}

/** The value a term's cell contributes, or null when it cannot be known. */
function termValue(term: Term, cells: ReadonlyMap<string, ReportCell>, blank: ArithmeticRuleIR['blank']): number | null {
  const cell = cells.get(term.cell);
  if (!cell) return null;
  if (cell.state === 'number' && cell.value !== null) return term.coef * cell.value;
  if (cell.state === 'blank' && blank === 'zero') return 0;
  return null;
}

function side(terms: readonly Term[], cells: ReadonlyMap<string, ReportCell>, blank: ArithmeticRuleIR['blank'], constant = 0): number | null {
  let sum = constant;
  for (const term of terms) {
    const value = termValue(term, cells, blank);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/**
 * Evaluates an equation for display (the hover): the sums of both sides and whether it holds. The findings
 * themselves come from the core's validator; this only explains a cell's rules to the reader.
 */
export function equationStatus(
  rule: ArithmeticRuleIR,
  equation: EquationIR,
  cells: ReadonlyMap<string, ReportCell>,
): EquationStatus {
  const lhs = side(equation.lhs, cells, rule.blank, equation.lhsConstant);
  const rhs = side(equation.rhs, cells, rule.blank, equation.rhsConstant);
  let holds = compare(equation.op, lhs, rhs, rule.tolerance);
  if (equation.when) {
    // A conditional equation whose condition does not hold (or is undecided) is not checked: undecided here.
    const condition = compare(
      equation.when.op,
      side(equation.when.lhs, cells, rule.blank, equation.when.lhsConstant),
      side(equation.when.rhs, cells, rule.blank, equation.when.rhsConstant),
      rule.tolerance,
    );
    if (condition !== true) holds = null;
  }
  return { rule, equation, lhs, rhs, holds };
}

function compare(op: EquationIR['op'], lhs: number | null, rhs: number | null, ruleTolerance: number): boolean | null {
  if (lhs === null || rhs === null) return null;
  const tolerance = ruleTolerance + 1e-9;
  const difference = lhs - rhs;
  switch (op) {
    case '=':
      return Math.abs(difference) <= tolerance;
    case '<=':
      return difference <= tolerance;
    case '>=':
      return difference >= -tolerance;
    case '<':
      return difference < -tolerance;
    case '>':
      return difference > tolerance;
  }
}
