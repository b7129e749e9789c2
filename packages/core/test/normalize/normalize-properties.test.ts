import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCharacters, normalizeText, normalizeView, removePinyinReadings, toSimplified } from '../../src/normalize/index.js';
import { foldCharactersSeeingToneMarks } from '../../src/normalize/character-fold.js';
import { identityView } from '../../src/read/index.js';

/** Characters the normaliser treats specially, mixed with ordinary ones. */
const interesting = fc.constantFrom(
  'a', 'Z', '1', ' ', '\t', '\n', '\r', '(', ')', '?',
  '（', '）', '１', '，', '：', '\u00A0', '\u3000', '\u200B', '\uFEFF', '\u2212', '㈠', '⑴',
  '規', '發', '数', '一', '定', '(', 'ā', 'g', 'u', 'ī', 'f', '𠀀', '\uD840',
);

describe('normalizeView properties', () => {
  it('maps monotonically, within bounds, and both ends to the text ends', () => {
    fc.assert(
      fc.property(fc.array(interesting, { maxLength: 80 }).map((a) => a.join('')), (original) => {
        const view = normalizeText(original);
        let previous = view.toOriginal(0);
        expect(previous).toBeGreaterThanOrEqual(0);
        for (let i = 1; i <= view.text.length; i++) {
          const o = view.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(previous);
          expect(o).toBeLessThanOrEqual(original.length);
          const end = view.toOriginalEnd!(i);
          expect(end).toBeGreaterThanOrEqual(view.toOriginal(i - 1));
          expect(end).toBeGreaterThanOrEqual(view.toOriginalEnd!(i - 1));
          expect(end).toBeLessThanOrEqual(original.length);
          previous = o;
        }
        expect(view.toOriginal(view.text.length)).toBe(original.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the identity on printable ASCII without CR', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' \t\nabcXYZ019()?:,.;/-[]{}"\''.split('')), maxLength: 100 }), (s) => {
        const view = identityView(s);
        const normalized = normalizeView(view);
        expect(normalized.text).toBe(s);
        for (let i = 0; i <= s.length; i++) expect(normalized.toOriginal(i)).toBe(i);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 100 }), (s) => {
        fc.pre(!/[\r\v\f]/.test(s));
        expect(normalizeText(s).text).toBe(s);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(interesting, { maxLength: 60 }).map((a) => a.join('')), (s) => {
        const once = normalizeText(s).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('maps every character that survives unchanged onto itself in the original', () => {
    fc.assert(
      fc.property(fc.array(interesting, { maxLength: 60 }).map((a) => a.join('')), (original) => {
        const view = normalizeText(original);
        for (let i = 0; i < view.text.length; i++) {
          const ch = view.text[i];
          if (!/[a-zA-Z0-9]/.test(ch)) continue;
          // ASCII letters and digits come from themselves, their full-width forms or ⑴.
          const from = original[view.toOriginal(i)];
          expect([ch, String.fromCharCode(ch.charCodeAt(0) + 0xfee0), '⑴']).toContain(from);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeView skips the Pinyin pass for a text without a tone mark', () => {
  const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
  /** Pieces of readings, tone marks, Traditional text, surrogate pairs and full-width forms. */
  const piece = fc.constantFrom(
    '規', '(guī)', '（fā）', '(gui)', '发', '發', '布', 'ā', 'á', 'ǜ', 'ü', 'a', 'l', '(', ')', '（', '）', 'ｆ', 'Ａ',
    '𠀀', '𠵾', '\uD840', '\r\n', '\u3000', '\uFEFF', '㈠', '，', '數據', '臺灣', ' ', '1',
  );

  it('maps and reads as the three passes run one after the other, tone marks or not', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (original) => {
        const folded = foldCharactersSeeingToneMarks(original);
        expect(folded.toneMarks).toBe(TONE_MARKED.test(original));
        expect(folded.view.text).toBe(foldCharacters(original).text);
        const passes = toSimplified(removePinyinReadings(foldCharacters(identityView(original))));
        const view = normalizeView(identityView(original));
        expect(view.text).toBe(passes.text);
        const text = normalizeText(original);
        expect(text.text).toBe(passes.text);
        for (let i = 0; i <= view.text.length; i++) {
          expect(view.toOriginal(i)).toBe(passes.toOriginal(i));
          expect(view.toOriginalEnd!(i)).toBe(passes.toOriginalEnd!(i));
          expect(text.toOriginal(i)).toBe(passes.toOriginal(i));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives back the folded view itself when there is no reading to remove', () => {
    const view = identityView('数据（一）１２３，臺灣');
    const folded = foldCharacters(view);
    expect(removePinyinReadings(folded)).toBe(folded);
    expect(foldCharactersSeeingToneMarks(view).toneMarks).toBe(false);
    expect(normalizeView(identityView('規(guī)定')).text).toBe('规定');
  });
});
