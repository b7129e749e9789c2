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
});
