import { expect } from 'vitest';
import type { TemplateDiagnostic } from '../src/index.js';
import { parseTemplate } from '../src/index.js';

/** A small valid template that the check tests break one thing at a time. */
export const validTemplate = `template demo {
    title "演示模板"
    notice "演示通知"
    years 2021 onward
    markers {
        "演示标记" weight 2
    }
    checks {
        blankCells warning
    }
    section overview "一、总体情况" prose
    section requests "二、申请情况" table t1 {
        alias "二、收到申请情况"
    }
    table t1 "申请" {
        columns {
            column a "甲"
            column b "乙"
            column total "合计"
        }
        rows {
            row x "一"
            row y "二"
            row subtotal "小计"
        }
    }
    rule C1 on t1 error {
        title "列合计" en "Column totals"
        message "{column}：{lhs} ≠ {rhs}" en "{column}: {lhs} ≠ {rhs}"
        for each column:
            [subtotal, column] = [x, column] + [y, column]
    }
    rule C2 on t1 error {
        title "行合计" en "Row totals"
        message "{row}" en "{row}"
        for each row:
            [row, total] = [row, a] + [row, b]
    }
}
`;

/** The template text with `search` replaced by `replacement` (which must occur). */
export function variant(search: string, replacement: string, base = validTemplate): string {
  expect(base.includes(search), `fixture contains ${JSON.stringify(search)}`).toBe(true);
  return base.replace(search, replacement);
}

/** 1-based line and column of the `occurrence`-th (0-based) occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count <= occurrence; count += 1) {
    index = text.indexOf(needle, index + 1);
    expect(index, `text contains ${JSON.stringify(needle)} ${occurrence + 1} times`).toBeGreaterThanOrEqual(0);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Parse a template and return its diagnostics. */
export async function diagnosticsOf(text: string): Promise<TemplateDiagnostic[]> {
  return (await parseTemplate(text)).diagnostics;
}

/**
 * Assert that `text` has a diagnostic with `code` starting at the given occurrence of `needle`,
 * whose messages contain the given fragments; returns it.
 */
export async function expectCheck(
  text: string,
  code: string,
  needle: string,
  options: { occurrence?: number; zh?: string; en?: string; severity?: string } = {},
): Promise<TemplateDiagnostic> {
  const diagnostics = await diagnosticsOf(text);
  const position = positionOf(text, needle, options.occurrence ?? 0);
  const found = diagnostics.find(
    (diagnostic) =>
      diagnostic.code === code &&
      diagnostic.range.start.line === position.line &&
      diagnostic.range.start.column === position.column,
  );
  expect(found, `${code} at ${position.line}:${position.column}; got ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column, d.message.en]))}`).toBeDefined();
  if (options.zh) {
    expect(found?.message['zh-CN']).toContain(options.zh);
  }
  if (options.en) {
    expect(found?.message.en).toContain(options.en);
  }
  if (options.severity) {
    expect(found?.severity).toBe(options.severity);
  }
  return found as TemplateDiagnostic;
}
