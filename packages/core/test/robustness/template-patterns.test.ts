import { readFileSync } from 'node:fs';
import { compileLinearPattern, toRe2Syntax } from '@nianbao/template-language/linear-pattern';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { examplePath } from '../parse/seed-helpers.js';


/** CPU time of this thread in milliseconds (a loaded machine does not make it grow). */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * A template's regular expressions cannot hang the checker: they run on a linear-time engine. Before,
 * a forbidden pattern with nested quantifiers ran for minutes on a report holding a 32-digit run.
 */
describe('template patterns on the linear-time engine', () => {
  const seed = readFileSync(examplePath('seeds/003_136fd1d98cf7f7a0.txt'), 'utf8');
  const template = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!;

  it('checks a report with a 32-digit run against a catastrophically backtracking pattern quickly', async () => {
    const hostile: TemplateIR = {
      ...template,
      rules: [
        ...template.rules,
        {
          kind: 'forbidden',
          id: 'F9',
          title: { 'zh-CN': '回溯', en: 'Backtracking' },
          severity: 'warning',
          message: { 'zh-CN': '', en: '' },
          sections: [],
          pattern: '(?:[0-9]+)+x',
        },
      ],
    };
    // A backtracking engine needs 2^32 steps here.
    const text = seed.replace('一、总体情况', `一、总体情况\n编号${'1'.repeat(32)}y\n`);
    const started = cpuMs();
    const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: 'r.txt' }, { template: hostile });
    expect(cpuMs() - started).toBeLessThan(10_000);
    expect(result.diagnostics.some((d) => d.rule === 'F9')).toBe(false);
  });

  it('keeps the meaning of ECMAScript patterns: Unicode white space, dots, escapes, named groups', () => {
    const find = (source: string, text: string): string | null => {
      const compiled = compileLinearPattern(source);
      if (!compiled.ok) throw new Error(compiled.detail);
      const m = compiled.pattern.matcher(text);
      return m.find() ? m.group() : null;
    };
    expect(find(String.raw`申请\s*(?<n>[0-9]+)\s*件`, '申请\u3000 12\u00a0件')).toBe('申请\u3000 12\u00a0件');
    expect(find('a.b', 'a\nb')).toBeNull();
    expect(find(String.raw`\u3000x`, '\u3000x')).toBe('\u3000x');
    expect(find(String.raw`[\s\d]+`, ' 1\u30002')).toBe(' 1\u30002');
    expect(find(String.raw`\S+`, 'ab\u3000c')).toBe('ab');
    expect(toRe2Syntax(String.raw`(?<n>x)`)).toBe('(?P<n>x)');
  });

  it('refuses what it cannot run in linear time: backreferences and lookaround', () => {
    for (const source of [String.raw`(a)\1`, '(?=a)b', '(?<!a)b']) expect(compileLinearPattern(source).ok).toBe(false);
  });
});
