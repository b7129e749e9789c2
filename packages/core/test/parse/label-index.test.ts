import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternsStartingWith } from '../../src/parse/label-index.js';
import { labelPattern } from '../../src/parse/label-match.js';
import { tablePlans, type RowLabelPlan } from '../../src/parse/table-plan.js';
import { builtinTemplates } from '../../src/templates/index.js';

/** Its definition: every pattern with a non-empty key starting with `first`, in label order, then pattern order. */
function reference(labels: readonly RowLabelPlan[], first: number) {
  return labels.flatMap((label, t) => label.patterns.filter((p) => p.key !== '' && p.key.charCodeAt(0) === first).map((pattern) => ({ label: t, pattern })));
}

describe('patternsStartingWith', () => {
  it('lists the patterns of the built-in tables that start with a unit, as their definition does', () => {
    for (const template of builtinTemplates) {
      for (const plan of tablePlans(template).values()) {
        const units = new Set(plan.labels.flatMap((l) => l.patterns.map((p) => p.key.charCodeAt(0))));
        for (const unit of [...units, 0x41, 0x4e00]) expect(patternsStartingWith(plan.labels, unit)).toEqual(reference(plan.labels, unit));
      }
    }
  });

  it('lists the patterns of any labels that start with a unit, as their definition does', () => {
    const label = fc.array(fc.constantFrom('', '一、', '（二）', '1.', '其他', '予以公开', '2.其他', 'a', '不予公开'), { maxLength: 3 }).map((parts) => parts.join(''));
    const labels = fc.array(fc.array(label, { maxLength: 3 }), { maxLength: 8 }).map((list) =>
      list.map((texts, t): RowLabelPlan => {
        const patterns = texts.map(labelPattern);
        return { id: `r${t}`, label: texts[0] ?? '', pattern: patterns[0] ?? null, patterns, leaf: true, leafIndex: t };
      }),
    );
    fc.assert(
      fc.property(labels, fc.constantFrom(...'一二1其予不a'), (list, first) => {
        const unit = first.charCodeAt(0);
        expect(patternsStartingWith(list, unit)).toEqual(reference(list, unit));
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
