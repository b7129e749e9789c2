import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingLineScores } from '../../src/parse/section-headings.js';
import { builtinTemplates } from '../../src/templates/index.js';

const NUMERALS = '一二三四五六七八九十';

/**
 * A line numbered in another style ("（二）…", "2、…") scores as the same line numbered in the template's
 * style ("二、…") would, for the sections of its numeral only, 4 lower and as a near miss: the definition
 * the finder once computed by rewriting the line and scoring it for every section.
 */
function renumberedScores(numeral: string, tail: string, sections: Parameters<typeof headingLineScores>[1]) {
  return headingLineScores(`${numeral}、${tail}`, sections)
    .filter((c) => sections[c.section].numeral === numeral)
    .map((c) => ({ section: c.section, score: c.score - 4, match: 'near', styled: true }));
}

describe('headingLineScores of a line numbered in another style', () => {
  it('equals the scores of the line renumbered in the template style, for its numeral (fast-check)', () => {
    for (const template of builtinTemplates) {
      const sections = template.sections;
      const wordings = sections.flatMap((s) => [s.heading, ...s.aliases]);
      const pool = [...new Set(wordings.join('') + '，。、 （）()\t0123')];
      // A wording of some section, maybe edited (characters dropped, changed or added), or made up.
      const edited = fc
        .tuple(fc.constantFrom(...wordings), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('drop', 'change', 'add'), fc.constantFrom(...pool)), { maxLength: 4 }))
        .map(([wording, edits]) => {
          let chars = [...wording];
          for (const [at, kind, c] of edits) {
            const i = at % (chars.length + 1);
            if (kind === 'drop') chars = [...chars.slice(0, i), ...chars.slice(i + 1)];
            else if (kind === 'change') chars = [...chars.slice(0, i), c, ...chars.slice(i + 1)];
            else chars = [...chars.slice(0, i), c, ...chars.slice(i)];
          }
          return chars.join('');
        });
      const made = fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((cs) => cs.join(''));
      const tail = fc
        .tuple(fc.oneof(edited, fc.constantFrom(...wordings), made), fc.constantFrom('', '。', '情况', '及改进措施', '\t0\t1'))
        .map(([t, end]) => (t + end).replace(/^\s+/u, ''));
      const numbering = fc.oneof(
        fc.tuple(fc.constantFrom('（', '(', '（ '), fc.integer({ min: 1, max: 13 }), fc.constantFrom('）', ')', ' ）'), fc.constantFrom('', ' ', '\u3000')).map(
          ([open, n, close, space]) => ({ numeral: chineseNumeral(n), prefix: `${open}${chineseNumeral(n)}${close}${space}` }),
        ),
        fc.tuple(fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.constantFrom('、', '.', '．', '，', ',', ':', '：', ' 、'), fc.constantFrom('', ' ')).map(
          ([n, wide, mark, space]) => ({
            numeral: NUMERALS[n - 1],
            prefix: `${wide ? String.fromCharCode(0xff10 + n) : String(n)}${mark}${space}`,
          }),
        ),
      );
      fc.assert(
        fc.property(numbering, tail, ({ numeral, prefix }, rest) => {
          expect(headingLineScores(prefix + rest, sections)).toEqual(renumberedScores(numeral, rest, sections));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('scores a reworded sub-heading numbered like its section as a near miss of that section only', () => {
    const sections = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!.sections;
    const scores = headingLineScores('（五）存在问题及改进情况', sections);
    expect(scores.map((c) => [sections[c.section].numeral, c.match, c.styled])).toEqual([['五', 'near', true]]);
    expect(headingLineScores('（二）其他需要报告的事项', sections)).toEqual([]);
  });
});

/** 1 … 13 as 一 … 十三. */
function chineseNumeral(n: number): string {
  return n <= 10 ? NUMERALS[n - 1] : `十${NUMERALS[n - 11]}`;
}
