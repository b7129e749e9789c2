import { describe, expect, it } from 'vitest';
import { SearchedTexts } from '../../src/validate/searched-texts.js';

describe('SearchedTexts', () => {
  it('finds a text by its content, among texts of the same length', () => {
    const memo = new SearchedTexts<string, number>(8, 1000);
    memo.set('abcd', 'p', 1);
    memo.set('abce', 'p', 2);
    memo.set('abce', 'q', 3);
    // Another string with the same characters.
    const copy = ['a', 'b', 'c', 'd'].join('');
    expect(memo.get(copy, 'p')).toBe(1);
    expect(memo.get('abce', 'p')).toBe(2);
    expect(memo.get('abce', 'q')).toBe(3);
    expect(memo.get('abcd', 'q')).toBeUndefined();
    expect(memo.get('abcf', 'p')).toBeUndefined();
  });

  it('forgets the first remembered texts past its bounds, and keeps no text longer than the characters allowed', () => {
    const memo = new SearchedTexts<string, number>(3, 10);
    for (const text of ['aa', 'bb', 'cc', 'dd']) memo.set(text, 'p', text.length);
    expect(memo.get('aa', 'p')).toBeUndefined();
    expect(['bb', 'cc', 'dd'].map((text) => memo.get(text, 'p'))).toEqual([2, 2, 2]);
    memo.set('eeeeeeee', 'p', 8);
    // 2 + 8 characters: only dd is left with it.
    expect(['bb', 'cc', 'dd', 'eeeeeeee'].map((text) => memo.get(text, 'p'))).toEqual([undefined, undefined, 2, 8]);
    memo.set('x'.repeat(11), 'p', 11);
    expect(memo.get('x'.repeat(11), 'p')).toBeUndefined();
    expect(memo.get('dd', 'p')).toBe(2);
  });
});
