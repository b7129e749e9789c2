import { describe, expect, it } from 'vitest';
import { charactersBesideSpace, mayBeEmpty } from '../../src/validate/check-section-text.js';

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

describe('charactersBesideSpace', () => {
  const reference = (text: string): number => [...text.replace(/\s+/gu, '')].length;

  it('skips exactly the units \\s matches', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      expect(charactersBesideSpace(unit), `U+${c.toString(16)}`).toBe(reference(unit));
    }
  });

  it('counts characters as the string iterator does once the white space is gone, lone surrogates included', () => {
    expect(charactersBesideSpace('一、总体 情况\n𠀀 x')).toBe(reference('一、总体 情况\n𠀀 x'));
    // A high surrogate pairs with the low one after the white space between them.
    expect(charactersBesideSpace('\ud840 \udc00')).toBe(1);
    expect(charactersBesideSpace('\ud840\ud840\udc00\udc00')).toBe(reference('\ud840\ud840\udc00\udc00'));
    const pieces = ['\ud840', '\udc00', ' ', '\u3000', '\n', '字', 'a', '\u2028', '\ufeff', '𠀀'];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = n % 12;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      expect(charactersBesideSpace(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
