import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './template-fixture.js';

/**
 * What an author sees after a typo: "did you mean" hints for unknown names and keywords, a qualified id
 * named when a nested row is written by its local name, and nothing but the syntax error after one.
 */
const template = `template hints-demo {
    title "示例"
    notice "示例〔2026〕3号"
    years 2026 onward
    section numbers "一、统计情况" table t3
    table t3 "办理表" {
        columns {
            column naturalPerson "自然人"
            column total "总计"
        }
        rows {
            row received "收到"
            group results "办理结果" {
                row granted "公开"
                row total "合计"
            }
        }
    }
    rule R1 on t3 error {
        title "合计" en "Total"
        message "合计不对。" en "The total is wrong."
        for each column:
            [results.total, column] = [results.granted, column]
    }
}
`;

describe('author hints', () => {
  it('says a nested row needs its qualified id when it is written bare, and names it', async () => {
    const diagnostics = await diagnosticsOf(template.replace('[results.total, column] =', '[total, column] ='));
    const [wrong] = diagnostics.filter((d) => d.severity === 'error');
    expect(wrong.code).toBe('wrong-axis');
    expect(wrong.message['zh-CN']).toBe('“total”是列，但这里需要行。下级的行、列要写上所在组的完整 id：是不是“results.total”？');
    expect(wrong.message.en).toBe(
      '"total" is a column, but a row is expected here. Nested rows and columns are named by their full id, groups included: did you mean "results.total"?',
    );
  });

  it('suggests the nearest id for an unknown one, and the full id for a bare nested one', async () => {
    const errors = async (text: string) => (await diagnosticsOf(text)).filter((d) => d.severity === 'error');
    const typo = await errors(template.replace('[results.granted, column]', '[results.grnated, column]'));
    expect(typo.map((d) => [d.code, d.message.en])).toEqual([
      ['unresolved-reference', 'Cannot resolve the reference "results.grnated": there is no row, column or quantifier variable of that name. Did you mean "results.granted"?'],
    ]);
    expect(typo[0].message['zh-CN']).toContain('是不是“results.granted”？');
    const bare = await errors(template.replace('[results.granted, column]', '[granted, column]'));
    expect(bare.map((d) => d.code)).toEqual(['unresolved-reference']);
    expect(bare[0].message.en).toContain('did you mean "results.granted"?');
  });

  it('names the keyword a misspelt word stands for, and reports nothing but the syntax error', async () => {
    const diagnostics = await diagnosticsOf(template.replace('rule R1', 'rul R1'));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.code).filter((code) => code !== 'syntax-error')).toEqual([]);
    expect(diagnostics[0].message.en).toContain('Did you mean "rule"?');
    expect(diagnostics[0].message['zh-CN']).toContain('是不是“rule”？');
  });
});
