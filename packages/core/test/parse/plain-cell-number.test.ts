import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellType } from '../../src/ir/template-ir.js';
import { readCellValue } from '../../src/parse/cell-value.js';
import { plainCellNumber } from '../../src/parse/plain-cell-number.js';

const types: CellType[] = [
  { kind: 'count' },
  { kind: 'integer' },
  { kind: 'decimal' },
  { kind: 'text' },
  { kind: 'ignored' },
  { kind: 'money', unit: '万元', accepted: [{ unit: '元', factor: 1e-4 }], unitRequired: false },
];

/** Cell texts: plain counts (some too long), and texts that are not (signs, decimals, units, blanks, words). */
const raws = fc.oneof(
  fc.stringMatching(/^[0-9]{1,18}$/),
  fc.constantFrom('', '0', '-5', '1.5', '1,085', '94.52万元', '3件', '/', '—', '无', '件', '１２', ' 12', '12 ', '约300', '2千余'),
);

describe('plainCellNumber', () => {
  it('is the value readCellValue reads, with state number, whenever it gives one (fast-check)', () => {
    fc.assert(
      fc.property(raws, fc.constantFrom(...types), fc.constantFrom(undefined, '万元', '元'), (raw, type, headerUnit) => {
        const plain = plainCellNumber(raw, type, headerUnit);
        if (plain === undefined) return;
        expect(readCellValue(raw, type, headerUnit)).toEqual({ state: 'number', value: plain });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a plain count of a numeric cell, and nothing else', () => {
    expect(plainCellNumber('1085', { kind: 'count' })).toBe(1085);
    expect(plainCellNumber('007', { kind: 'decimal' })).toBe(7);
    expect(plainCellNumber('12', types[5])).toBe(12);
    // A money cell's count is in the header's unit: `readCellValue` converts it.
    expect(plainCellNumber('12', types[5], '元')).toBeUndefined();
    expect(plainCellNumber('12', { kind: 'text' })).toBeUndefined();
    expect(plainCellNumber('1,085', { kind: 'count' })).toBeUndefined();
    expect(plainCellNumber('1234567890123456', { kind: 'count' })).toBeUndefined();
  });
});

describe('readCellValue without rounding', () => {
  it('a decimal of at most 15 digits, read into a double, is its own rounding to 15 significant digits (fast-check)', () => {
    const decimal = fc
      .tuple(fc.stringMatching(/^[0-9]{1,15}$/), fc.nat({ max: 15 }))
      .map(([digits, point]) => (point > 0 && point < digits.length ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits));
    fc.assert(
      fc.property(decimal, fc.boolean(), (text, negative) => {
        const value = negative ? -Number(text) : Number(text);
        // (-0 rounds to 0, as `readCellValue` makes it anyway.)
        expect(Number(value.toPrecision(15)) === value).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds what a conversion or many digits make, and keeps what is read as written', () => {
    const money: CellType = { kind: 'money', unit: '万元', accepted: [], unitRequired: false };
    expect(readCellValue('94.52万元', money).value).toBe(94.52);
    expect(readCellValue('1,085.3', { kind: 'decimal' }).value).toBe(1085.3);
    expect(readCellValue('12345.67元', money).value).toBe(1.234567);
    expect(readCellValue('0.1千元', money).value).toBe(0.01);
    expect(readCellValue('1.2345678901234567', { kind: 'decimal' }).value).toBe(1.23456789012346);
    expect(readCellValue('-0.0', { kind: 'decimal' }).value).toBe(0);
  });
});
