import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import { examplePath } from '../parse/seed-helpers.js';

/**
 * Each report's check has a time budget: past it, what is left is not checked, one
 * `structure/check-timeout` finding says so (in both languages), and no unverified fix is offered.
 */
describe('time budget per report', () => {
  const bytes = new Uint8Array(readFileSync(examplePath('seeds/003_136fd1d98cf7f7a0.txt')));

  it('stops at once with a clear finding when the budget is spent', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const result = await checkReport({ bytes, fileName: 'r.txt' }, { budgetMs: 0, locale });
      const timeout = result.diagnostics.filter((d) => d.code === 'structure/check-timeout');
      expect(timeout).toHaveLength(1);
      expect(timeout[0].message).toContain(locale === 'en' ? 'could not be checked within 0 s' : '未能在 0 秒内检查完');
      expect(result.diagnostics.some((d) => d.code === 'arithmetic/equation')).toBe(false);
      expect(result.diagnostics.every((d) => d.suggestions.length === 0)).toBe(true);
    }
  });

  it('does not show with the default budget', async () => {
    const result = await checkReport({ bytes, fileName: 'r.txt' });
    expect(result.diagnostics.some((d) => d.code === 'structure/check-timeout')).toBe(false);
    expect(result.diagnostics.some((d) => d.code === 'arithmetic/equation' && d.suggestions.length > 0)).toBe(true);
  });
});
