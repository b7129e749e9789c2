import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { ParsedReport } from '../../src/model/report.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { proseStatements } from '../../src/validate/prose-statements.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { editSamples } from '../check/edit-samples.js';

// The prose statements of a report are found again only when the texts searched changed: on the real
// reports, with cells' digits rewritten by as many (as most suggested fixes do) and by more, the statements
// given equal those found after another report's (nothing remembered).

/** The statements of `text` checked with `template` (a fresh validation context). */
async function statementsOf(text: string, name: string, template?: TemplateIR): Promise<{ report: ParsedReport; template: TemplateIR; found: ReturnType<typeof proseStatements> } | null> {
  const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: name }, { verifySuggestions: false, ...(template ? { template } : {}) });
  if (!result.report || !result.template) return null;
  const chosen = template ?? (builtinTemplates.find((t) => t.id === result.template!.id) as TemplateIR);
  const ctx = new ValidationContext(result.report, chosen, normalizeView(identityView(text)), builtinTemplates);
  return { report: result.report, template: chosen, found: proseStatements(ctx) };
}

describe('prose statements', () => {
  it('are found again when the texts searched change, and given again when they do not', async () => {
    let given = 0;
    let other = '';
    for (const sample of editSamples().filter((s) => s.name.endsWith('.txt'))) {
      const text = new TextDecoder().decode(sample.bytes).replace(/\r\n/gu, '\n');
      const first = await statementsOf(text, sample.name);
      if (!first || first.found.length === 0) continue;
      const cells = first.report.tables.flatMap((t) => t.rows.flatMap((row) => row.cells)).filter((c) => c.state === 'number' && c.range && /^[0-9]+$/u.test(c.raw));
      for (const cell of cells.filter((_, i) => i % 17 === 0).slice(0, 3)) {
        for (const newText of [String((Number(cell.raw[0]) + 1) % 10) + cell.raw.slice(1), `${cell.raw}5`]) {
          const edited = applyEdits(text, [{ range: cell.range!, newText }]);
          const again = await statementsOf(edited, sample.name, first.template);
          // Nothing remembered: the statements after another report's.
          if (other !== '') await statementsOf(other, 'other.txt');
          const fresh = await statementsOf(edited, sample.name, first.template);
          if (!again || !fresh) continue;
          expect(again.found, `${sample.name} ${newText}`).toEqual(fresh.found);
          // Prose and offsets as they were: the statements of the report as checked, given again.
          const before = await statementsOf(text, sample.name, first.template);
          const same = await statementsOf(edited, sample.name, first.template);
          if (newText.length === cell.raw.length && same!.found === before!.found) given++;
        }
      }
      other = text;
    }
    expect(given).toBeGreaterThan(20);
  }, 180_000);
});
