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
});
