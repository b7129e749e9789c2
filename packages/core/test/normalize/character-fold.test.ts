import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCharacters, foldCharacterString } from '../../src/normalize/index.js';
import { identityView, TextViewBuilder, type TextView } from '../../src/read/index.js';
import { expectSameView } from './same-view.js';

/**
 * Folding character by character, each fold given to the builder on its own (a copy of the text before
 * it, then its replacement): the straightforward form `foldCharacters` must equal.
 */
function foldOneByOne(base: string | TextView): TextView {
  const text = typeof base === 'string' ? base : base.text;
  const builder = new TextViewBuilder(base);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const replacement = c === '\r' ? (text[i + 1] === '\n' ? '' : '\n') : foldCharacterString(c);
    if (replacement === c) continue;
    builder.keep(i);
    builder.replace(i + 1, replacement);
  }
  return builder.finish();
}

/** Characters folded one for one, folded to another length, kept, and surrogates (paired and lone). */
const unit = fc.constantFrom(
  'a', '1', ' ', '\n', '\r', '\v', '\f', '，', '：', '（', '）', '１', 'Ａ', '\u00A0', '\u3000', '\u2002', '\u2212',
  '\uFE59', '\uFF61', '\u200B', '\uFEFF', '\u00AD', '㈠', '⑽', '数', '規', '、', '。', '“', '\u0085', '\u2028',
  '𠀀', '\uD840', '\uDC00', '\u00E9',
);

describe('foldCharacters', () => {
  it('gives the view of folding character by character, over texts and views', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 120 }).map((a) => a.join('')), fc.boolean(), (text, asView) => {
        const base = asView ? identityView(text) : text;
        expectSameView(foldCharacters(base), foldOneByOne(base));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds a long text one for one in one stretch, around lone surrogates', () => {
    const text = `${'数，'.repeat(5000)}\uD840${'Ａ'.repeat(3000)}\r\n${'１'.repeat(9000)}\uDC00`;
    const view = foldCharacters(text);
    expectSameView(view, foldOneByOne(text));
    expect(view.text).toBe(`${'数,'.repeat(5000)}\uD840${'A'.repeat(3000)}\n${'1'.repeat(9000)}\uDC00`);
  });

  it('folds a 1 MB line of one-for-one folds in one stretch', () => {
    const view = foldCharacters('数，'.repeat(500_000));
    expect(view.text).toBe('数,'.repeat(500_000));
    expect(view.toOriginal(999_999)).toBe(999_999);
  });

  it('returns a text without folds unchanged', () => {
    const view = identityView('数据 abc\n');
    expect(foldCharacters(view)).toBe(view);
  });
});
