import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeView } from '../../src/normalize/index.js';
import { identityView } from '../../src/read/index.js';

/** Original substring behind derived [start, end). */
function originalOf(view: ReturnType<typeof normalizeText>, original: string, start: number, end: number): string {
  const s = view.toOriginal(start);
  const e = view.toOriginalEnd ? view.toOriginalEnd(end) : view.toOriginal(end);
  return original.slice(s, e);
}

describe('normalizeView', () => {
  it('folds full-width digits, letters and punctuation one for one', () => {
    const original = '（一）共１２３件，ＡＢ：ｘ；';
    const view = normalizeText(original);
    expect(view.text).toBe('(一)共123件,AB:x;');
    for (let i = 0; i <= view.text.length; i++) expect(view.toOriginal(i)).toBe(i);
  });

  it('makes （一）, (一) and ﹙一﹚ and ㈠ the same', () => {
    for (const s of ['（一）予以公开', '(一)予以公开', '﹙一﹚予以公开', '㈠予以公开']) {
      expect(normalizeText(s).text).toBe('(一)予以公开');
    }
    const view = normalizeText('x㈠y');
    expect(view.text).toBe('x(一)y');
    expect(view.toOriginal(1)).toBe(1);
    expect(view.toOriginal(2)).toBe(1);
    expect(view.toOriginal(4)).toBe(2);
    expect(view.toOriginalEnd!(4)).toBe(2);
  });

  it('turns CRLF and CR into LF and maps around the removed CR', () => {
    const original = 'ab\r\ncd\ref';
    const view = normalizeText(original);
    expect(view.text).toBe('ab\ncd\nef');
    expect(view.toOriginal(2)).toBe(3); // the LF
    expect(view.toOriginalEnd!(2)).toBe(2); // end of "ab" stays before the CR
    expect(view.toOriginal(3)).toBe(4); // c
    expect(view.toOriginal(5)).toBe(6); // lone CR → LF, one for one
    expect(view.toOriginal(view.text.length)).toBe(original.length);
  });

  it('turns NBSP and U+3000 into spaces and removes zero-width characters', () => {
    const original = '\uFEFFa\u00A0b\u3000c\u200Bd\u200Ce\u200Df';
    const view = normalizeText(original);
    expect(view.text).toBe('a b cdef');
    expect(originalOf(view, original, 0, 1)).toBe('a');
    expect(originalOf(view, original, 5, 6)).toBe('d');
    expect(view.toOriginal(5)).toBe(7);
    expect(originalOf(view, original, 4, 8)).toBe('c\u200Bd\u200Ce\u200Df');
  });

  it('converts Traditional to Simplified with an exact map', () => {
    const original = '本年制發件數 | 行政規範性文件';
    const view = normalizeText(original);
    expect(view.text).toBe('本年制发件数 | 行政规范性文件');
    for (let i = 0; i <= view.text.length; i++) expect(view.toOriginal(i)).toBe(i);
  });

  it('removes injected Pinyin and maps the rest back', () => {
    const original = '根據規(guī)定和發(fā)布(PDF)';
    const view = normalizeText(original);
    expect(view.text).toBe('根据规定和发布(PDF)');
    expect(originalOf(view, original, 2, 4)).toBe('規(guī)定');
    expect(originalOf(view, original, 2, 3)).toBe('規');
    expect(originalOf(view, original, 3, 4)).toBe('定');
    expect(originalOf(view, original, 7, 12)).toBe('(PDF)');
  });

  it('composes: a view of a view still maps to the original', () => {
    const inner = normalizeText('a\r\nb');
    const outer = normalizeView(inner);
    expect(outer.text).toBe('a\nb');
    expect(outer.toOriginal(1)).toBe(2);
    const again = normalizeView(identityView('ａ'));
    expect(again.text).toBe('a');
  });

  it('returns pure ASCII unchanged', () => {
    const view = identityView('plain ascii\ttext\n');
    expect(normalizeView(view)).toBe(view);
  });
});
