import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charKey, firstKeyUnitIn, KeyPhrases, keyCharEnd, keyText, KeyWriter, matchKey, type KeyedText } from '../../src/parse/match-key.js';
import { labelPattern, matchLabelAt, prefixEditDistance, editDistance } from '../../src/parse/label-match.js';
import { buildCellStream } from '../../src/parse/cell-stream.js';

describe('match keys', () => {
  it('drop whitespace and punctuation, fold width and script', () => {
    expect(matchKey('（一） 予以公开')).toBe('一予以公开');
    expect(matchKey('(一)予以公开')).toBe('一予以公开');
    expect(matchKey('本年增/减')).toBe('本年增减');
    expect(matchKey('3.危及“三安全一稳定”')).toBe('3危及三安全一稳定');
    expect(matchKey('行政規範性文件')).toBe('行政规范性文件');
    expect(matchKey('ＡＢｃ１２')).toBe(matchKey('ABc12'));
  });

  it('equal the key built code point by code point, with a range for every key character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const expected = [...s].map(charKey).join('');
        expect(matchKey(s)).toBe(expected);
        const keyed = keyText(s);
        expect(keyed.key).toBe(expected);
        expect(keyed.starts).toHaveLength(expected.length);
        // Every key character's range is that of the code point it came from.
        const ranges: [number, number][] = [];
        let at = 0;
        for (const cp of s) {
          for (let j = 0; j < charKey(cp).length; j++) ranges.push([at, at + cp.length]);
          at += cp.length;
        }
        for (let i = 0; i < keyed.starts.length; i++) {
          expect(keyed.starts[i]).toBeLessThan(keyCharEnd(s, keyed, i));
          expect(keyCharEnd(s, keyed, i)).toBeLessThanOrEqual(s.length);
          expect([keyed.starts[i], keyCharEnd(s, keyed, i)]).toEqual(ranges[i]);
        }
      }),
    );
  });
});

