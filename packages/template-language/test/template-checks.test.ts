import { describe, expect, it } from 'vitest';
import { parseTemplate, templateChecks } from '../src/index.js';
import { diagnosticsOf, expectCheck, positionOf, validTemplate, variant } from './template-fixture.js';

/** Each template check: a small broken template, the check's code, message and position. */
describe('template checks', () => {
  it('accepts the valid fixture without any diagnostic', async () => {
    expect(await diagnosticsOf(validTemplate)).toEqual([]);
  });

  describe('header', () => {
    it('missing-header: a template without notice', async () => {
      const text = variant('    notice "演示通知"\n', '');
      await expectCheck(text, 'missing-header', 'demo', { zh: '缺少“notice”', en: 'no "notice" declaration' });
    });
    it('duplicate-header: two titles', async () => {
      const text = variant('    notice "演示通知"', '    notice "演示通知"\n    title "又一个"');
      await expectCheck(text, 'duplicate-header', 'title "又一个"', { en: 'The "title" declaration is repeated' });
    });
    it('years-reversed: from after to', async () => {
      const text = variant('years 2021 onward', 'years 2021 to 2019');
      await expectCheck(text, 'years-reversed', '2019', { zh: '起始年 2021 晚于结束年 2019', en: 'first report year 2021 is after the last report year 2019' });
    });
    it('invalid-weight: a zero weight', async () => {
      const text = variant('"演示标记" weight 2', '"演示标记" weight 0');
      await expectCheck(text, 'invalid-weight', '0\n', { en: 'greater than 0' });
    });
    it('duplicate-marker: a marker twice', async () => {
      const text = variant('"演示标记" weight 2', '"演示标记" weight 2\n        "演示标记"');
      await expectCheck(text, 'duplicate-marker', '"演示标记"', { occurrence: 1, en: 'repeated', severity: 'warning' });
    });
    it('unknown-check: a generic check the engine does not have', async () => {
      const text = variant('blankCells warning', 'blankCells warning\n        spelling error');
      await expectCheck(text, 'unknown-check', 'spelling', { en: 'Unknown generic check "spelling"' });
    });
    it('duplicate-check: a generic check set twice', async () => {
      const text = variant('blankCells warning', 'blankCells warning\n        blankCells off');
      await expectCheck(text, 'duplicate-check', 'blankCells', { occurrence: 1 });
    });
  });

  describe('sections', () => {
    it('heading-format: a heading without numeral', async () => {
      const text = variant('"一、总体情况"', '"总体情况"');
      await expectCheck(text, 'heading-format', '"总体情况"', { en: 'must read "numeral、text"' });
    });
    it('alias-numeral-mismatch: an alias with another numeral', async () => {
      const text = variant('alias "二、收到申请情况"', 'alias "三、收到申请情况"');
      await expectCheck(text, 'alias-numeral-mismatch', '"三、收到申请情况"', { zh: '序号与章节序号“二”不一致' });
    });
    it('duplicate-alias: an alias equal to the heading', async () => {
      const text = variant('alias "二、收到申请情况"', 'alias "申请情况"');
      await expectCheck(text, 'duplicate-alias', '"申请情况"', { severity: 'warning' });
    });
    it('duplicate-numeral: two sections numbered 一', async () => {
      const text = variant('"二、申请情况"', '"一、申请情况"');
      await expectCheck(text, 'duplicate-numeral', '"一、申请情况"', { zh: '章节序号“一”重复' });
    });
    it('table-section-without-table: a table section listing nothing', async () => {
      const text = variant('section overview "一、总体情况" prose', 'section overview "一、总体情况" table');
      await expectCheck(text, 'table-section-without-table', 'table\n', { en: 'The table section "overview" lists no table' });
    });
    it('prose-section-with-table: a prose section listing a table', async () => {
      const text = variant('"二、申请情况" table t1', '"二、申请情况" prose t1');
      await expectCheck(text, 'prose-section-with-table', 't1 {', { en: 'cannot list tables' });
    });
    it('table-without-section: a table no section lists', async () => {
      const text = variant('    rule C1', '    table t9 "孤表" {\n        columns { column a "甲" }\n        rows { row x "一" }\n    }\n    rule C1');
      await expectCheck(text, 'table-without-section', 't9', { zh: '表格“t9”没有被任何章节引用' });
    });
    it('table-in-several-sections: a table listed by two sections', async () => {
      const text = variant('section overview "一、总体情况" prose', 'section overview "一、总体情况" table t1');
      await expectCheck(text, 'table-in-several-sections', 't1 "申请"', { en: 'more than one section' });
    });
    it('invalid-length: a zero length limit', async () => {
      const text = variant('section overview "一、总体情况" prose', 'section overview "一、总体情况" prose { maxLength 0 info }');
      await expectCheck(text, 'invalid-length', '0 info');
    });
    it('duplicate-id: two sections named overview', async () => {
      const text = variant('section requests "二、申请情况"', 'section overview "三、其他" prose\n    section requests "二、申请情况"');
      await expectCheck(text, 'duplicate-id', 'overview', { occurrence: 1, zh: '章节 id “overview”重复', en: 'Duplicate section id "overview"' });
    });
  });

  describe('tables', () => {
    it('duplicate-id: two tables named t1', async () => {
      const text = variant('    rule C1', '    table t1 "重复" {\n        columns { column a "甲" }\n        rows { row x "一" }\n    }\n    rule C1');
      await expectCheck(text, 'duplicate-id', 't1 "重复"', { en: 'Duplicate table id "t1"' });
    });
    it('duplicate-id: two rows named x', async () => {
      const text = variant('row y "二"', 'row x "二"');
      await expectCheck(text, 'duplicate-id', 'x "二"', { en: 'Duplicate row id "x"' });
    });
    it('duplicate-id: two columns named a', async () => {
      const text = variant('column b "乙"', 'column a "乙"');
      await expectCheck(text, 'duplicate-id', 'a "乙"', { en: 'Duplicate column id "a"' });
    });
    it('duplicate-label: two sibling rows with one label', async () => {
      const text = variant('row y "二"', 'row y "一"');
      await expectCheck(text, 'duplicate-label', '"一"', { occurrence: 1, en: 'The label "一" is repeated' });
    });
    it('empty-axis: a table without rows', async () => {
      const text = variant('    rule C1', '    table t2 "空表" {\n        columns { column a "甲" }\n        rows { }\n    }\n    rule C1', variant('table t1 {', 'table t1, t2 {'));
      await expectCheck(text, 'empty-axis', 'rows { }', { zh: '没有任何行', en: 'has no rows' });
    });
    it('wrong-node-kind: a column in the row tree', async () => {
      const text = variant('row y "二"', 'column y "二"');
      await expectCheck(text, 'wrong-node-kind', 'column y', { en: 'A column cannot be declared in the row tree' });
    });
    it('empty-group: a group without children', async () => {
      const text = variant('row y "二"', 'group y "二" { }');
      await expectCheck(text, 'empty-group', 'y "二"', { zh: '分组“y”没有子节点' });
    });
    it('leaf-with-children: a column with children (a row with children is a parent row with its own figure)', async () => {
      const text = variant('column b "乙"', 'column b "乙" { column z "丙" }');
      await expectCheck(text, 'leaf-with-children', 'b "乙"', { en: 'declare a header with children as group' });
      const parentRow = variant('row y "二"', 'row y "二" { row z "三" }');
      expect((await diagnosticsOf(parentRow)).filter((d) => d.code === 'leaf-with-children')).toEqual([]);
    });
    it('type-on-group: a group with a cell type', async () => {
      const text = variant('row y "二"', 'group y "二" type integer { row z "三" }');
      await expectCheck(text, 'type-on-group', 'integer', { en: 'cannot declare a cell type' });
    });
    it('empty-label: an unlabelled row beside others', async () => {
      const text = variant('row y "二"', 'row y ""');
      await expectCheck(text, 'empty-label', '""', { en: 'Only the single row of a table may be unlabelled' });
    });
    it('invalid-span: a zero span', async () => {
      const text = variant('column b "乙"', 'column b "乙" span 0');
      await expectCheck(text, 'invalid-span', '0\n');
    });
    it('cell-type-conflict: row and column declare different types', async () => {
      const text = variant('column b "乙"', 'column b "乙" type decimal', variant('row y "二"', 'row y "二" type integer'));
      await expectCheck(text, 'cell-type-conflict', 'integer', { en: 'different types (integer / decimal)' });
    });
    it('invalid-money-type: a zero factor and a repeated unit', async () => {
      const text = variant('column b "乙"', 'column b "乙" type money in "万元" accepting "元" factor 0, "万元" factor 1');
      await expectCheck(text, 'invalid-money-type', '0, "万元"', { en: 'a factor must be greater than 0' });
      await expectCheck(text, 'invalid-money-type', '"万元" factor 1', { en: 'the unit "万元" is repeated' });
    });
  });

  describe('rules', () => {
    it('duplicate-id: two rules named C1', async () => {
      const text = variant('rule C2 on t1', 'rule C1 on t1');
      await expectCheck(text, 'duplicate-id', 'C1', { occurrence: 1, en: 'Duplicate rule id "C1"' });
    });
    it('unresolved-reference: an unknown row', async () => {
      const text = variant('[x, column] + [y, column]', '[x, column] + [nowhere, column]');
      await expectCheck(text, 'unresolved-reference', 'nowhere', { zh: '无法解析引用“nowhere”', en: 'Cannot resolve the reference "nowhere"' });
    });
    it('unresolved-reference: an unknown table in a section', async () => {
      const text = variant('"二、申请情况" table t1', '"二、申请情况" table t1, t7');
      await expectCheck(text, 'unresolved-reference', 't7', { en: 'there is no table of that name' });
    });
    it('rule-without-table: cells but no table', async () => {
      const text = variant('rule C1 on t1 error', 'rule C1 error');
      await expectCheck(text, 'rule-without-table', 'C1', { en: 'The rule "C1" names no table' });
    });
    it('quantifier-without-table: a quantifier in a rule without table', async () => {
      const text = variant(
        'rule C1 on t1 error',
        'rule C1 error',
        variant('[subtotal, column] = [x, column] + [y, column]', 't1[subtotal, column] = t1[x, column] + t1[y, column]'),
      );
      await expectCheck(text, 'quantifier-without-table', 'for each column:', { occurrence: 0 });
    });
    it('wrong-axis: a column where a row is expected', async () => {
      const text = variant('[x, column] + [y, column]', '[x, column] + [a, column]');
      await expectCheck(text, 'wrong-axis', 'a, column]', { zh: '“a”是列，但这里需要行', en: '"a" is a column, but a row is expected here' });
    });
    it('wrong-table: a row of another table', async () => {
      const withSecond = variant('    rule C1', '    table t2 "二表" {\n        columns { column c "丙" }\n        rows { row w "戊" }\n    }\n    rule C1', variant('table t1 {', 'table t1, t2 {'));
      const text = variant('[x, column] + [y, column]', '[x, column] + [w, column]', withSecond);
      await expectCheck(text, 'wrong-table', 'w, column]', { en: '"w" belongs to the table "t2", but the cell here is in the table "t1"' });
    });
    it('variable-axis-mismatch: a column variable used as a row', async () => {
      const text = variant('[subtotal, column] = [x, column]', '[column, column] = [x, column]');
      await expectCheck(text, 'variable-axis-mismatch', 'column, column]', { en: 'ranges over columns and cannot stand for a row' });
    });
    it('variable-table-mismatch: a variable of t1 used in a t2 cell', async () => {
      const withSecond = variant('    rule C1', '    table t2 "二表" {\n        columns { column c "丙" }\n        rows { row w "戊" }\n    }\n    rule C1', variant('table t1 {', 'table t1, t2 {'));
      const text = variant('[x, column] + [y, column]', '[x, column] + t2[w, column]', withSecond);
      await expectCheck(text, 'variable-table-mismatch', 'column]', { occurrence: 2, en: 'ranges over the table "t1" and cannot be used for cells of the table "t2"' });
    });
    it('unused-variable: a quantifier whose variable is not used', async () => {
      const text = variant('[subtotal, column] = [x, column] + [y, column]', '[subtotal, a] = [x, a] + [y, a]');
      await expectCheck(text, 'unused-variable', 'for each column:', { severity: 'warning', en: 'The quantifier variable "column" is not used' });
    });
    it('empty-domain: a quantifier over nothing', async () => {
      const text = variant('for each column:', 'for each column in leaves(a) except a:');
      await expectCheck(text, 'empty-domain', 'for each column in', { en: 'ranges over nothing' });
    });
    it('no-parent: parent() of a top-level node', async () => {
      const text = variant('[x, column] + [y, column]', 'sum([leaves(parent(x)), column])');
      await expectCheck(text, 'no-parent', 'x)), column', { en: '"x" is in no group and has no parent' });
    });
    it('group-without-data: a group used as a cell', async () => {
      const grouped = variant('row x "一"\n            row y "二"', 'group g "组" {\n                row x "一"\n                row y "二"\n            }');
      const text = variant('[x, column] + [y, column]', '[g, column]', grouped);
      await expectCheck(text, 'group-without-data', 'g, column]', { en: 'use leaves(g)' });
    });
    it('not-a-single-cell: several cells without sum()', async () => {
      const text = variant('[x, column] + [y, column]', '[{x, y}, column]');
      await expectCheck(text, 'not-a-single-cell', '[{x, y}, column]', { en: 'This selects 2 cells; wrap several cells in sum(…)' });
    });
    it('empty-selection: a sum over nothing', async () => {
      const text = variant('[x, column] + [y, column]', 'sum([leaves(x) except x, column])');
      await expectCheck(text, 'empty-selection', 'sum(', { en: 'This selects no cell' });
    });
    it('except-removes-nothing: excluding a row that is not there', async () => {
      const text = variant('[x, column] + [y, column]', 'sum([{x, y} except subtotal, column])');
      await expectCheck(text, 'except-removes-nothing', 'subtotal, column])', { severity: 'warning' });
    });
    it('duplicate-addend: the same cell twice on one side', async () => {
      const text = variant('[row, a] + [row, b]', '[row, a] + [row, b] + [row, a]');
      await expectCheck(text, 'duplicate-addend', '[row, a] + [row, b] + [row, a]', { severity: 'warning', en: 'occurs more than once' });
    });
    it('type-mismatch: money added to counts', async () => {
      const text = variant('column b "乙"', 'column b "乙" type money in "万元"');
      await expectCheck(text, 'type-mismatch', '[row, total] = [row, a] + [row, b]', { en: 'mixes cells of different types: count, money(万元)' });
    });
    it('trivial-equation: x = x', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, a] + [row, b] = [row, b] + [row, a]');
      await expectCheck(text, 'trivial-equation', '[row, a] + [row, b] =', { severity: 'warning', en: 'always holds' });
    });
    it('unsatisfiable-equation: x < x', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, a] < [row, a]');
      await expectCheck(text, 'unsatisfiable-equation', '[row, a] < [row, a]', { en: 'never holds' });
    });
    it('never-holds-for-counts: a strict comparison that needs a negative count', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, a] + [row, b] < [row, a]');
      await expectCheck(text, 'never-holds-for-counts', '[row, a] + [row, b] < [row, a]', { en: 'counts are never negative' });
    });
    it('duplicate-equation: a rule repeating another', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, total] = [row, a] + [row, b]\n    }\n    rule C3 on t1 warning {\n        title "重复" en "Again"\n        message "重复" en "Again"\n        [x, total] = [x, b] + [x, a]');
      await expectCheck(text, 'duplicate-equation', '[x, total] = [x, b] + [x, a]', { en: 'The equation C3 repeats C2[x]' });
    });
    it('contradictory-rule: a rule contradicting another', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, total] = [row, a] + [row, b]\n    }\n    rule C3 on t1 error {\n        title "矛盾" en "Contradiction"\n        message "矛盾" en "Contradiction"\n        [x, a] + [x, b] < [x, total]');
      await expectCheck(text, 'contradictory-rule', '[x, a] + [x, b] < [x, total]', { en: 'The equation C3 contradicts C2[x]' });
    });
    it('redundant-equation: an inequality implied by an equation', async () => {
      const text = variant('[row, total] = [row, a] + [row, b]', '[row, total] = [row, a] + [row, b]\n    }\n    rule C3 on t1 error {\n        title "多余" en "Redundant"\n        message "多余" en "Redundant"\n        [x, total] >= [x, a] + [x, b]');
      await expectCheck(text, 'redundant-equation', '[x, total] >= [x, a] + [x, b]', { severity: 'info', en: 'The equation C3 is implied by C2[x]' });
    });
    it('uncovered-cells: a column no rule uses', async () => {
      const text = variant('for each column:', 'for each column in {a, b, total}:', variant('column total "合计"', 'column total "合计"\n            column note "备注"'));
      await expectCheck(text, 'uncovered-cells', 't1 "申请"', { severity: 'info', en: 'has 3 data cells no arithmetic rule covers: t1.x.note, t1.y.note, t1.subtotal.note' });
    });
    it('too-many-equations: runaway quantifiers', async () => {
      const rows = Array.from({ length: 150 }, (_, index) => `row r${index} "行${index}"`).join('\n');
      const columns = Array.from({ length: 150 }, (_, index) => `column c${index} "列${index}"`).join('\n');
      const big = variant('    rule C1', `    table t2 "大表" {\n columns {\n${columns}\n}\n rows {\n${rows}\n}\n }\n    rule C9 on t2 error {\n        title "大" en "Big"\n        message "大" en "Big"\n        for each row:\n        for each column:\n            [row, column] >= [row, column]\n    }\n    rule C1`, variant('table t1 {', 'table t1, t2 {'));
      await expectCheck(big, 'too-many-equations', 'for each column:\n            [row, column] >=', { en: 'more than 20000 equations' });
    });
    it('duplicate-option: blank given twice', async () => {
      const text = variant('        for each column:', '        blank zero\n        blank unknown\n        for each column:');
      await expectCheck(text, 'duplicate-option', 'blank unknown', { severity: 'warning' });
    });
    it('unknown-placeholder: a message placeholder with no value', async () => {
      const text = variant('message "{row}" en "{row}"', 'message "{row}" en "{rows}"');
      await expectCheck(text, 'unknown-placeholder', '"{rows}"', { en: 'The message placeholder "{rows}" has no value' });
    });
    it('empty-text: a rule without an English title', async () => {
      const text = variant('title "行合计" en "Row totals"', 'title "行合计" en ""');
      await expectCheck(text, 'empty-text', '""', { zh: '标题的英文文本（en）不能为空', en: 'The English text (en) of the title cannot be empty' });
    });
    it('empty-text: a missing English message is named as such, not as an empty message', async () => {
      const text = variant('message "{column}：{lhs} ≠ {rhs}" en "{column}: {lhs} ≠ {rhs}"', 'message "{column}：{lhs} ≠ {rhs}" en ""');
      const [diagnostic] = await diagnosticsOf(text);
      expect(diagnostic.code).toBe('empty-text');
      expect(diagnostic.message['zh-CN']).toBe('消息的英文文本（en）不能为空。');
      expect(diagnostic.message.en).toBe('The English text (en) of the message cannot be empty.');
    });
  });

  describe('patterns', () => {
    const proseRule = (pattern: string): string =>
      variant(
        '    rule C2',
        `    rule P1 on t1 warning {\n        title "正文" en "Text"\n        message "不符" en "Mismatch"\n        prose ${pattern} equals [subtotal, total] in overview\n    }\n    rule C2`,
      );
    it('accepts a pattern with one number slot', async () => {
      expect(await diagnosticsOf(proseRule('"共{…}申请{n}件"'))).toEqual([]);
    });
    it('pattern-without-number: a prose pattern without {n}', async () => {
      const text = proseRule('"共收到申请"');
      await expectCheck(text, 'pattern-without-number', '"共收到申请"', { en: 'exactly one number slot {n}' });
    });
    it('invalid-pattern: an unclosed slot', async () => {
      const text = proseRule('"共{n件"');
      await expectCheck(text, 'invalid-pattern', '"共{n件"', { en: 'is not closed' });
    });
    it('invalid-pattern: a broken regex literal', async () => {
      const text = proseRule('/共(?<n>[0-9]+件/');
      await expectCheck(text, 'invalid-pattern', '/共', { en: 'not a valid regular expression' });
    });
    it('invalid-pattern: a backreference or lookaround, which no linear-time engine runs', async () => {
      await expectCheck(proseRule('/共(?<n>[0-9]+)(件)\\2/'), 'invalid-pattern', '/共', { en: 'linear-time engine does not support' });
      await expectCheck(proseRule('/共(?<n>[0-9]+)(?=件)/'), 'invalid-pattern', '/共', { en: 'backreferences, lookahead or lookbehind' });
    });
    it('accepts nested quantifiers: the linear-time engine runs them without backtracking', async () => {
      expect(await diagnosticsOf(proseRule('/共(?:[0-9]+)+x(?<n>[0-9]+)件/'))).toEqual([]);
    });
    it('regex-flags-ignored: flags other than g and u', async () => {
      const text = proseRule('/共(?<n>[0-9]+)件/i');
      await expectCheck(text, 'regex-flags-ignored', '/共', { severity: 'warning', en: 'The regex flags "i" are ignored' });
    });
    it('duplicate-section-reference: a section listed twice', async () => {
      const text = proseRule('"共{n}件"').replace('in overview', 'in overview, overview');
      await expectCheck(text, 'duplicate-section-reference', 'overview\n', { severity: 'warning' });
    });
  });

  describe('broken files', () => {
    it('empty-file: an empty file', async () => {
      await expectCheck('', 'empty-file', '', { en: 'The file defines no template' });
    });
    it('empty-file: only a comment', async () => {
      const diagnostics = await diagnosticsOf('// nothing here\n');
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('empty-file');
    });
    it('syntax-error: garbage gives readable diagnostics, no throw', async () => {
      const diagnostics = await diagnosticsOf('这不是模板 @@@ {{{');
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.every((diagnostic) => diagnostic.code === 'syntax-error')).toBe(true);
      expect(diagnostics[0].message['zh-CN']).toMatch(/^语法错误：/);
      expect(diagnostics[0].range.start).toEqual({ line: 1, column: 1, offset: 0 });
    });
    it('syntax-error: a missing keyword is reported where it is missing', async () => {
      const text = variant('        rows {\n', '        rowz {\n');
      await expectCheck(text, 'syntax-error', 'rowz', { zh: '此处应为', en: "Syntax error: expecting rows but found 'rowz'" });
    });
    it('syntax-error: a truncated template', async () => {
      const text = validTemplate.slice(0, validTemplate.indexOf('rule C2'));
      const diagnostics = await diagnosticsOf(text);
      expect(diagnostics.some((diagnostic) => diagnostic.code === 'syntax-error')).toBe(true);
    });
    it('syntax-error: a Chinese id', async () => {
      const text = variant('row y "二"', 'row 乙 "二"');
      await expectCheck(text, 'syntax-error', '乙 "二"', { zh: '无法识别的字符“乙”', en: "unexpected character '乙'" });
    });
  });

  describe('inheritance (extends and patches)', () => {
    const derived = (body: string, base = 'demo') => `template derived extends ${base} {\n${body}\n}\n`;
    const parseDerived = (text: string, sources: Record<string, string> = { demo: validTemplate }) =>
      parseTemplate(text, 'derived.nbt', undefined, {
        resolveBase: (id) => (id in sources ? { uri: `${id}.nbt`, text: sources[id] } : undefined),
      });
    const expectAt = async (text: string, code: string, needle: string, sources?: Record<string, string>) => {
      const { diagnostics } = await parseDerived(text, sources);
      const position = positionOf(text, needle);
      const found = diagnostics.find((d) => d.code === code && d.uri === 'derived.nbt' && d.range.start.line === position.line && d.range.start.column === position.column);
      expect(found, JSON.stringify(diagnostics.map((d) => [d.code, d.uri, d.range.start.line, d.range.start.column]))).toBeDefined();
      return found!;
    };
    it('unknown-base-template: extends a template nobody has', async () => {
      await expectAt(derived('    years 2025 onward', 'nowhere'), 'unknown-base-template', 'nowhere');
    });
    it('inheritance-cycle: two templates extending each other', async () => {
      const text = 'template a extends b {\n}\n';
      const { diagnostics } = await parseDerived(text, { b: 'template b extends a {\n}\n', a: text });
      expect(diagnostics.map((d) => [d.code, d.uri, d.range.start.column])).toEqual([
        ['base-template-errors', 'derived.nbt', 20],
        ['inheritance-cycle', 'b.nbt', 20],
      ]);
      expect(diagnostics[1].message.en).toContain('a → b → a');
    });
    it('base-template-errors: the base does not compile', async () => {
      const broken = variant('years 2021 onward', 'years 2021 to 2019');
      const { diagnostics } = await parseDerived(derived(''), { demo: broken });
      expect(diagnostics.map((d) => [d.code, d.uri])).toEqual([
        ['base-template-errors', 'derived.nbt'],
        ['years-reversed', 'demo.nbt'],
      ]);
    });
    it('patch-without-base: a patch in a template that extends nothing', async () => {
      const text = variant('    section overview', '    remove rules C1\n    section overview');
      await expectCheck(text, 'patch-without-base', 'remove rules C1');
    });
    it('patch-needs-table: rows without in <table>', async () => {
      await expectAt(derived('    remove rows x'), 'patch-needs-table', 'rows x');
    });
    it('patch-needs-target: replace rules without saying which', async () => {
      await expectAt(derived('    replace rules { }'), 'patch-needs-target', 'rules {');
    });
    it('patch-target-missing: removing a rule the base does not have', async () => {
      await expectAt(derived('    remove rules C9'), 'patch-target-missing', 'C9');
    });
    it('patch-wrong-part: a section where rules are added', async () => {
      await expectAt(derived('    add rules {\n        section s "三、其他" prose\n    }'), 'patch-wrong-part', 'section s');
    });
    it('unresolved-reference: a removed row still used by an inherited rule is an error at the reference, in the base file', async () => {
      const { diagnostics } = await parseDerived(derived('    remove rows in t1 y'));
      const position = positionOf(validTemplate, 'y, column]');
      expect(diagnostics.map((d) => [d.code, d.uri, d.range.start.line, d.range.start.column])).toContainEqual([
        'unresolved-reference',
        'demo.nbt',
        position.line,
        position.column,
      ]);
    });
  });

  it('every check code in the catalogue is exercised by a test above', async () => {
    const read = await import('node:fs').then((fs) => (file: string) => fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
    const source = read(import.meta.url) + read('./cross-year-rules.test.ts') + read('./constants-and-conditions.test.ts');
    const untested = Object.keys(templateChecks).filter((code) => !source.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });
});
