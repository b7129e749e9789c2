import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { identityView } from '../../src/read/index.js';
import { checkArithmetic } from '../../src/validate/check-arithmetic.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { budgetReport, makeBudgetConsistent } from './fixtures/budget-report.js';

/** Written values: small counts (so that one to nine equations of the 3×3 table fail), a blank and an unreadable cell. */
const RAWS = ['0', '1', '2', '3', '5', '8', '', '/'];

/** What a fix's re-check judges of a finding (see `verifySuggestions`): code, rule, and its cells, else its message and start. */
function judged(d: Diagnostic): string {
  const where = d.cells && d.cells.length > 0 ? [...d.cells].sort().join(',') : `${d.message}@${d.range.start}`;
  return `${d.code}|${d.rule ?? ''}|${where}`;
}

describe('checkArithmetic building only the judged findings', () => {
  it('finds the findings and doubtful tables of the full check, with or without localising the failed equations', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAWS), { minLength: 9, maxLength: 9 }), fc.nat(8), (raws, consistentUpTo) => {
        // Consistent sums with some cells changed after: from no failed equation to many in one table.
        if (consistentUpTo > 0) {
          makeBudgetConsistent(raws);
          for (let i = consistentUpTo; i < 9; i += 3) raws[i] = String(Number(raws[i]) + 1);
        }
        const report = budgetReport(raws);
        const view = identityView(report.source.text);
        const full = new ValidationContext(report, budgetTemplate, view, [budgetTemplate]);
        const bare = new ValidationContext(report, budgetTemplate, view, [budgetTemplate], 'zh-CN', true);
        const fullFindings = checkArithmetic(full);
        const bareFindings = checkArithmetic(bare);
        expect(bareFindings.map(judged).sort(), raws.join(' ')).toEqual(fullFindings.map(judged).sort());
        expect([...bare.doubtfulTables], raws.join(' ')).toEqual([...full.doubtfulTables]);
        for (const d of bareFindings) expect(d.suggestions).toEqual([]);
      }),
      { numRuns: 400, seed: 19 },
    );
  });
});
