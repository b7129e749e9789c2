import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLayoutLine, mayStartLayoutLine } from '../../src/parse/cell-stream.js';

describe('layout lines told by their first character', () => {
  const pipes = /[|｜]/;

  it('a line without pipes whose first character may start no layout line is no layout line', () => {
    const pool = [...'0123456789-—–－~第共页页pPaAgGeEoOfF|｜│:/ 数列据字段栏cColumn，,（一）予以公开'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 14 }), (chars) => {
        const line = chars.join('').trim();
        if (line === '' || pipes.test(line) || mayStartLayoutLine(line.charCodeAt(0))) return;
        expect(isLayoutLine(line), JSON.stringify(line)).toBe(false);
      }),
      { seed: 20261204, numRuns: 5000 },
    );
  });

  it('knows the first characters of every kind of layout line', () => {
    for (const line of ['- 3 -', '— 12 —', '–3–', '－3－', '~3~', '第 3 页', '第3页 共9页', '共 9 页 第 3 页', '3 / 9', 'page 3', 'Page 3 of 9', '|---|:--:|', ':--|--', '--- | ---']) {
      expect(isLayoutLine(line), line).toBe(true);
      expect(mayStartLayoutLine(line.charCodeAt(0)), line).toBe(true);
    }
    // A row of generic headers holds pipes: not told by its first character.
    expect(isLayoutLine('数据1 | 数据2')).toBe(true);
    expect(mayStartLayoutLine('数'.charCodeAt(0))).toBe(false);
  });

  it('no other first character starts a page number or rule line', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (mayStartLayoutLine(c)) continue;
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch) || pipes.test(ch)) continue;
      for (const rest of [' 3 -', '3 -', '3页', ' 3 页', '--|--', '-', ' / 9', 'age 3', '3', '']) {
        if (isLayoutLine(ch + rest)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });
});
