import { describe, expect, it } from 'vitest';
import { mayBeEmpty } from '../../src/validate/check-section-text.js';

describe('mayBeEmpty', () => {
  const placeholders = ['无', '暂无。', '无。'];

  it('looks closer at a body of filler and at most the longest placeholder’s length of other characters', () => {
    expect(mayBeEmpty('', placeholders)).toBe(true);
    expect(mayBeEmpty(' 。\n——…', placeholders)).toBe(true);
    expect(mayBeEmpty('\n无。\n', placeholders)).toBe(true);
    expect(mayBeEmpty('暂无。', placeholders)).toBe(true);
    // Three characters besides filler: as long as the longest placeholder, so maybe one of them.
    expect(mayBeEmpty('有 问 题', placeholders)).toBe(true);
  });

  it('rules out a body with more characters besides filler than any placeholder has', () => {
    expect(mayBeEmpty('存在问题：', placeholders)).toBe(false);
    expect(mayBeEmpty('一、存在的主要问题。'.repeat(1000), placeholders)).toBe(false);
    expect(mayBeEmpty('x', [])).toBe(false);
    expect(mayBeEmpty(' 。', [])).toBe(true);
  });

  it('counts a character outside the Basic Multilingual Plane once, and never more than its UTF-16 units', () => {
    expect(mayBeEmpty('𠀀𠀀', ['无无'])).toBe(true);
    expect(mayBeEmpty('𠀀𠀀𠀀', ['无无'])).toBe(false);
  });
});
