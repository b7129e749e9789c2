import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchKeyUnits } from '../../src/generated/match-key-units.js';
import { charKey, matchKey } from '../../src/parse/match-key.js';
import { computeMatchKeyUnits, LONG_KEY, NO_KEY, OWN_KEY, renderMatchKeyUnitsModule, unitKeyTable, unitMatchKey } from '../../src/parse/match-key-units.js';
import { expectGeneratedFilesCurrent } from '../generator-script.js';

const generatedFile = fileURLToPath(new URL('../../src/generated/match-key-units.ts', import.meta.url));

describe('the generated match keys of UTF-16 units', () => {
  it('src/generated/match-key-units.ts is what the label folding gives (run `npm run build` then `node packages/core/scripts/generate-match-key-units.ts` when this fails)', () => {
    const units = computeMatchKeyUnits();
    expect(units).toEqual(matchKeyUnits);
    expect(readFileSync(generatedFile, 'utf8') === renderMatchKeyUnitsModule(units), 'generated module text is stale').toBe(true);
  });

  it('gives every unit the key the label folding gives it, lone surrogates included', () => {
    const differing: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      if (charKey(ch) !== unitMatchKey(ch)) differing.push(unit.toString(16));
    }
    expect(differing).toEqual([]);
    // The kinds of keys there are: its own, none, another unit, several units.
    expect(charKey('予')).toBe('予');
    expect(charKey('，')).toBe('');
    expect(charKey('開')).toBe('开');
    expect(charKey('Ａ')).toBe('A');
    expect(charKey('⑽')).toBe('10');
    expect(matchKey('（一）開Ａ⑽')).toBe('一开A10');
  });

  it('still works out the keys of supplementary characters', () => {
    expect(charKey('𠀀')).toBe(unitMatchKey('𠀀'));
    expect(matchKey('a𠀀b')).toBe(`a${unitMatchKey('𠀀')}b`);
  });

  it('reads back every kind of entry from its encoding', () => {
    const { keys, longKeys } = unitKeyTable({ dropped: '\u0000\u0002\uffff\uffff', mapped: 'ab\u3000c', long: 'x10\0y\u4e00\u4e8c\0' });
    expect([...keys.subarray(0, 4)]).toEqual([NO_KEY, NO_KEY, NO_KEY, OWN_KEY]);
    expect(keys[0xffff]).toBe(NO_KEY);
    expect(keys['a'.charCodeAt(0)]).toBe('b'.charCodeAt(0));
    expect(keys[0x3000]).toBe('c'.charCodeAt(0));
    expect(keys['x'.charCodeAt(0)]).toBe(LONG_KEY);
    expect(longKeys).toEqual(new Map([['x', '10'], ['y', '一二']]));
  });

  it('the generator script itself runs on Node and finds the file current', () => {
    expectGeneratedFilesCurrent('packages/core/scripts/generate-match-key-units.ts');
  }, 70_000);
});
