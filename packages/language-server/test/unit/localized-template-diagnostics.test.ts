import { parseTemplate } from '@nianbao/template-language';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { localizeTemplateDiagnostics } from '../../src/templates/localized-template-diagnostics.js';

const broken = `template demo-unit {
    title "示例"
    notice "示例〔2026〕1号"
    years 2026 onward
    section numbers "一、统计" table t1
    table t1 "统计表" {
        cells count
        columns { column a "甲" }
        rows { row first "第一项" row first "第二项" row total "合计" }
    }
    rule R1 on t1 error {
        title "合计" en "Total"
        message "合计不符。" en "The total is wrong."
        [first, a] + [second, a] = [total, a]
    }
}
`;

describe('localizeTemplateDiagnostics', () => {
  it('rewords only the message, in the chosen language, of checks and of linking errors (and codes the linking errors)', async () => {
    const parsed = await parseTemplate(broken);
    const raw = (parsed.document.diagnostics ?? []) as Diagnostic[];
    expect(raw.length).toBeGreaterThanOrEqual(2);
    const en = localizeTemplateDiagnostics(raw, broken, 'en');
    const zh = localizeTemplateDiagnostics(raw, broken, 'zh-CN');
    expect(en.map((d) => d.message)).toEqual(expect.arrayContaining(['Duplicate row id "first".']));
    expect(en.map((d) => d.message)).toEqual(
      expect.arrayContaining(['Cannot resolve the reference "second": there is no row, column or quantifier variable of that name.']),
    );
    expect(zh.map((d) => d.message)).toEqual(expect.arrayContaining(['行 id “first”重复。', '无法解析引用“second”：没有这个名字的行、列或量词变量。']));
    // Langium's linking errors have no code; they get the template language's.
    const withoutMessage = (d: Diagnostic) => ({ ...d, message: undefined, code: d.code ?? 'unresolved-reference' });
    expect(en.map(withoutMessage)).toEqual(raw.map(withoutMessage));
    expect(zh.map(withoutMessage)).toEqual(raw.map(withoutMessage));
  });
});
