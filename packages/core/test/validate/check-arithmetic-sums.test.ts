import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArithmeticRuleIR, Term } from '../../src/ir/template-ir.js';
import { Rational } from '../../src/localize/index.js';
import { identityView } from '../../src/read/index.js';
import { checkArithmetic, operandTableLookup } from '../../src/validate/check-arithmetic.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { budgetReport, makeBudgetConsistent } from './fixtures/budget-report.js';

/** Written values around the bounds of the sums made in plain numbers (2^52, the safe integers), blanks and decimals. */
const RAWS = ['0', '1', '5', '10', '-3', '1.5', '0.1', '', '/', '4503599627370495', '4503599627370496', '9007199254740991', '9007199254740993', '3000000000000000'];

/** Whether every decidable equation of the template holds, evaluated in rationals only. */
function everyHoldsInRationals(ctx: ValidationContext): boolean {
  const rules = budgetTemplate.rules.filter((rule): rule is ArithmeticRuleIR => rule.kind === 'arithmetic');
  return rules.every((rule) =>
    rule.equations.every((equation) => {
      const side = (terms: Term[], constant = 0): Rational | null => {
        let total = Rational.fromNumber(constant);
        for (const term of terms) {
          const cell = ctx.reportCell(term.cell);
          let value: Rational;
          if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) value = Rational.fromNumber(cell.value);
          else if (cell.state === 'blank' && rule.blank === 'zero') value = Rational.ZERO;
          else return null;
          total = total.add(Rational.fromNumber(term.coef).mul(value));
        }
        return total;
      };
      const lhs = side(equation.lhs, equation.lhsConstant);
      const rhs = side(equation.rhs, equation.rhsConstant);
      if (lhs === null || rhs === null) return true;
      const difference = lhs.sub(rhs);
      return equation.op === '=' ? difference.isZero() : equation.op === '<=' ? difference.sign() <= 0 : difference.sign() >= 0;
    }),
  );
}

describe('checkArithmetic on sums made in plain numbers', () => {
  it('finds an equation failing exactly when one fails in rationals, near and past the safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAWS), { minLength: 9, maxLength: 9 }), fc.boolean(), (raws, consistent) => {
        // Half the tables are made consistent (totals the sums of their parts), where most equations hold.
        if (consistent) {
          makeBudgetConsistent(raws);
        }
        const report = budgetReport(raws);
        // Twice: the second check reads what the first compiled of the template.
        for (let i = 0; i < 2; i++) {
          const ctx = new ValidationContext(report, budgetTemplate, identityView(report.source.text), [budgetTemplate]);
          const findings = checkArithmetic(ctx).filter((d) => d.code === 'arithmetic/equation' || d.code === 'arithmetic/table-doubtful');
          expect(findings.length === 0, raws.join(' ')).toBe(everyHoldsInRationals(ctx));
        }
      }),
      { numRuns: 400, seed: 9 },
    );
  });
});

describe('checkArithmetic values for the localiser', () => {
  it('reads from the operand table the values gathered cell by cell: a number as a rational gives it back, blank 0', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAWS, '-0', '2.675', '1e-7'), { minLength: 9, maxLength: 9 }), (raws) => {
        const report = budgetReport(raws);
        const ctx = new ValidationContext(report, budgetTemplate, identityView(report.source.text), [budgetTemplate]);
        const lookup = operandTableLookup(ctx)!;
        for (const rule of budgetTemplate.rules) {
          if (rule.kind !== 'arithmetic') continue;
          for (const term of rule.equations.flatMap((e) => [...e.lhs, ...e.rhs])) {
            const cell = ctx.reportCell(term.cell);
            const readable = cell.state === 'blank' || (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value));
            if (!readable) continue;
            const gathered = cell.state === 'blank' ? 0 : Rational.fromNumber(cell.value!).toNumber();
            expect(Object.is(lookup.get(term.cell), gathered), `${term.cell} ${cell.raw}`).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('checkArithmetic sides of failed equations', () => {
  it('shows the sides summed in rationals, near and past the safe integers', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAWS), { minLength: 9, maxLength: 9 }), fc.nat(8), fc.constantFrom(...RAWS), (raws, changed, to) => {
        // Consistent sums with one cell written over: one to three failed equations, mostly.
        makeBudgetConsistent(raws);
        raws[changed] = to;
        const report = budgetReport(raws);
        const ctx = new ValidationContext(report, budgetTemplate, identityView(report.source.text), [budgetTemplate]);
        const findings = checkArithmetic(ctx);
        // A table found doubtful stands for its failed equations: those are compared elsewhere.
        if (findings.some((d) => d.code === 'arithmetic/table-doubtful')) return;
        const shown = findings.filter((d) => d.code === 'arithmetic/equation').map((d) => `${d.rule} ${[...d.cells!].sort().join(',')} ${d.actual} ${d.expected}`);
        const failed: string[] = [];
        for (const rule of budgetTemplate.rules) {
          if (rule.kind !== 'arithmetic') continue;
          for (const equation of rule.equations) {
            const side = (terms: Term[], constant = 0): Rational | null => {
              let total = Rational.fromNumber(constant);
              for (const term of terms) {
                const cell = ctx.reportCell(term.cell);
                if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) total = total.add(Rational.fromNumber(term.coef).mul(Rational.fromNumber(cell.value)));
                else if (!(cell.state === 'blank' && rule.blank === 'zero')) return null;
              }
              return total;
            };
            const lhs = side(equation.lhs, equation.lhsConstant);
            const rhs = side(equation.rhs, equation.rhsConstant);
            if (lhs === null || rhs === null) continue;
            const difference = lhs.sub(rhs);
            const holds = equation.op === '=' ? difference.isZero() : equation.op === '<=' ? difference.sign() <= 0 : difference.sign() >= 0;
            if (holds) continue;
            const cells = [...new Set([...equation.lhs, ...equation.rhs].map((t) => t.cell))].sort();
            failed.push(`${rule.id} ${cells.join(',')} ${lhs.toNumber()} ${rhs.toNumber()}`);
          }
        }
        expect(shown.sort(), raws.join(' ')).toEqual(failed.sort());
        if (failed.length > 0) compared++;
      }),
      { numRuns: 400, seed: 19 },
    );
    expect(compared).toBeGreaterThan(50);
  });
});
