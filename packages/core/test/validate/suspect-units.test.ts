import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConverterArtefacts, findMojibake, findPinyinReadings } from '../../src/normalize/index.js';
import { ARTEFACT_UNIT, MOJIBAKE_UNIT, PINYIN_UNIT, suspectUnits } from '../../src/validate/suspect-units.js';
import { SEEDS, seedText } from '../read/fixtures.js';

/** Each detector's spots, and whether the screen lets it run. */
function screened(text: string): Array<[found: boolean, suspect: boolean]> {
  const flags = suspectUnits(text);
  return [
    [findMojibake(text).length > 0, (flags & MOJIBAKE_UNIT) !== 0],
    [findPinyinReadings(text).length > 0, (flags & PINYIN_UNIT) !== 0],
    [findConverterArtefacts(text).length > 0, (flags & ARTEFACT_UNIT) !== 0],
  ];
}

describe('suspectUnits', () => {
  it('lets every detector run on a text where it finds something', () => {
    const texts = [
      ...SEEDS.map(seedText),
      '共收到申请12件\uFFFD\uFFFD。',
      '文件銆傛湰骞村害鎶ュ憡',
      '锟斤拷锟斤拷',
      '烫烫烫烫',
      'å…¬å¼€信息',
      '政府信息公开（guī）规定',
      '见附件\\[1\\]。',
      '目录 PAGEREF _Toc123 \\h 3',
      '文本{.underline}',
      '<!-- -->',
    ];
    const foundBy = [0, 0, 0];
    for (const text of texts) {
      screened(text).forEach(([found, suspect], detector) => {
        if (!found) return;
        foundBy[detector]++;
        expect(suspect).toBe(true);
      });
    }
    // Every detector found something somewhere: the texts test each screen.
    expect(foundBy.every((count) => count > 0)).toBe(true);
  });

  it('holds no flag for plain Chinese prose and numbers', () => {
    expect(suspectUnits('本年共收到政府信息公开申请12件，予以公开8件。')).toBe(0);
    expect(suspectUnits('')).toBe(0);
  });

  it('gives the flags of each unit or-ed for texts made by editing the one before, as for texts met alone', () => {
    // Units of every kind of flag, and plain ones.
    const alphabet = ['a', '中', '文', '。', '?', '锟', '鈥', 'Ã', '\uFFFD', 'ā', 'ǚ', '\\', '<', '{', '\n'];
    // Each unit's flags, from texts of one unit (a text unlike the one before is counted whole).
    const unitFlags = new Map(alphabet.map((unit) => [unit, suspectUnits(unit)]));
    const expected = (text: string) => [...text].reduce((flags, unit) => flags | unitFlags.get(unit)!, 0);
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }).map((units) => units.join(''));
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), insert: text.map((t) => t.slice(0, 12)) });
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 8 }), (start, edits) => {
        let current = start;
        expect(suspectUnits(current)).toBe(expected(current));
        for (const { at, cut, insert } of edits) {
          const from = current.length === 0 ? 0 : at % (current.length + 1);
          current = current.slice(0, from) + insert + current.slice(from + cut);
          expect(suspectUnits(current)).toBe(expected(current));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the flags an edit takes away or brings, in a long text', () => {
    const prose = '本年共收到政府信息公开申请12件，予以公开8件。'.repeat(200);
    expect(suspectUnits(prose)).toBe(0);
    const withReading = prose.slice(0, 2000) + '（guī）' + prose.slice(2000);
    expect(suspectUnits(withReading)).toBe(PINYIN_UNIT);
    expect(suspectUnits(withReading.replace('（guī）', '（gui）'))).toBe(0);
    expect(suspectUnits(prose.slice(0, 3000) + '锟斤拷' + prose.slice(3001))).toBe(MOJIBAKE_UNIT);
  });
});
