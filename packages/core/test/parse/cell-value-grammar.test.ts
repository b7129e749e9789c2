import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellType } from '../../src/ir/template-ir.js';
import { Lexer } from 'chevrotain';
import { isUnitTail, parseQuantity, parseUnitTail, quantityTextChars, quantityTokenTypes, readQuantity } from '../../src/parse/cell-value-grammar.js';
import { isUnitWord, isValueText, readCellValue } from '../../src/parse/cell-value.js';

const count: CellType = { kind: 'count' };

/**
 * The regular expression the cell reader used before the Chevrotain grammar: an independent statement of
 * the same language, used here as the oracle of a differential test.
 */
const FORMER_VALUE =
  /^(约|大约|近|将近|逾|超过|超)?(增加?|减少?|[+-])?([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(亿元|万元|千元|元|亿|万|千|百)?(余|多|左右|以上)?(件|个|项|条|次|人次|家|户|人|份|宗|起|笔)?$/;
const FORMER_UNIT = /^(?:亿元|万元|千元|元|亿|万|千|百)?(?:余|多|左右|以上)?(?:件|个|项|条|次|人次|家|户|人|份|宗|起|笔)?$/;

describe('quantity grammar', () => {
  it('lists every character its token patterns can match, and no other', () => {
    // The patterns are alternations of words and character classes: the characters they can match are
    // those written in them (a range a-b expanded), less the expression syntax.
    const written = new Set<string>();
    for (const type of quantityTokenTypes) {
      const source = (type.PATTERN as RegExp).source.replace(/\\(.)/gu, '$1').replace(/\{\d+\}|\(\?:/gu, '');
      const chars = [...source];
      for (let i = 0; i < chars.length; i++) {
        if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
          for (let c = chars[i].charCodeAt(0); c <= chars[i + 2].charCodeAt(0); c++) written.add(String.fromCharCode(c));
          i += 2;
        } else if (!'[]()|?*+'.includes(chars[i]) || (chars[i] === '+' && chars[i - 1] === '[') || (chars[i] === '-' && chars[i + 1] === ']')) written.add(chars[i]);
      }
    }
    expect(new Set(quantityTextChars())).toEqual(written);
    // A text with any other character is no quantity, and no value.
    for (const text of ['5.属于三类内部事务信息', '1.当面申请数', '3.5a', '12件x']) {
      expect(readQuantity(text)).toBeUndefined();
      expect(isValueText(text)).toBe(false);
    }
    expect(isValueText('３，４１４．４１ 万元')).toBe(true);
    expect(isValueText('约 300 人次')).toBe(true);
  });


  it.each([
    ['1,085', { digits: '1,085' }],
    ['-55', { sign: '-', digits: '55' }],
    ['增1万', { sign: '增', digits: '1', scale: '万' }],
    ['增加12', { sign: '增加', digits: '12' }],
    ['约300', { about: '约', digits: '300' }],
    ['超过5人次', { about: '超过', digits: '5', countUnit: '人次' }],
    ['2千余', { digits: '2', scale: '千', more: '余' }],
    ['94.52万元', { digits: '94.52', scale: '万元' }],
    ['大约-3.5亿元左右件', { about: '大约', sign: '-', digits: '3.5', scale: '亿元', more: '左右', countUnit: '件' }],
  ])('reads %j', (text, reading) => {
    expect(parseQuantity(text).errors).toEqual([]);
    expect(readQuantity(text)).toEqual(reading);
  });

  it.each(['', '合计', '三', '12%', '1.2.3', '1,08', '1,0855', '万', '元万', '—5', '5万元元', '百元', '300件万'])(
    'rejects %j',
    (text) => {
      expect(readQuantity(text)).toBeUndefined();
      expect(parseQuantity(text).errors.length).toBeGreaterThan(0);
    },
  );

  describe('error recovery', () => {
    it('never turns the number recovery inserts into a value ("约": number missing)', () => {
      const result = parseQuantity('约');
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.value).toBeUndefined();
      expect(readCellValue('约', count)).toEqual({ state: 'invalid', value: null });
    });

    it('recovers over a repeated word but still rejects the cell ("约约300")', () => {
      const result = parseQuantity('约约300');
      expect(result.errors).toHaveLength(1);
      expect(result.value?.digits).toBe('300');
      expect(readQuantity('约约300')).toBeUndefined();
      expect(readCellValue('约约300', count)).toEqual({ state: 'invalid', value: null });
    });

    it('reports trailing input instead of throwing ("300万万", "5件5")', () => {
      for (const text of ['300万万', '5件5']) {
        const result = parseQuantity(text);
        expect(result.errors.length).toBeGreaterThan(0);
        expect(readQuantity(text)).toBeUndefined();
      }
      expect(readCellValue('300万万', count).state).toBe('invalid');
    });

    it('stops lexing at the first character no quantity word takes: one error for a long sentence that starts with 将, 约 or 增', () => {
      const sentence = '将政府信息公开工作纳入年度绩效考核，约300件，增5万元，'.repeat(8);
      const result = parseQuantity(sentence);
      expect(result.errors).toHaveLength(1);
      expect(result.value).toBeUndefined();
      expect(readQuantity(sentence)).toBeUndefined();
      expect(isValueText(sentence)).toBe(false);
      // The same texts lex with errors as with a lexer that recovers and goes on: none is a quantity.
      const recovering = new Lexer(quantityTokenTypes, { positionTracking: 'onlyOffset', skipValidations: true, ensureOptimizations: false });
      const pool = [...'0123456789,.约将近超过大增减加少+-万千亿百元余多左右以上件个项条人次家户份宗起笔政府信息%'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), (chars) => {
          const text = chars.join('');
          const lexes = recovering.tokenize(text).errors.length === 0;
          if (!lexes) expect(parseQuantity(text).value, text).toBeUndefined();
          if (!lexes) expect(parseUnitTail(text).errors.length, text).toBeGreaterThan(0);
        }),
        { seed: 20261204, numRuns: 3000 },
      );
    });

    it('reports a unit tail in the wrong order', () => {
      expect(parseUnitTail('件万').errors.length).toBeGreaterThan(0);
      expect(isUnitTail('件万')).toBe(false);
    });

    it('is reusable after an error: the next cell parses cleanly', () => {
      expect(readQuantity('约')).toBeUndefined();
      expect(readQuantity('约300')).toEqual({ about: '约', digits: '300' });
    });
  });

  it.each(['', '万元', '千余', '件', '万元多人次', '左右'])('reads the unit tail %j', (text) => {
    expect(isUnitTail(text)).toBe(true);
  });

  it('accepts exactly the language of the former regular expression, with the same parts', () => {
    const piece = fc.constantFrom(
      ...['约', '大约', '近', '将近', '逾', '超过', '超', '增', '增加', '减', '减少', '+', '-', '加', '少'],
      ...['0', '7', '12', '1,085', ',', '.', '.5', '3.25', '亿元', '万元', '千元', '元', '亿', '万', '千', '百'],
      ...['余', '多', '左右', '以上', '左', '件', '个', '次', '人次', '人', '笔', '三', '%', '—', 'x'],
    );
    const word = (...words: string[]) => fc.option(fc.constantFrom(...words), { nil: '' });
    // Well-formed quantities (and, joined with random pieces, near misses of them).
    const quantity = fc
      .tuple(
        word('约', '大约', '近', '将近', '逾', '超过', '超'),
        word('增', '增加', '减', '减少', '+', '-'),
        fc.constantFrom('0', '7', '12', '1,085', '3.25', '12,345.6'),
        word('亿元', '万元', '千元', '元', '亿', '万', '千', '百'),
        word('余', '多', '左右', '以上'),
        word('件', '个', '次', '人次', '人', '笔'),
      )
      .map((parts) => parts.join(''));
    const text = fc.oneof(
      quantity,
      fc.array(piece, { maxLength: 7 }).map((pieces) => pieces.join('')),
      fc.tuple(quantity, piece).map(([q, p]) => q + p),
      fc.tuple(piece, quantity).map(([p, q]) => p + q),
    );
    let accepted = 0;
    fc.assert(
      fc.property(text, (text) => {
        const m = FORMER_VALUE.exec(text);
        if (m) accepted++;
        const reading = readQuantity(text);
        if (!m) {
          expect(reading).toBeUndefined();
          return;
        }
        const [, about, sign, digits, scale, more, countUnit] = m;
        expect(reading).toEqual({
          digits,
          ...(about !== undefined ? { about } : {}),
          ...(sign !== undefined ? { sign } : {}),
          ...(scale !== undefined ? { scale } : {}),
          ...(more !== undefined ? { more } : {}),
          ...(countUnit !== undefined ? { countUnit } : {}),
        });
      }),
      { numRuns: 3000 },
    );
    // The pieces are chosen so that the accepted side of the language is exercised too.
    expect(accepted).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const text = pieces.join('');
        expect(isUnitTail(text)).toBe(FORMER_UNIT.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('backs the cell reader: values, unit words, full-width and spaced input', () => {
    expect(isValueText('１，０８５')).toBe(true);
    expect(isValueText('约 300')).toBe(true);
    expect(isValueText('（一）本年新收')).toBe(false);
    expect(isUnitWord('万元')).toBe(true);
    expect(isUnitWord('')).toBe(false);
    expect(isUnitWord('合计')).toBe(false);
  });
});
