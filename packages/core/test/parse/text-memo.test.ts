import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextMemo } from '../../src/parse/text-memo.js';

describe('TextMemo', () => {
  it('keeps answers of short texts, forgets all when full, and keeps none of a long text', () => {
    const memo = new TextMemo<number>(3, 4);
    expect(memo.remember('a', 1)).toBe(1);
    expect(memo.remember('bb', 2)).toBe(2);
    expect(memo.remember('longer', 9)).toBe(9);
    expect([memo.get('a'), memo.get('bb'), memo.get('longer')]).toEqual([1, 2, undefined]);
    memo.remember('c', 3);
    memo.remember('d', 4);
    expect([memo.get('a'), memo.get('d')]).toEqual([undefined, 4]);
  });

  it('answers a text kept from a slice of a longer one (kept as a copy) for every equal text, lone surrogates too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (before, text, after) => {
        const memo = new TextMemo<string>(8, 64);
        const whole = before + text + after;
        const kept = whole.slice(before.length, before.length + text.length);
        expect(memo.remember(kept, 'answer')).toBe('answer');
        expect(memo.get(text)).toBe('answer');
        expect(memo.get(`${text}x`)).toBeUndefined();
      }),
    );
  });
});
