import { describe, expect, it } from 'vitest';
import type { Template } from '../src/index.js';
import { analyzeTemplate, parseTemplate } from '../src/index.js';
import { diagnosticsOf, expectCheck, validTemplate, variant } from './template-fixture.js';

const crossYearRule = `    rule Y1 on t1 warning {
        title "上年" en "Last year"
        message "{row}" en "{row}"
        for each row:
            [row, total] = previous [row, total] + [row, a] - [row, b]
    }
}
`;

async function modelOf(text: string) {
  const parsed = await parseTemplate(text);
  return analyzeTemplate(parsed.ast.template as Template).model;
}

describe('cross-year rules (previous)', () => {
  it('compile to a crossYear rule whose terms say which cells are last year\'s', async () => {
    const fixed = validTemplate.slice(0, validTemplate.lastIndexOf('}')) + crossYearRule;
    // The same cell on both sides, once of this year and once of last year, is neither trivial nor merged.
    expect(await diagnosticsOf(fixed)).toEqual([]);
    const rule = (await modelOf(fixed)).rules.find((r) => r.id === 'Y1');
    expect(rule?.kind).toBe('crossYear');
    if (rule?.kind !== 'crossYear') return;
    expect(rule.equations[0]).toEqual({
      id: 'Y1[x]',
      lhs: [{ cell: 't1.x.total', coef: 1 }],
      op: '=',
      rhs: [
        { cell: 't1.x.total', coef: 1, previous: true },
        { cell: 't1.x.a', coef: 1 },
        { cell: 't1.x.b', coef: -1 },
      ],
      bindings: { row: 'x' },
    });
    // In-report rules stay arithmetic.
    expect((await modelOf(fixed)).rules.find((r) => r.id === 'C1')?.kind).toBe('arithmetic');
  });

  it('previous-outside-arithmetic: previous in a prose check', async () => {
    const prose = `    rule P1 on t1 warning {
        title "正文" en "Text"
        message "m" en "m"
        prose "上年{n}件" equals previous [x, total]
    }
}
`;
    const text = validTemplate.slice(0, validTemplate.lastIndexOf('}')) + prose;
    await expectCheck(text, 'previous-outside-arithmetic', 'previous [x, total]', { en: 'arithmetic rules only' });
  });
});

describe('notCopied', () => {
  it('sets the section\'s similarity threshold and severity', async () => {
    const text = variant('section overview "一、总体情况" prose', 'section overview "一、总体情况" prose {\n        notCopied 0.9 warning\n    }');
    expect(await diagnosticsOf(text)).toEqual([]);
    expect((await modelOf(text)).sections[0].notCopied).toEqual({ threshold: 0.9, severity: 'warning' });
  });

  it('similarity-out-of-range: a threshold above 1', async () => {
    const text = variant('section overview "一、总体情况" prose', 'section overview "一、总体情况" prose {\n        notCopied 1.5 warning\n    }');
    await expectCheck(text, 'similarity-out-of-range', '1.5', { zh: '应在 0 到 1 之间' });
  });
});
