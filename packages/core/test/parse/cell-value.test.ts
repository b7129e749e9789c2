import { describe, expect, it } from 'vitest';
import type { CellType } from '../../src/ir/template-ir.js';
import fc from 'fast-check';
import { isBlankText, isUnitWord, isValueText, readCellValue } from '../../src/parse/index.js';
import { firstCompactCodeIn, mayBeBlankOrValue, mayBeUnitWord } from '../../src/parse/cell-value.js';
import { isUnitTail, mayStartQuantity, mayStartUnitTail, readQuantity } from '../../src/parse/cell-value-grammar.js';

const count: CellType = { kind: 'count' };
const integer: CellType = { kind: 'integer' };
const money: CellType = { kind: 'money', unit: '万元', accepted: [{ unit: '元', factor: 0.0001 }], unitRequired: true };

describe('readCellValue', () => {
  it.each([
    ['0', count, 'number', 0, undefined],
    ['1085', count, 'number', 1085, undefined],
    ['1,085', count, 'number', 1085, undefined],
    ['-55', integer, 'number', -55, undefined],
    ['－3820', integer, 'number', -3820, undefined],
    ['+12', integer, 'number', 12, undefined],
    ['减5', integer, 'number', -5, undefined],
    ['５件', count, 'number', 5, '件'],
    ['19万', count, 'approximate', 190000, '万'],
    ['增1万', integer, 'approximate', 10000, '万'],
    ['约300', count, 'approximate', 300, undefined],
    ['2千余', count, 'approximate', 2000, '千'],
    ['300多', count, 'approximate', 300, undefined],
    ['94.52万元', money, 'number', 94.52, '万元'],
    ['3414.41 万元', money, 'number', 3414.41, '万元'],
    ['75394432.52元', money, 'number', 7539.443252, '元'],
    ['421913', money, 'number', 421913, undefined],
    ['1.5亿元', money, 'number', 15000, '亿元'],
    ['77.4960', money, 'number', 77.496, undefined],
  ] as const)('%s (%s)', (raw, type, state, value, unit) => {
    const v = readCellValue(raw, type);
    expect(v.state).toBe(state);
    expect(v.value).toBeCloseTo(value, 9);
    expect(v.unit).toBe(unit);
  });

  it.each(['', ' ', '\u00a0', '/', '／', '-', '—', '——', '－', '无'])('reads %j as blank, never as 0', (raw) => {
    expect(readCellValue(raw, count)).toEqual({ state: 'blank', value: null });
    expect(isBlankText(raw)).toBe(true);
  });

  it.each(['不详', '12%', '1.2.3', 'abc', '三'])('reads %j as invalid', (raw) => {
    expect(readCellValue(raw, count)).toEqual({ state: 'invalid', value: null });
  });

  it.each(['件', '条', '万元', '12', '人次'])('reads %j in a text or ignored column as words (state text), never as a number', (raw) => {
    expect(readCellValue(raw, { kind: 'text' })).toEqual({ state: 'text', value: null });
    expect(readCellValue(raw, { kind: 'ignored' })).toEqual({ state: 'text', value: null });
  });

  it.each(['', ' ', '—', '/'])('reads %j in a text column as blank', (raw) => {
    expect(readCellValue(raw, { kind: 'text' })).toEqual({ state: 'blank', value: null });
  });
});

describe('isBlankText and isValueText decided by their first character', () => {
  // The definitions they stand for: the whole text compacted (spaces out, full-width digits and signs
  // ASCII), then the blank pattern, or the quantity grammar.
  const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
  const compact = (text: string) => text.replace(SPACES, '').replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const blank = (text: string) => !/^[0-9]{1,15}$/.test(text) && (text.replace(SPACES, '') === '' || /^(?:[/\\／]+|[-－—–―−﹣]+|无|空|[Nn]\/?[Aa])$/.test(text.replace(SPACES, '')));
  const value = (text: string) => /^[0-9]{1,15}$/.test(text) || readQuantity(compact(text)) !== undefined;

  it('agree with the definitions on texts of digits, signs, units, markers, spaces and words', () => {
    const pool = [...'0123456789０１９．，－＋.,-+/\\／—–―−﹣无空NnAa约近超余多万亿千百元件个人次 \u00a0\u3000\u200b\t予以公开（一）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(isBlankText(text), JSON.stringify(text)).toBe(blank(text));
        expect(isValueText(text), JSON.stringify(text)).toBe(value(text));
        expect(isUnitWord(text), JSON.stringify(text)).toBe(compact(text) !== '' && isUnitTail(compact(text)));
      }),
      { seed: 20261203, numRuns: 5000 },
    );
  });

  it('answer a text asked again the same, after more other texts than the answers kept (the memory is emptied, not wrong)', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `${i}.属于第${i}类信息` : i % 3 === 1 ? `约${i}万元` : `${i} 件`));
    const first = texts.map((t) => [isValueText(t), isUnitWord(t)]);
    const again = texts.map((t) => [isValueText(t), isUnitWord(t)]);
    expect(again).toEqual(first);
    expect(first.map(([v], i) => v === value(texts[i]))).not.toContain(false);
    const long = `1${'万'.repeat(200)}`;
    expect([isValueText(long), isValueText(long)]).toEqual([value(long), value(long)]);
  });
});

describe('the first-character tests of a text inside a longer one (the cell stream asks them before slicing)', () => {
  const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
  const compact = (text: string) => text.replace(SPACES, '').replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

  it('firstCompactCodeIn is the first unit of the compacted slice', () => {
    const pool = [...'0１．－+约万件/—无N \u00a0\u3000\u200b\ufeff\t\u2005（一）予'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), fc.nat(10), fc.nat(10), (chars, a, b) => {
        const text = chars.join('');
        const start = Math.min(a, text.length);
        const end = Math.max(start, Math.min(text.length - b, text.length));
        const c = compact(text.slice(start, end));
        expect(firstCompactCodeIn(text, start, end)).toBe(c === '' ? -1 : c.charCodeAt(0));
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });

  it('mayBeBlankOrValue and mayBeUnitWord are false only for texts that are no blank marker, value or unit word', () => {
    const pool = [...'0123456789０１９．，－＋.,-+/\\／—–―−﹣无空NnAa约近超余多万亿千百元件个人次增减大将 \u00a0\u3000\u200b\t予以公开（一）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const first = firstCompactCodeIn(text, 0, text.length);
        if (!mayBeBlankOrValue(first)) {
          expect(isBlankText(text), JSON.stringify(text)).toBe(false);
          expect(isValueText(text), JSON.stringify(text)).toBe(false);
        }
        if (!mayBeUnitWord(first)) expect(isUnitWord(text), JSON.stringify(text)).toBe(false);
      }),
      { seed: 20261204, numRuns: 5000 },
    );
  });

  it('agree with the grammar\'s first characters on every UTF-16 unit', () => {
    const blankStart = new Set([...'/\\／-－—–―−﹣无空Nn']);
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (mayBeBlankOrValue(c) !== (blankStart.has(ch) || mayStartQuantity(ch))) wrong.push(c);
      if (mayBeUnitWord(c) !== mayStartUnitTail(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    expect([mayBeBlankOrValue(-1), mayBeUnitWord(-1)]).toEqual([true, false]);
  });
});
