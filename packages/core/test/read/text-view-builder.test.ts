import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityView, offsetWalk, rangesToOriginal, rangeToOriginal, renderHtml, TextViewBuilder, type TextView } from '../../src/read/index.js';

/** One step of a random edit script for a {@link TextViewBuilder}. */
const editOp = fc.oneof(
  fc.record({ kind: fc.constant('keep' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('skip' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('replace' as const), n: fc.integer({ min: 0, max: 5 }), text: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), text: fc.string({ maxLength: 3 }) }),
);

describe('TextViewBuilder', () => {
  it('maps copied, replaced, deleted and inserted runs', () => {
    const base = 'abc&amp;def<b>ghi';
    const b = new TextViewBuilder(base);
    b.keep(3); // abc
    b.replace(8, '&'); // &amp; → &
    b.keep(11); // def
    b.skip(14); // <b>
    b.insert('\t');
    b.keep(17); // ghi
    const view = b.finish();
    expect(view.text).toBe('abc&def\tghi');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((o) => view.toOriginal(o))).toEqual([
      0, 1, 2, 3, 8, 9, 10, 14, 14, 15, 16, 17,
    ]);
    expect(rangeToOriginal(view, { start: 3, end: 4 })).toEqual({ start: 3, end: 8 });
    expect(rangeToOriginal(view, { start: 4, end: 7 })).toEqual({ start: 8, end: 11 });
    expect(rangeToOriginal(view, { start: 8, end: 11 })).toEqual({ start: 14, end: 17 });
  });

  it('keeps same-length replacements one to one and in one run', () => {
    const b = new TextViewBuilder('（一）');
    b.replace(1, '(');
    b.keep(2);
    b.replace(3, ')');
    const view = b.finish();
    expect(view.text).toBe('(一)');
    expect([0, 1, 2, 3].map((o) => view.toOriginal(o))).toEqual([0, 1, 2, 3]);
  });

  it('returns the base view itself when nothing changed', () => {
    const base = identityView('unchanged');
    expect(new TextViewBuilder(base).finish()).toBe(base);
  });

  it('refuses to move backwards or past the end', () => {
    const b = new TextViewBuilder('abc');
    b.keep(2);
    expect(() => b.keep(1)).toThrow(RangeError);
    expect(() => b.keep(4)).toThrow(RangeError);
  });

  it('composes: a view of a view maps to the original', () => {
    const original = 'xx<p>hello</p>yy';
    const first = new TextViewBuilder(original);
    first.skip(5);
    first.keep(10);
    const inner = first.build(); // "hello" → [5, 10)
    const second = new TextViewBuilder(inner);
    second.keep(1);
    second.replace(3, 'EE'); // "el" → "EE"
    second.skip(4); // drop one "l"
    const outer = second.finish(); // "hEEo"
    expect(outer.text).toBe('hEEo');
    expect([0, 1, 2, 3, 4].map((o) => outer.toOriginal(o))).toEqual([5, 6, 7, 9, 10]);
    expect(rangeToOriginal(outer, { start: 1, end: 3 })).toEqual({ start: 6, end: 8 });
  });

  it('property: random edit scripts give monotonic maps that find every kept character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(editOp, { maxLength: 30 }), fc.boolean(), (base, ops, compose) => {
        const root: string | TextView = compose ? prefixView(base) : base;
        const baseText = typeof root === 'string' ? root : root.text;
        const b = new TextViewBuilder(root);
        const kept: { derived: number; original: number }[] = [];
        for (const o of ops) {
          const end = Math.min(baseText.length, b.position + ('n' in o ? o.n : 0));
          if (o.kind === 'keep') {
            for (let i = b.position; i < end; i++) kept.push({ derived: b.outputLength + (i - b.position), original: i });
            b.keep(end);
          } else if (o.kind === 'skip') b.skip(end);
          else if (o.kind === 'replace') b.replace(end, o.text);
          else b.insert(o.text);
        }
        const view = b.build();
        const toRoot = (o: number) => (typeof root === 'string' ? o : root.toOriginal(o));
        let previous = -1;
        for (let i = 0; i <= view.text.length; i++) {
          const o = view.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(previous);
          expect(o).toBeGreaterThanOrEqual(0);
          previous = o;
        }
        for (const k of kept) {
          expect(view.text[k.derived]).toBe(baseText[k.original]);
          expect(view.toOriginal(k.derived)).toBe(toRoot(k.original));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('offsetWalk', () => {
  it('property: maps every offset in order as toOriginal and toOriginalEnd map it, and spans only what maps on one to one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(editOp, { maxLength: 30 }), fc.constantFrom('text', 'identity', 'view', 'views'), fc.boolean(), (base, ops, over, finish) => {
        const root: string | TextView =
          over === 'views' ? layeredView(base) : over === 'view' ? prefixView(base) : over === 'identity' ? identityView(base) : base;
        const baseText = typeof root === 'string' ? root : root.text;
        const b = new TextViewBuilder(root);
        for (const o of ops) {
          const end = Math.min(baseText.length, b.position + ('n' in o ? o.n : 0));
          if (o.kind === 'keep') b.keep(end);
          else if (o.kind === 'skip') b.skip(end);
          else if (o.kind === 'replace') b.replace(end, o.text);
          else b.insert(o.text);
        }
        const view = finish ? b.finish() : b.build();
        const walk = offsetWalk(view);
        for (let i = 0; i <= view.text.length + 1; i++) {
          expect(walk.start(i)).toBe(view.toOriginal(i));
          expect(walk.end(i)).toBe(view.toOriginalEnd ? view.toOriginalEnd(i) : view.toOriginal(i));
        }
        // The offsets a span passes over map on one to one.
        const spans = offsetWalk(view);
        for (let i = 0; i <= view.text.length; i++) {
          const from = spans.start(i);
          const span = spans.span(i);
          expect(i + span).toBeLessThanOrEqual(view.text.length);
          for (let u = i + 1; u <= i + span; u++) {
            expect(view.toOriginal(u)).toBe(from + (u - i));
            expect(view.toOriginalEnd ? view.toOriginalEnd(u) : view.toOriginal(u)).toBe(from + (u - i));
          }
        }
        // Asked out of order, it still maps as the view does.
        for (let i = view.text.length + 1; i >= 0; i -= 2) {
          expect(walk.start(i)).toBe(view.toOriginal(i));
          expect(walk.end(i)).toBe(view.toOriginalEnd ? view.toOriginalEnd(i) : view.toOriginal(i));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** A view over {@link prefixView} that widens its first character to two, to test composition twice over. */
function layeredView(text: string): TextView {
  const inner = prefixView(text);
  const b = new TextViewBuilder(inner);
  b.replace(Math.min(1, inner.text.length), 'ab');
  return b.finish();
}

/** A view that hides a 3-character prefix, to test composition. */
function prefixView(text: string): TextView {
  const b = new TextViewBuilder('<x>' + text);
  b.skip(3);
  return b.finish();
}

describe('rangesToOriginal', () => {
  it('maps ranges found in a rendition back into the source, keeping their fields', () => {
    const html = '<p>第一段</p><p>[bookmark: _GoBack]正文</p>';
    const view = renderHtml(html);
    const start = view.text.indexOf('[');
    const [mapped] = rangesToOriginal(view, [{ start, end: start + 19, kind: 'bookmark' as const }]);
    expect(mapped.kind).toBe('bookmark');
    expect(html.slice(mapped.start, mapped.end)).toBe('[bookmark: _GoBack]');
  });
});
