import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { Trie } from 'opencc-js/core';
import { describe, expect, it, vi } from 'vitest';
import { toSimplified, toSimplifiedString } from '../../src/normalize/index.js';
import { buildTw2cnConverter, tw2cnDictionaries } from '../../src/normalize/opencc-converter.js';
import { identityView, isIdentityView, rangeToOriginal } from '../../src/read/index.js';
import { SEEDS, fixtureBytes, seedText } from '../read/fixtures.js';

describe('toSimplified', () => {
  it('relies on OpenCC dictionaries that keep the number of code points', () => {
    const dictionaries = tw2cnDictionaries();
    expect(dictionaries.length).toBeGreaterThan(0);
    for (const dictionary of dictionaries) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((e) => e.split(' ')) : dictionary;
      for (const [from, to] of pairs) expect([...to].length, `${from} → ${to}`).toBe([...from].length);
    }
  });

  it('converts Traditional to Simplified and leaves Simplified alone', () => {
    expect(toSimplifiedString('政府資訊公開條例：規範性文件；臺灣')).toBe('政府资讯公开条例：规范性文件；台湾');
    const simplified = '政府信息公开工作年度报告，干部著作';
    expect(toSimplified(simplified).text).toBe(simplified);
  });

  it('gives a Simplified view back as it is, and a Simplified string as its identity view', () => {
    const simplified = '政府信息公开工作年度报告，干部著作';
    const view = identityView(simplified);
    expect(toSimplified(view)).toBe(view);
    const fromString = toSimplified(simplified);
    expect(isIdentityView(fromString)).toBe(true);
    expect(fromString.text).toBe(simplified);
    expect(isIdentityView(toSimplified(''))).toBe(true);
  });

  it('finds the stretches to convert in linear time, around long runs of characters in keys that never change', () => {
    // 資訊 changes; 工, 作 and 公 are in keys but never change, so the stretches run on until the commas.
    const clause = `${'工作公'.repeat(3_000)}資訊${'工作'.repeat(2_500)}，`;
    const text = clause.repeat(50) + '工作'.repeat(100_000);
    const started = performance.now();
    const converted = toSimplifiedString(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(converted).toBe(text.replaceAll('資訊', '资讯'));
  });

  it('maps exactly even where a character changes UTF-16 length', () => {
    // 㗲 (BMP) becomes 𠵾 (a surrogate pair) in OpenCC's dictionary.
    const original = '甲㗲乙發';
    const view = toSimplified(original);
    expect(view.text).toBe('甲𠵾乙发');
    expect(rangeToOriginal(view, { start: 1, end: 3 })).toEqual({ start: 1, end: 2 });
    expect(view.toOriginal(3)).toBe(2);
    expect(rangeToOriginal(view, { start: 4, end: 5 })).toEqual({ start: 3, end: 4 });
  });

  it('agrees with OpenCC itself, also where it skips the conversion of text OpenCC would not change', () => {
    const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
    // Simplified, Traditional, shared and phrase characters, punctuation, a surrogate pair.
    const pool = [...'政府信息公开工作年度报告干部著作后面里发表資訊條例規範臺灣發乾隆著名麵包後來裡面秘祕才纔群羣核覈眾书書⿰⿱，。（）、 \n\n1'].concat(['𠵾', '㗲']);
    const texts = fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(toSimplifiedString(text)).toBe(opencc(text));
        expect(toSimplified(text).text).toBe(opencc(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with OpenCC on stretches met before, also after more stretches than it remembers', () => {
    const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const stretch = (i: number) => `資訊第${'〇一二三四五六七八九'[i % 10]}條${String.fromCharCode(0x4e00 + (i % 5000))}發`;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 12_000; i += 7) expect(toSimplifiedString(`${stretch(i)}，${stretch(i + 1)}`)).toBe(opencc(`${stretch(i)}，${stretch(i + 1)}`));
    }
    for (let i = 0; i < 12_000; i++) toSimplifiedString(`${stretch(i)}${i}`);
    expect(toSimplifiedString(`${stretch(3)}，臺灣`)).toBe(opencc(`${stretch(3)}，臺灣`));
  });

  it('converts a text with few stretches after one with many (the stretches found are written over)', () => {
    const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const many = Array.from({ length: 400 }, (_, i) => `資訊${i}條`).join('，');
    expect(toSimplifiedString(many)).toBe(opencc(many));
    for (const text of ['臺灣', '政府資訊，公开', '干部著作', '規範']) expect(toSimplifiedString(text)).toBe(opencc(text));
  });

  it('converts whole reports exactly as OpenCC does (Simplified and Traditional seeds)', () => {
    const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const texts = [...SEEDS.map(seedText), new TextDecoder().decode(fixtureBytes('traditional.utf8.txt'))];
    for (const text of texts) expect(toSimplifiedString(text)).toBe(opencc(text));
  });
});

describe('the OpenCC converter built for the characters of a text', () => {
  const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
  /** Keys and replacements of every dictionary entry of the conversion, the phrases among them. */
  const words = tw2cnDictionaries().flatMap((dictionary) =>
    (typeof dictionary === 'string' ? dictionary.split('|').map((entry) => entry.split(' ')) : dictionary.map((pair) => [...pair])).flatMap(([from, to]) => [from, to ?? '']),
  );
  const phrases = words.filter((word) => [...word].length > 1);
  const characters = (text: string) => new Set([...text].map((c) => c.codePointAt(0)!));

  it('converts every text made of those characters as OpenCC does: phrases, their parts and neighbours, mixed scripts', () => {
    expect(phrases.length).toBeGreaterThan(1000);
    const piece = fc.oneof(
      fc.constantFrom(...phrases),
      fc.constantFrom(...words),
      fc.constantFrom(...phrases).chain((phrase) => fc.nat(phrase.length).map((cut) => phrase.slice(cut))),
      fc.constantFrom(...[...'政府信息公开发群羣秘祕核覈才纔覆，。 \n1⿰'], '𠵾', '㗲'),
    );
    const texts = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(texts, texts, (text, other) => {
        expect(buildTw2cnConverter(characters(text))(text)).toBe(opencc(text));
        // Complete for every text of its characters, not only the one it was built for.
        const both = buildTw2cnConverter(characters(text + other));
        expect(both(other)).toBe(opencc(other));
        expect(both(text)).toBe(opencc(text));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('converts whole reports as OpenCC does, and the one with every entry too', () => {
    const texts = [...SEEDS.map(seedText), new TextDecoder().decode(fixtureBytes('traditional.utf8.txt'))];
    const full = buildTw2cnConverter();
    for (const text of texts) {
      expect(buildTw2cnConverter(characters(text))(text)).toBe(opencc(text));
      expect(full(text)).toBe(opencc(text));
    }
  });

  it('loads a few entries for a Simplified report instead of every one (a start on one report built tries of 10,000)', async () => {
    const added = vi.spyOn(Trie.prototype, 'addWord');
    const addedByBundle = vi.spyOn(OpenCC.Trie.prototype, 'addWord');
    try {
      vi.resetModules();
      const fresh = (await import('../../src/normalize/script-conversion.js')) as typeof import('../../src/normalize/script-conversion.js');
      const text = seedText(SEEDS[3]);
      expect(fresh.toSimplified(text).text).toBe(opencc(text));
      expect(added.mock.calls.length + addedByBundle.mock.calls.length).toBeLessThan(200);
      added.mockClear();
      buildTw2cnConverter();
      expect(added.mock.calls.length).toBeGreaterThan(5000);
    } finally {
      added.mockRestore();
      addedByBundle.mockRestore();
    }
  });
});
