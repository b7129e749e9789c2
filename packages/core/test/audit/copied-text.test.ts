import { describe, expect, it } from 'vitest';
import { auditSeries, comparisonText, groupReports, textSimilarity } from '../../src/audit/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { corpusText, digestText, hongzequ2023, hongzequ2024 } from './audit-helpers.js';

const heading5 = '五、存在的主要问题及改进情况';
const heading6 = '六、其他需要报告的事项';

/** The body of section 五 of a text. */
function section5(text: string): string {
  const start = text.indexOf(heading5) + heading5.length;
  return text.slice(start, text.indexOf(heading6, start));
}

/** `text` with the body of section 五 replaced. */
function withSection5(text: string, body: string): string {
  const start = text.indexOf(heading5) + heading5.length;
  return text.slice(0, start) + body + text.slice(text.indexOf(heading6, start));
}

async function copiedFindings(text2023: string, text2024: string) {
  const digests = await Promise.all([digestText(text2023, '2023.txt'), digestText(text2024, '2024.txt')]);
  return auditSeries(groupReports(digests).series[0], builtinTemplates, 'zh-CN').filter((f) => f.code === 'audit/copied-text');
}

describe('copied prose', () => {
  const text2023 = corpusText(hongzequ2023);
  const text2024 = corpusText(hongzequ2024);

  it('finds a 2024 section 五 that is the 2023 text with the year changed', async () => {
    const copied = withSection5(text2024, `\n${section5(text2023).replace(/2023/gu, '2024')}`);
    const findings = await copiedFindings(text2023, copied);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.rule).toBe('problems');
    expect(finding.severity).toBe('warning');
    expect(finding.location.path).toBe('2024.txt');
    expect(copied.slice(finding.location.range.start, finding.location.range.end)).toContain(heading5);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0].path).toBe('2023.txt');
    expect(text2023.slice(finding.related[0].range.start, finding.related[0].range.end)).toContain(heading5);
    expect(finding.message).toMatch(/相似度为 100%（阈值 85%）/u);
  });

  it('finds a near copy re-wrapped into other lines with a sentence changed', async () => {
    const body = section5(text2023).replace(/\n/gu, '').replace(/2023/gu, '2024').replace('有待加强等', '还需进一步加强等');
    expect((await copiedFindings(text2023, withSection5(text2024, `\n${body}\n`))).map((f) => f.rule)).toEqual(['problems']);
  });

  it('says nothing about a genuinely rewritten section', async () => {
    const rewritten =
      '\n一是部分单位对依申请公开答复文书的法律依据引用不够准确，个别答复期限临近届满才办结。下一步将建立疑难申请会商机制，每季度开展一次答复文书评查。' +
      '二是政策解读形式较为单一，图解、视频解读占比偏低。将推动重要政策文件与解读材料同步起草、同步审签、同步发布。' +
      '三是基层政务公开专区建设不均衡，部分乡镇专区信息更新不及时。将开展专区建设专项督查，并纳入年度绩效考核。\n';
    expect(await copiedFindings(text2023, withSection5(text2024, rewritten))).toEqual([]);
  });

  it('says nothing about the real series, whose 2024 section reuses some sentences of 2023', async () => {
    const similarity = textSimilarity(comparisonText(section5(text2023)), comparisonText(section5(text2024)));
    expect(similarity).toBeGreaterThan(0.4);
    expect(similarity).toBeLessThan(0.85);
    expect(await copiedFindings(text2023, text2024)).toEqual([]);
  });

  it('compares normalised text: width, script, whitespace, punctuation and figures do not count', () => {
    expect(comparisonText('２０２３年，我們將 繼續加強。')).toBe(comparisonText('2024年，我们将继续加强'));
    expect(comparisonText('共 12 件')).toBe('共#件');
  });
});
