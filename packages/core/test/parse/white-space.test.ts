import { describe, expect, it } from 'vitest';
import { isWhiteSpaceCode } from '../../src/parse/white-space.js';

describe('isWhiteSpaceCode', () => {
  it('agrees with \\s of a regular expression on every UTF-16 unit', () => {
    const space = /\s/;
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhiteSpaceCode(c) !== space.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});
