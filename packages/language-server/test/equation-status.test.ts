import { describe, expect, it } from 'vitest';
import type { ArithmeticRuleIR, EquationIR, ReportCell } from '@nianbao/core';
import { equationStatus } from '../src/reports/equation-status.js';

function cell(id: string, value: number): ReportCell {
  return { id, state: 'number', value } as unknown as ReportCell;
}

function rule(tolerance: number): ArithmeticRuleIR {
  return { id: 'R', blank: 'zero', tolerance } as unknown as ArithmeticRuleIR;
}

function equation(op: EquationIR['op']): EquationIR {
  return { op, lhs: [{ cell: 'a', coef: 1 }, { cell: 'b', coef: 1 }], rhs: [{ cell: 'c', coef: 1 }] } as unknown as EquationIR;
}

describe('equationStatus (the hover) decides as the validator does', () => {
  it('sums decimals exactly: 0.1 + 0.2 = 0.3 holds with no tolerance', () => {
    const cells = new Map([cell('a', 0.1), cell('b', 0.2), cell('c', 0.3)].map((c) => [c.id, c]));
    expect(equationStatus(rule(0), equation('='), cells).holds).toBe(true);
  });

  it('a strict comparison ignores the tolerance, like the validator (5 < 5.5 holds with tolerance 1)', () => {
    const cells = new Map([cell('a', 2), cell('b', 3), cell('c', 5.5)].map((c) => [c.id, c]));
    expect(equationStatus(rule(1), equation('<'), cells).holds).toBe(true);
    expect(equationStatus(rule(1), equation('<'), cells).lhs).toBe(5);
  });
});