describe('match keys appended piece by piece', () => {
  it('equal the key of the whole text, with the same ranges (as the cell stream builds its key)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('（一）予以公开', '本年新收', '行政規範性文件', ' ', 'ＡＢｃ１２', '㈠⑴㍻', '𠵾', '\ud842'),
    );
    // One writer for every run: its storage, reused from key to key, holds what earlier keys left there.
    const writer = new KeyWriter();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        let at = 0;
        for (const p of pieces) {
          writer.add(text, at, at + p.length);
          at += p.length;
        }
        const length = writer.length;
        const keyed = writer.done();
        expect(keyed.key).toHaveLength(length);
        expect(writer.length).toBe(0);
        // Appended in pieces, a surrogate pair cut between two pieces is keyed unit by unit.
        const expected = pieces.map((p, i) => keyText(text, pieces.slice(0, i).join('').length, pieces.slice(0, i + 1).join('').length));
        expect(keyed.key).toBe(expected.map((k) => k.key).join(''));
        expect(keyed.starts).toEqual(expected.flatMap((k) => k.starts));
        const ends = (k: KeyedText) => k.starts.map((_, i) => keyCharEnd(text, k, i));
        expect(ends(keyed)).toEqual(expected.flatMap(ends));
        // The end of each key character is after its start, within the piece it came from.
        let from = 0;
        pieces.forEach((p, i) => {
          for (let k = 0; k < expected[i].starts.length; k++) {
            expect(expected[i].starts[k]).toBeGreaterThanOrEqual(from);
            expect(keyCharEnd(text, expected[i], k)).toBeGreaterThan(expected[i].starts[k]);
            expect(keyCharEnd(text, expected[i], k)).toBeLessThanOrEqual(from + p.length);
          }
          from += p.length;
        });
        if (!pieces.some((p) => /[\ud800-\udbff]$/.test(p))) expect(keyed.key).toBe(matchKey(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('match keys of long texts', () => {
  it('are keyed with their starts past the first storage of the writer, keys longer than their text included', () => {
    // ㍻ and ㈠ have keys of several units: the key outgrows the text, and the writer's storage, mid-piece.
    const text = '㍻𠵾（一）予以公开㈠ '.repeat(700);
    const keyed = keyText(text);
    const expected = [...text].map(charKey).join('');
    expect(keyed.key).toBe(expected);
    expect(keyed.starts).toHaveLength(expected.length);
    for (let i = 0; i < keyed.starts.length; i++) expect(keyCharEnd(text, keyed, i)).toBeGreaterThan(keyed.starts[i]);
    expect(keyText('予以公开')).toEqual({ key: '予以公开', starts: [0, 1, 2, 3] });
  });

  it('equal the key built code point by code point (long texts take another path)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('（一）予以公开', '本年新收政府信息公开申请数量\n', '行政規範性文件', '\t0\t12\t', 'ＡＢｃ１２', '㈠⑴㍻', '𠵾'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 10, maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(matchKey(text)).toBe([...text].map(charKey).join(''));
        expect(matchKey(text)).toBe(keyText(text).key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('label matching', () => {
  const stream = (text: string) => buildCellStream(text, 0, text.length);

  it('matches exactly, without the enumerator, truncated and as a near miss', () => {
    const s = stream('（二）部分公开（区分处理的\n部分公开（区分处理的，只计这一情形，不计其他情形）\n二、上年结转政府信息公开申请数\n');
    const full = labelPattern('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(full).toMatchObject({ enumerator: '二', body: '部分公开区分处理的只计这一情形不计其他情形' });
    const [first, second, third] = s.items;
    expect(matchLabelAt(s, first.keyStart, full, { truncated: true })?.quality).toBe('truncated');
    expect(matchLabelAt(s, second.keyStart, full)?.quality).toBe('body');
    const carried = labelPattern('二、上年结转政府信息公开申请数量');
    expect(matchLabelAt(s, third.keyStart, carried, { near: true })?.quality).toBe('near');
    expect(matchLabelAt(s, third.keyStart, carried)).toBeNull();
  });

  it('requires a short label to fill its item ("其他" is not "其他结果")', () => {
    const s = stream('其他结果\n其他\n');
    const other = labelPattern('其他');
    expect(matchLabelAt(s, s.items[0].keyStart, other)).toBeNull();
    expect(matchLabelAt(s, s.items[1].keyStart, other)?.quality).toBe('exact');
  });

  it('computes bounded edit distances', () => {
    expect(editDistance('存在的主要问题及改进情况', '存在问题及改进情况', 3)).toBe(3);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(prefixEditDistance('abcdef', 'abXdefghi', 0, 1)).toEqual({ distance: 1, end: 6 });
    expect(prefixEditDistance('abcdef', 'zzzzzzzzz', 0, 1)).toBeNull();
  });

  it('computes the edit distances of their definition, whatever the lengths of the calls before', () => {
    // Levenshtein by the full table, and the best prefix by trying every length (the one nearest the
    // pattern's length, the shorter first, among equals).
    const levenshtein = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      return d[a.length][b.length];
    };
    const bestPrefix = (pattern: string, text: string, from: number, limit: number) => {
      const m = pattern.length;
      const maxLen = Math.min(text.length - from, m + limit);
      if (m === 0 || maxLen < m - limit) return null;
      let best = limit + 1;
      let end = -1;
      for (let length = Math.max(0, m - limit); length <= Math.min(maxLen, m + limit); length++) {
        const d = Math.min(limit + 1, levenshtein(pattern, text.slice(from, from + length)));
        if (d < best || (d === best && Math.abs(length - m) < Math.abs(end - m))) {
          best = d;
          end = length;
        }
      }
      return best <= limit ? { distance: best, end: from + end } : null;
    };
    const word = fc.array(fc.constantFrom(...'ab存在问题𠀀'), { maxLength: 14 }).map((c) => c.join(''));
    fc.assert(
      fc.property(word, word, fc.nat(4), fc.nat(3), (a, b, limit, from) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit + 1));
        const start = Math.min(from, b.length);
        expect(prefixEditDistance(a, b, start, limit)).toEqual(bestPrefix(a, b, start, limit));
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});

describe('match keys of long texts', () => {
  it('equal the key of a short text, built code point by code point (the buffered path, from 256 units)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('（一）予以公开', '行政規範性文件', 'ＡＢｃ１２', '㈠⑴㍻', '𠵾', '\ud842', '\udc00'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (pieces, times) => {
        let s = pieces.join('');
        while (s.length < 256) s += pieces.join('').repeat(times) || 'x';
        // As for a short text, a high surrogate is keyed with the unit after it, whatever that is.
        expect(matchKey(s)).toBe(keyText(s).key);
        if (!/[\ud800-\udbff](?![\udc00-\udfff])/.test(s)) expect(matchKey(s)).toBe([...s].map(charKey).join(''));
      }),
      { numRuns: 200 },
    );
  });
});

describe('firstKeyUnitIn', () => {
  it('is the first unit of the match key of the slice, or -1 when the key is empty', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('（一）', '、', ' ', '𠵾', '\ud842', '數', 'Ａ', '…')), { maxLength: 20 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (pieces, a, b) => {
        const s = pieces.join('');
        const from = s.length === 0 ? 0 : a % s.length;
        const to = from + (s.length === 0 ? 0 : b % (s.length - from + 1));
        const key = matchKey(s.slice(from, to));
        expect(firstKeyUnitIn(s, from, to)).toBe(key === '' ? -1 : key.charCodeAt(0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('KeyPhrases', () => {
  it('finds a phrase where the match key of the text has it', () => {
    const phrases = new KeyPhrases(['本年新制作数量', '政府集中采购', '本年增减', '']);
    expect(phrases.foundIn('本年新制作\n数量 | 政府 集中 采购 | 本年增/减')).toEqual([true, true, true, true]);
    expect(phrases.foundIn('本年新制作 政府集中 本年增')).toEqual([false, false, false, true]);
    expect(phrases.foundIn('')).toEqual([false, false, false, true]);
    // Traditional script, width and punctuation variants share the key.
    expect(phrases.foundIn('（本年新製作數量）')).toEqual([true, false, false, true]);
  });

  it('answers as matchKey(text).includes(phrase), for any text and phrases', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('政府', '本年', '数量', '數量', '、', ' ', '𠵾', '\ud842')), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.array(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 6 }), fc.nat(), (pieces, extra, pick) => {
        const s = pieces.join('');
        const key = matchKey(s);
        // Phrases taken from the key itself (so some are found), and arbitrary ones.
        const cut = key.length > 0 ? pick % key.length : 0;
        const phrases = [...extra.map(matchKey), key.slice(cut, cut + 3), key.slice(cut), key];
        expect(new KeyPhrases(phrases).foundIn(s)).toEqual(phrases.map((p) => key.includes(p)));
      }),
      { numRuns: 500 },
    );
  });

  it('answers as matchKey(text).includes(phrase) when it reads the text itself (no unit with a longer key, no surrogate)', () => {
    // Units of the Basic Multilingual Plane outside the surrogates, mostly keyed by one unit or none: the
    // text is searched where it stands (punctuation, spaces, width and script variants skipped or folded);
    // a text with a longer key ("㍻") or a surrogate anywhere is searched in its key.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(...'政府本年数量數量、 ，（）　Ａ１新制作采購\n\t|'),
    );
    const text = fc.array(fc.oneof(unit, fc.constantFrom('政府集中采购', '政府 集中·采購', '本年新製作數量', '㍻')), { maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { maxLength: 4 }), fc.nat(), fc.nat(), (pieces, extra, pick, length) => {
        const s = pieces.join('');
        const key = matchKey(s);
        const cut = key.length > 0 ? pick % key.length : 0;
        const phrases = [...extra.map(matchKey), key.slice(cut, cut + 1 + (length % 6)), key.slice(cut), '政府集中采购', '本年新制作数量', '量'];
        const search = new KeyPhrases(phrases);
        expect(search.foundIn(s)).toEqual(phrases.map((p) => key.includes(p)));
        // The same search again (its tables are made once) and on another text.
        expect(search.foundIn(s + '数量')).toEqual(phrases.map((p) => matchKey(s + '数量').includes(p)));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts the phrases in a slice of a text up to a bound, as matchKey(slice).includes(phrase) would', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('政府', '本年', '数量', '數量', '、', ' ', '𠵾', '\ud842')), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.array(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 8 }), (pieces, extra, pick, a, b, enough) => {
        const s = pieces.join('');
        const start = s.length === 0 ? 0 : a % s.length;
        const end = start + (s.length === 0 ? 0 : b % (s.length - start + 1));
        const key = matchKey(s.slice(start, end));
        const cut = key.length > 0 ? pick % key.length : 0;
        // Phrases from the slice's key (some found, one given twice), and arbitrary ones.
        const phrases = [...extra.map(matchKey), key.slice(cut, cut + 3), key.slice(cut, cut + 3), key.slice(cut), key];
        const phraseSet = new KeyPhrases(phrases);
        const count = phrases.filter((p) => key.includes(p)).length;
        expect(phraseSet.countIn(s, start, end, enough)).toBe(Math.min(count, enough));
        // Calls do not leak into each other: the whole count again.
        expect(phraseSet.countIn(s, start, end, 99)).toBe(count);
      }),
      { numRuns: 500 },
    );
  });

  it('searches a 1 MB line in one pass', () => {
    const line = '政府信息公开'.repeat(170_000) + '政府集中采购';
    const phrases = new KeyPhrases(['政府集中采购', '政府信息公开情况统计表', '公开政府']);
    const started = performance.now();
    expect(phrases.foundIn(line)).toEqual([true, false, true]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
