import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/validate/index.js';
import { checkVariant, checkVariantText, expectVariantValues, findings, textAt, variantText, verdict } from './variant-helpers.js';

/**
 * Variant 6: section headings as people write them, on the report 06-headings.txt (whose headings are the
 * template's). Decisions, and why:
 *
 * Accepted, no finding — the words are the template's, only typography differs:
 * - punctuation after the numeral: "一. 总体情况", "一．总体情况", "一，总体情况", or just a space "一 总体情况"
 *   (PDF extraction often loses the 、); a trailing colon "一、总体情况：";
 * - markup around the heading: "**一、总体情况**", "### 一、总体情况", "【一、总体情况】", indentation;
 * - "第一部分 总体情况" (the part named in words).
 * Near misses — the template's words under another numbering style, reported as a heading-variant
 * warning with a fix to the template heading, provided at least three parts of the report are numbered
 * that way (one "（二）主动公开政府信息情况" alone is a sub-heading of 一、总体情况, not a part):
 * - Arabic numerals "1、总体情况", "1. 总体情况";
 * - parenthesised numerals "（一）总体情况" (the form the template gives sub-headings).
 * Other wordings with the right numeral are near misses too (seed 002's "五、存在问题及改进情况").
 */

const TEMPLATE_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const NUMERALS = '一二三四五六';

/** The fixture with its six headings rewritten by `style` (numeral index, words). */
function withHeadings(style: (i: number, words: string) => string): string {
  let text = variantText('06-headings.txt');
  TEMPLATE_HEADINGS.forEach((heading, i) => {
    const line = `\n${heading}\n`;
    if (!text.includes(line)) throw new Error(`fixture lacks ${heading}`);
    text = text.replace(line, `\n${style(i, heading.slice(2))}\n`);
  });
  return text;
}

describe('headings accepted as the template\'s (no finding)', () => {
  it.each([
    ['template', (i: number, w: string) => `${NUMERALS[i]}、${w}`],
    ['full stop', (i: number, w: string) => `${NUMERALS[i]}. ${w}`],
    ['full-width full stop', (i: number, w: string) => `${NUMERALS[i]}．${w}`],
    ['comma', (i: number, w: string) => `${NUMERALS[i]}，${w}`],
    ['space instead of 、', (i: number, w: string) => `${NUMERALS[i]} ${w}`],
    ['trailing colon', (i: number, w: string) => `${NUMERALS[i]}、${w}：`],
    ['bold', (i: number, w: string) => `**${NUMERALS[i]}、${w}**`],
    ['Markdown heading', (i: number, w: string) => `### ${NUMERALS[i]}、${w}`],
    ['【】 brackets', (i: number, w: string) => `【${NUMERALS[i]}、${w}】`],
    ['indented with U+3000', (i: number, w: string) => `\u3000\u3000${NUMERALS[i]}、${w}`],
    ['第一部分', (i: number, w: string) => `第${NUMERALS[i]}部分 ${w}`],
  ])('%s', async (_name, style) => {
    const result = await checkVariantText(withHeadings(style));
    expect(result.report!.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
    expect(verdict(result)).toEqual([]);
  });
});

describe('another numbering style: one near-miss warning per heading, with a fix to the template heading', () => {
  it.each([
    ['Arabic numerals', (i: number, w: string) => `${i + 1}、${w}`, '1、总体情况'],
    ['Arabic numerals with a full stop', (i: number, w: string) => `${i + 1}. ${w}`, '1. 总体情况'],
    ['parenthesised numerals', (i: number, w: string) => `（${NUMERALS[i]}）${w}`, '（一）总体情况'],
  ])('%s', async (_name, style, first) => {
    const text = withHeadings(style);
    const result = await checkVariantText(text);
    expect(result.report!.sections.map((s) => s.match)).toEqual(['near', 'near', 'near', 'near', 'near', 'near']);
    expect(verdict(result)).toEqual(Array(6).fill('warning structure/heading-variant'));
    // Every value is still read: the sections were found.
    expect(result.report!.tables.every((t) => t.found && t.missingRows.length === 0)).toBe(true);
    const variants = findings(result, 'structure/heading-variant');
    expect(textAt(result, variants[0].range)).toBe(first);
    // Applying every fix gives the template's headings, and a report without findings.
    const fixed = applyEdits(text, variants.flatMap((d) => d.suggestions[0].edits));
    for (const heading of TEMPLATE_HEADINGS) expect(fixed).toContain(`\n${heading}\n`);
    expect(verdict(await checkVariantText(fixed))).toEqual([]);
  });

  it('takes a lone parenthesised line for a sub-heading, not a part', async () => {
    // Only 二 in the parenthesised style: the other five are the template's; 二 is then missing its
    // heading (its table is there): one error, as for any missing heading.
    const text = withHeadings((i, w) => (i === 1 ? `（二）${w}` : `${NUMERALS[i]}、${w}`));
    const result = await checkVariantText(text);
    expect(verdict(result)).toEqual(['error structure/heading-missing']);
  });
});

describe('a table of contents listing the six parts before the body (06-table-of-contents.txt)', () => {
  // The six headings occur twice; the entries of the contents have nothing under them, the headings of
  // the body have their text and tables: the body's are the sections.
  it('takes the headings of the body, not the entries of the contents', async () => {
    const result = await checkVariant('06-table-of-contents.txt');
    const text = result.source.text;
    const tocEnd = text.indexOf('六、其他需要报告的事项', text.indexOf('目录')) + '六、其他需要报告的事项'.length;
    for (const section of result.report!.sections) expect(section.heading!.range.start, section.id).toBeGreaterThan(tocEnd);
    expectVariantValues(result, expect);
    expect(verdict(result)).toEqual([]);
  });
});
