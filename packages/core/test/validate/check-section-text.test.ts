import { describe, expect, it, vi } from 'vitest';
import { identityView } from '../../src/read/index.js';
import { charactersBesideSpace, checkSectionText, mayBeEmpty } from '../../src/validate/check-section-text.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { ReportBuilder } from './fixtures/report-builder.js';

describe('mayBeEmpty', () => {
  const placeholders = ['无', '暂无。', '无。'];

  it('looks closer at a body of filler and at most the longest placeholder’s length of other characters', () => {
    expect(mayBeEmpty('', placeholders)).toBe(true);
    expect(mayBeEmpty(' 。\n——…', placeholders)).toBe(true);
    expect(mayBeEmpty('\n无。\n', placeholders)).toBe(true);
    expect(mayBeEmpty('暂无。', placeholders)).toBe(true);
    // Three characters besides filler: as long as the longest placeholder, so maybe one of them.
    expect(mayBeEmpty('有 问 题', placeholders)).toBe(true);
  });

  it('rules out a body with more characters besides filler than any placeholder has', () => {
    expect(mayBeEmpty('存在问题：', placeholders)).toBe(false);
    expect(mayBeEmpty('一、存在的主要问题。'.repeat(1000), placeholders)).toBe(false);
    expect(mayBeEmpty('x', [])).toBe(false);
    expect(mayBeEmpty(' 。', [])).toBe(true);
  });

  it('counts a character outside the Basic Multilingual Plane once, and never more than its UTF-16 units', () => {
    expect(mayBeEmpty('𠀀𠀀', ['无无'])).toBe(true);
    expect(mayBeEmpty('𠀀𠀀𠀀', ['无无'])).toBe(false);
  });
});

describe('charactersBesideSpace', () => {
  const reference = (text: string): number => [...text.replace(/\s+/gu, '')].length;

  it('skips exactly the units \\s matches', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      expect(charactersBesideSpace(unit), `U+${c.toString(16)}`).toBe(reference(unit));
    }
  });

  it('counts characters as the string iterator does once the white space is gone, lone surrogates included', () => {
    expect(charactersBesideSpace('一、总体 情况\n𠀀 x')).toBe(reference('一、总体 情况\n𠀀 x'));
    // A high surrogate pairs with the low one after the white space between them.
    expect(charactersBesideSpace('\ud840 \udc00')).toBe(1);
    expect(charactersBesideSpace('\ud840\ud840\udc00\udc00')).toBe(reference('\ud840\ud840\udc00\udc00'));
    const pieces = ['\ud840', '\udc00', ' ', '\u3000', '\n', '字', 'a', '\u2028', '\ufeff', '𠀀'];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = n % 12;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      expect(charactersBesideSpace(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('checkSectionText', () => {
  it('asks only for the texts of the sections a rule, a length limit or placeholders are about', () => {
    const report = new ReportBuilder(budgetTemplate)
      .title('示例单位2031年预算执行报告', 2031)
      .section('s1')
      .line('全年收入30万元。')
      .section('s2')
      .table({ id: 'budget', rows: { income: ['10', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] } })
      .section('s3')
      .line('无')
      .build();
    const ctx = new ValidationContext(report, budgetTemplate, identityView(report.source.text), [budgetTemplate]);
    const asked = vi.spyOn(ctx, 'sectionText');
    const codes = checkSectionText(ctx).map((d) => d.code);
    // s1: length limit and forbidden pattern; s3: placeholders; s4: a required mention. s2 (tables only): none.
    expect(new Set(asked.mock.calls.map(([id]) => id))).toEqual(new Set(['s1', 's3', 's4']));
    expect(codes).toContain('text/empty-section');
  });
});
