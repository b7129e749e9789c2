import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { identityView } from '../../src/read/index.js';
import { checkArithmetic } from '../../src/validate/check-arithmetic.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { budgetReport } from './fixtures/budget-report.js';

const RAWS = ['0', '1', '2', '3', '5', '8', '', '/', '1.5'];

describe('checkArithmetic texts of failed equations', () => {
  it('are those of a template never checked before, whatever reports and languages came first', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAWS), { minLength: 9, maxLength: 9 }), fc.constantFrom('zh-CN', 'en'), (raws, locale) => {
        const report = budgetReport(raws);
        const view = identityView(report.source.text);
        // The shared template's equations keep their texts from the checks before; a copy's are made now.
        const fresh = structuredClone(budgetTemplate) as TemplateIR;
        const kept = checkArithmetic(new ValidationContext(report, budgetTemplate, view, [budgetTemplate], locale));
        const made = checkArithmetic(new ValidationContext(report, fresh, view, [fresh], locale));
        expect(kept, `${locale} ${raws.join(' ')}`).toEqual(made);
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
