import { describe, expect, it } from 'vitest';
import { findSectionHeadings } from '../../src/parse/section-headings.js';
import { builtinTemplates } from '../../src/templates/index.js';

const sections = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!.sections;
const found = (text: string) => findSectionHeadings(text, sections).map((h) => [sections[h.section].numeral, h.match]);

describe('findSectionHeadings', () => {
  it('finds headings, aliases and Markdown-decorated headings in order', () => {
    const text = [
      '## 一、总体情况',
      '（一）主动公开政府信息的情况。',
      '**二、行政机关主动公开政府信息情况**',
      '三、收到和处理政府信息公开申请情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].join('\n');
    expect(found(text)).toEqual([
      ['一', 'exact'],
      ['二', 'alias'],
      ['三', 'exact'],
      ['四', 'alias'],
      ['五', 'alias'],
      ['六', 'exact'],
    ]);
  });

  it('reads "第一部分 总体情况" style headings', () => {
    expect(found('第一部分 总体情况\n第二部分：主动公开政府信息情况')).toEqual([
      ['一', 'exact'],
      ['二', 'exact'],
    ]);
  });

  it('does not take a table-3 row numbered 四、 for section 四', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理\t0', '五、存在的主要问题及改进情况'].join('\n');
    expect(found(text)).toEqual([
      ['三', 'exact'],
      ['五', 'exact'],
    ]);
  });

  it('accepts a reworded heading with the right numeral as a near miss', () => {
    expect(found('五、存在问题及改进情况')).toEqual([['五', 'near']]);
    expect(found('三、主动公开政府信息情况')).toEqual([['二', 'near']]);
  });

  it('ignores sub-headings, prose and headings out of order', () => {
    expect(found('（二）主动公开政府信息情况')).toEqual([]);
    expect(found('一、加强组织领导，我局高度重视政府信息公开工作。')).toEqual([]);
    const text = ['二、主动公开政府信息情况', '一、总体情况', '三、收到和处理政府信息公开申请情况'].join('\n');
    const chain = found(text).map(([n]) => n);
    expect(chain).toHaveLength(2);
    expect(chain[1]).toBe('三');
  });

  it('maps heading ranges onto the text', () => {
    const text = '标题\n\n  一、总体情况  \n正文';
    const [h] = findSectionHeadings(text, sections);
    expect(text.slice(h.start, h.end)).toBe('一、总体情况');
    expect(text.slice(h.lineEnd)).toBe('正文');
  });

  it('finds headings inside a line: after prose, after the last value of a table, the body running on', () => {
    const text =
      '某局2022年政府信息公开工作年度报告一、总体情况2022年，我局切实提升质效。二、主动公开政府信息情况第二十条第（一）项信息内容' +
      '行政事业性收费0三、收到和处理政府信息公开申请情况（本列数据…）四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况' +
      '100120001100000五、存在问题及改进情况一是解读形式单一。六、其他需要报告的事项本年度未收取信息处理费。';
    expect(found(text)).toEqual([
      ['一', 'exact'],
      ['二', 'exact'],
      ['三', 'exact'],
      ['四', 'exact'],
      ['五', 'near'],
      ['六', 'exact'],
    ]);
    const headings = findSectionHeadings(text, sections);
    expect(text.slice(headings[1].start, headings[1].end)).toBe('二、主动公开政府信息情况');
    expect(text.slice(headings[1].lineEnd, headings[1].lineEnd + 6)).toBe('第二十条第（');
    expect(text.slice(headings[4].start, headings[4].end)).toBe('五、存在问题及改进情况');
  });

  it('takes no near miss inside a sentence, and prefers a heading line to the same heading inside prose', () => {
    expect(found('我们在工作中发现五、存在问题和改进情况仍然较多')).toEqual([]);
    const text = '正文提到三、收到和处理政府信息公开申请情况的内容\n三、收到和处理政府信息公开申请情况\n表格';
    const [h] = findSectionHeadings(text, sections);
    expect(h.start).toBe(text.indexOf('\n三') + 1);
  });

  it('looks for inline headings line by line: a numeral and its 、 on two lines are none, a line of numerals is searched after its start', () => {
    // "二" ends a line and "、主动公开…" starts the next: no heading across the break.
    expect(found('正文写到二\n、主动公开政府信息情况的内容')).toEqual([]);
    // The line's start is judged as a heading line; "十二、" there is no heading, and the search after it
    // still finds the heading inside the line.
    const text = '十二、二、主动公开政府信息情况第二十条';
    expect(found(text)).toEqual([['二', 'exact']]);
  });

  it('finds the same headings when lines hold no heading start for long stretches (the search is not repeated per line)', () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `第${i}行\t${i}`).join('\n');
    const text = `${filler}\n某局工作推进。二、主动公开政府信息情况\n${filler}\n六、其他需要报告的事项`;
    const headings = findSectionHeadings(text, sections);
    expect(headings.map((h) => sections[h.section].numeral)).toEqual(['二', '六']);
    expect(text.slice(headings[0].start, headings[0].end)).toBe('二、主动公开政府信息情况');
  });

  it('finds an unnumbered heading line whose key starts after punctuation, and only whole headings among unnumbered lines', () => {
    const text = ['“总体情况”', '（一）主动公开', '情况总体', '「主动公开政府信息情况」', '收到和处理政府信息公开申请情况。'].join('\n');
    expect(found(text)).toEqual([
      ['一', 'exact'],
      ['二', 'exact'],
      ['三', 'exact'],
    ]);
  });

  it('takes near misses of unnumbered lines whatever their first character when a section has no numeral', () => {
    const unnumbered = sections.map((s) => ({ ...s, numeral: '' }));
    const headings = findSectionHeadings('前言\n仍存在的主要问题及改进情况\n其他需要报告的事项', unnumbered);
    expect(headings.map((h) => [unnumbered[h.section].heading, h.match])).toEqual([
      ['存在的主要问题及改进情况', 'near'],
      ['其他需要报告的事项', 'exact'],
    ]);
  });

  it('takes Arabic-numbered headings with full-width digits and spaces before the mark, and no line of a value', () => {
    const text = ['１ 、总体情况', '12', '2．主动公开政府信息情况', '3\u3000:收到和处理政府信息公开申请情况', '4'].join('\n');
    expect(found(text)).toEqual([
      ['一', 'near'],
      ['二', 'near'],
      ['三', 'near'],
    ]);
  });
});

