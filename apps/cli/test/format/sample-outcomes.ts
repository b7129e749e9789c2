import type { FileOutcome } from '../../src/outcome/index.js';

/** A hand-made outcome: two findings on a small report, one with a fix. */
export function sampleOutcome(index = 0, path = 'reports/a.txt'): FileOutcome {
  return {
    index,
    path,
    result: {
      path,
      template: { id: 'gov-disclosure-2019', confidence: 0.97 },
      report: { year: 2020, agency: '某县公安局' },
      source: { reader: 'txt', encoding: 'utf-8' },
      diagnostics: [
        {
          code: 'arithmetic/equation',
          category: 'arithmetic',
          severity: 'error',
          message: '勾稽关系不成立（自然人）：一 + 二 = 2，（七）+ 四 = 0。',
          range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } },
          related: [{ message: '一 = 2', range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } } }],
          expected: 2,
          actual: 0,
          suggestions: [
            {
              message: '改为：（七）总计 由 0 改为 2',
              edits: [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }, newText: '2' }],
            },
          ],
        },
        {
          code: 'quality/pinyin',
          category: 'quality',
          severity: 'warning',
          message: '“規(guī)定”中夹杂拼音注音“(guī)”。',
          range: { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } },
          related: [],
          suggestions: [],
        },
      ],
    },
    extras: [
      { rule: 'R1', cells: ['t3.total.naturalPerson'], fingerprint: 'aaaa' },
      { fingerprint: 'bbbb' },
    ],
    lines: { 0: '規(guī)定和要求', 2: '\t0' },
  };
}

/** An outcome for an input that could not be read. */
export function failedOutcome(index = 1, path = 'reports/b.txt'): FileOutcome {
  return { index, path, extras: [], lines: {}, failure: `${path}: 文件是二进制数据` };
}
