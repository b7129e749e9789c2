import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOffsetMappingFrom, identityView, renderHtml, TextViewBuilder, type TextView } from '../../src/read/index.js';
import { normalizeView } from '../../src/normalize/index.js';

/**
 * `firstOffsetMappingFrom` finds from a view's runs what asking `toOriginal` of every offset finds: the
 * first offset mapping at or after a target (the text's length when none does), on random chains of
 * views made by builders (copies, replacements longer, shorter and of the same length, deletions,
 * insertions), on renditions of pages and their normalised views.
 */

type Step = { kind: 'keep'; length: number } | { kind: 'skip'; length: number } | { kind: 'replace'; length: number; text: string } | { kind: 'insert'; text: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('keep' as const), length: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('skip' as const), length: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('replace' as const), length: fc.integer({ min: 0, max: 4 }), text: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), text: fc.string({ maxLength: 3 }) }),
);

/** A view over `base` made by `steps` (lengths clipped to the base), then by `finish` or `build`. */
function build(base: string | TextView, steps: readonly Step[], finish: boolean): TextView {
  const builder = new TextViewBuilder(base);
  const length = typeof base === 'string' ? base.length : base.text.length;
  for (const s of steps) {
    if (s.kind === 'insert') {
      builder.insert(s.text);
      continue;
    }
    const end = Math.min(length, builder.position + s.length);
    if (s.kind === 'keep') builder.keep(end);
    else if (s.kind === 'skip') builder.skip(end);
    else builder.replace(end, s.text);
  }
  return finish ? builder.finish() : builder.build();
}

/** The first offset `toOriginal` maps at or after `target`, asked offset by offset. */
function bruteForce(view: TextView, target: number): number {
  for (let o = 0; o <= view.text.length; o++) if (view.toOriginal(o) >= target) return o;
  return view.text.length;
}

function expectAllTargets(view: TextView, originalLength: number): void {
  for (let target = -1; target <= originalLength + 1; target++) {
    const found = firstOffsetMappingFrom(view, target);
    if (found === undefined) continue;
    if (found !== bruteForce(view, target)) expect({ target, found }).toEqual({ target, found: bruteForce(view, target) });
  }
}

describe('firstOffsetMappingFrom', () => {
  it('finds what toOriginal finds offset by offset, on chains of built views', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.tuple(fc.array(step, { maxLength: 12 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
        (original, layers) => {
          let view: string | TextView = original;
          for (const [steps, finish] of layers) view = build(view, steps, finish);
          expectAllTargets(view as TextView, original.length);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds it on the rendition of a page and its normalised view', () => {
    const page = '<p>一、总体情况</p><table><tr><td>收到 &amp; 申请</td><td> 12 </td><td>&nbsp;</td></tr></table><p>規(guī)定　３件</p>';
    const rendition = renderHtml(page);
    expectAllTargets(rendition, page.length);
    expectAllTargets(normalizeView(rendition), page.length);
  });

  it('says nothing of other views', () => {
    expect(firstOffsetMappingFrom(identityView('abc'), 1)).toBeUndefined();
  });
});
