import { Rational, equationHolds, type ArithmeticRuleIR, type EquationIR, type ReportCell, type Term } from '@nianbao/core';

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
function termValue(term: Term, cells: ReadonlyMap<string, ReportCell>, blank: ArithmeticRuleIR['blank']): Rational | null {
  const cell = cells.get(term.cell);
  if (!cell) return null;
  if (cell.state === 'number' && cell.value !== null) return Rational.fromNumber(term.coef).mul(Rational.fromNumber(cell.value));
  if (cell.state === 'blank' && blank === 'zero') return Rational.ZERO;
  return null;
}

/** Σ of a side, exact (as the validator sums it), or null when a term is undecidable. */
function side(terms: readonly Term[], cells: ReadonlyMap<string, ReportCell>, blank: ArithmeticRuleIR['blank'], constant = 0): Rational | null {
  let sum = Rational.fromNumber(constant);
  for (const term of terms) {
    const value = termValue(term, cells, blank);
    if (value === null) return null;
    sum = sum.add(value);
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
  const lhsSum = side(equation.lhs, cells, rule.blank, equation.lhsConstant);
  const rhsSum = side(equation.rhs, cells, rule.blank, equation.rhsConstant);
  let holds = compare(equation.op, lhsSum, rhsSum, rule.tolerance);
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
  return { rule, equation, lhs: lhsSum?.toNumber() ?? null, rhs: rhsSum?.toNumber() ?? null, holds };
}

/** The validator's own comparison, or null when a side is undecidable. */
function compare(op: EquationIR['op'], lhs: Rational | null, rhs: Rational | null, tolerance: number): boolean | null {
  return lhs === null || rhs === null ? null : equationHolds(op, lhs, rhs, tolerance);
}
