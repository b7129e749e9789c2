import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOfString } from '../src/semantics/string-search.js';

/** Units of every kind the search tells apart: Han characters of the common blocks and of later ones, full-width and ASCII marks. */
const UNITS = ['不', '予', '公', '开', '上', '年', '结', '转', '收', '到', '以', '一', '职', '兼', '新', '本', '，', '。', '（', 'a', '1', ' ', '\n'];

describe('indexOfString', () => {
  it('gives what indexOf gives, for strings that start with a unit of a common Han block and for others', () => {
    const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 80 }).map((units) => units.join(''));
    const target = fc.array(fc.constantFrom(...UNITS), { minLength: 0, maxLength: 5 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, target, fc.integer({ min: -3, max: 90 }), (text, target, from) => {
        expect(indexOfString(text, target, from)).toBe(text.indexOf(target, from));
        expect(indexOfString(text, target)).toBe(text.indexOf(target));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a string whose search starts at a later unit only where its first units stand too', () => {
    expect(indexOfString('结转上年结转', '上年结转')).toBe(2);
    expect(indexOfString('不予处理不予公开', '不予公开')).toBe(4);
    expect(indexOfString('予公开不予公开', '不予公开', 1)).toBe(3);
    expect(indexOfString('不予公开', '不予公开', 1)).toBe(-1);
  });
});
