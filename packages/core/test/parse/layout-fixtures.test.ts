import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../src/templates/index.js';
import { generateReport, type GeneratedLayout } from '../../bench/report-generator.js';
import { parseText, rowValues, table } from './seed-helpers.js';

/**
 * The hard layouts of formats.md §7, made from generated reports by editing their text the way real
 * copies are damaged: glued digits, labels broken one character per line with page numbers, cut-off
 * and repeated tables, group label and sub-row on one line, drifting separators, surplus numbers.
 */

const t2019 = builtinTemplates.find((t) => t.id === 'gov-disclosure-2019')!;
const t2021 = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!;

function base(template = t2019, layout: GeneratedLayout = 'tab', seed = 11) {
  return generateReport(template, { layout, seed, year: template.years.from + 1, proseChars: 1500 });
}

/** Replaces the line that contains `marker` by `line`. */
function replaceLine(text: string, marker: string, line: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(marker));
  if (at < 0) throw new Error(`no line with ${marker}`);
  lines[at] = line;
  return lines.join('\n');
}

/** The generated values of a row, in column order. */
function expectedRow(values: Map<string, number>, tableId: string, rowId: string, template = t2019): number[] {
  const t = template.tables.find((x) => x.id === tableId)!;
  return t.leafColumns.map((c) => values.get(`${tableId}.${rowId}.${c}`)!);
}

describe('glued digits (table markup stripped)', () => {
  it('splits a row of digits by the row equation when exactly one split fits', async () => {
    const g = base();
    const text = replaceLine(g.text, '（七）总计', '（七）总计1020300033');
    const report = await parseText(text);
    expect(rowValues(report, 't3', 'results.total')).toEqual([10, 20, 3, 0, 0, 0, 33]);
    const row = table(report, 't3').rows.find((r) => r.id === 'results.total')!;
    expect(row.cells.every((c) => c.guessed === true)).toBe(true);
    expect(row.cells.map((c) => report.source.text.slice(c.range!.start, c.range!.end))).toEqual([
      '10', '20', '3', '0', '0', '0', '33',
    ]);
    expect(table(report, 't3').notes).toEqual([expect.objectContaining({ kind: 'glued-split', row: 'results.total' })]);
    expect(table(report, 't3').layout).toBe('mixed');
    // The other rows are untouched.
    expect(rowValues(report, 't3', 'newReceived')).toEqual(expectedRow(g.values, 't3', 'newReceived'));
  });

  it('marks the cells unreadable when several splits fit', async () => {
    const text = replaceLine(base().text, '（七）总计', '（七）总计0200201133');
    const report = await parseText(text);
    expect(rowValues(report, 't3', 'results.total')).toEqual(['na', 'na', 'na', 'na', 'na', 'na', 'na']);
    expect(table(report, 't3').notes.map((n) => n.kind)).toEqual(['glued-ambiguous']);
  });

  it('splits the unlabelled table-4 row by its three group equations', async () => {
    const g = base();
    const lines = g.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const valueLine = lines.findIndex((l, i) => i > at && /^\t[0-9]/.test(l));
    lines[valueLine] = '000001010200000';
    const report = await parseText(lines.join('\n'));
    expect(rowValues(report, 't4', 'cases')).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 0, 0, 0, 0, 0]);
    expect(table(report, 't4').notes.map((n) => n.kind)).toEqual(['glued-split']);
  });

  it('does not split digits when the row has no equation to check them', async () => {
    const text = replaceLine(base().text, '行政许可\t', '行政许可 1085');
    const report = await parseText(text);
    const cells = table(report, 't2-5').rows[0].cells;
    expect(cells.filter((c) => c.state === 'number').map((c) => c.value)).toEqual([1085]);
    expect(table(report, 't2-5').notes).toEqual([]);
  });
});

describe('PDF text: labels broken one character per line, page numbers in between', () => {
  function breakLabels(text: string): string {
    const out: string[] = [];
    let inTables = false;
    let n = 0;
    for (const line of text.split('\n')) {
      if (/^[二三四]、/.test(line)) inTables = true;
      if (/^五、/.test(line)) inTables = false;
      const content = line.replace(/^\t/, '');
      const value = /^-?[0-9.]+(?:万元)?$/.test(content);
      if (inTables && !value && !/^[二三四]、/.test(line) && /[\u3400-\u9fff]/.test(content)) {
        out.push(...[...content.replace(/\s/g, '')]);
      } else out.push(line);
      if (inTables && ++n % 37 === 0) out.push(n % 2 ? `- ${n} -` : `第 ${n} 页`);
    }
    return out.join('\n');
  }

  it.each([
    ['2019', t2019],
    ['2021', t2021],
  ] as const)('reads every cell of a %s report', async (_year, template) => {
    const g = base(template, 'cell-per-line', 5);
    const report = await parseText(breakLabels(g.text));
    for (const t of report.tables) {
      expect(t.missingRows, t.id).toEqual([]);
      for (const row of t.rows) {
        expect(rowValues(report, t.id, row.id), `${t.id}.${row.id}`).toEqual(expectedRow(g.values, t.id, row.id, template));
      }
    }
    const granted = table(report, 't3').rows.find((r) => r.id === 'results.refused.stateSecret')!;
    expect(report.source.text.slice(granted.labelRange!.start, granted.labelRange!.end)).toBe('1\n.\n属\n于\n国\n家\n秘\n密');
  });
});

describe('cut-off and repeated tables', () => {
  it('reports the missing rows of a table cut off at the end', async () => {
    const g = base(t2021, 'pipe', 3);
    const lines = g.text.split('\n');
    const from = lines.findIndex((l) => l.includes('2.没有现成信息需要另行制作'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    lines.splice(from, to - from);
    const report = await parseText(lines.join('\n'));
    const t = table(report, 't3');
    expect(t.truncated).toBe(true);
    expect(t.missingRows[0]).toBe('results.unableToProvide.needsCreating');
    expect(t.missingRows.at(-1)).toBe('carriedForward');
    expect(t.missingRows).toHaveLength(12);
    expect(rowValues(report, 't3', 'results.total')).toEqual(['na', 'na', 'na', 'na', 'na', 'na', 'na']);
    const notHeld = 'results.unableToProvide.notHeld';
    expect(rowValues(report, 't3', notHeld)).toEqual(expectedRow(g.values, 't3', notHeld, t2021));
    // Table 4 is still read in full.
    expect(rowValues(report, 't4', 'cases')).toEqual(expectedRow(g.values, 't4', 'cases', t2021));
  });

  it('notes rows missing in the middle without calling the table truncated', async () => {
    const g = base();
    const text = g.text.split('\n').filter((l) => !l.includes('3.危及') && !l.includes('2.重复申请')).join('\n');
    const t = table(await parseText(text), 't3');
    expect(t.missingRows).toEqual(['results.refused.threeSecurities', 'results.notProcessed.repeated']);
    expect(t.truncated).toBe(false);
  });

  it('notes a table repeated after a page break and keeps the complete copy', async () => {
    const g = base();
    const lines = g.text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const block = lines.slice(from + 1, to);
    const firstHalf = block.slice(0, Math.floor(block.length / 2));
    lines.splice(from + 1, to - from - 1, ...firstHalf, '- 7 -', ...block);
    const report = await parseText(lines.join('\n'));
    const t = table(report, 't3');
    expect(t.notes.map((n) => n.kind)).toEqual(['repeated']);
    expect(t.missingRows).toEqual([]);
    for (const row of t.rows) expect(rowValues(report, 't3', row.id), row.id).toEqual(expectedRow(g.values, 't3', row.id));
  });
});

describe('rows as they appear in copied tables', () => {
  it('reads a group label and its first sub-row on one line, space separated', async () => {
    const text = replaceLine(base().text, '1.属于国家秘密', '（三）不予公开 1.属于国家秘密 10 0 0 0 0 0 10');
    const report = await parseText(text);
    expect(rowValues(report, 't3', 'results.refused.stateSecret')).toEqual([10, 0, 0, 0, 0, 0, 10]);
  });

  it('places numbers of a row with lost fields by the row equation, and says it guessed', async () => {
    const text = replaceLine(base().text, '（一）予以公开', '三、本年度办理结果\t（一）予以公开\t\t5\t\t5');
    const report = await parseText(text);
    const row = table(report, 't3').rows.find((r) => r.id === 'results.granted')!;
    expect(row.cells[6].value).toBe(5);
    expect(row.cells.filter((c) => c.state === 'number').map((c) => c.value)).toEqual([5, 5]);
    expect(row.cells.every((c) => c.guessed)).toBe(true);
  });

  it('anchors the first and last number when TAB counts drift, without guessing', async () => {
    const text = replaceLine(base().text, '（一）予以公开', '\t（一）予以公开\t7\t\t\t\t\t\t\t\t7\t');
    const report = await parseText(text);
    const row = table(report, 't3').rows.find((r) => r.id === 'results.granted')!;
    expect(rowValues(report, 't3', 'results.granted')).toEqual([7, '', '', '', '', '', 7]);
    expect(row.cells.some((c) => c.guessed)).toBe(false);
  });

  it('keeps the first numbers of a row with too many and notes the surplus', async () => {
    const report = await parseText(replaceLine(base().text, '规章\t', '规章\t1\t2\t3\t4'));
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([1, 2, 3]);
    expect(table(report, 't2-1').notes.map((n) => n.kind)).toEqual(['extra-values']);
  });

  it('reads blank markers, thousands separators and money in 元', async () => {
    let text = replaceLine(base().text, '行政许可\t', '行政许可 / — 1,085');
    text = replaceLine(text, '政府集中采购\t', '政府集中采购\t16\t75394432.52元');
    const report = await parseText(text);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual(['', '', 1085]);
    expect(table(report, 't2-5').rows[0].cells.map((c) => c.raw)).toEqual(['/', '—', '1,085']);
    const amount = table(report, 't2-9').rows[0].cells[1];
    expect(amount.value).toBeCloseTo(7539.443252, 9);
    expect(amount.unit).toBe('元');
  });

  it('reads table 4 when its row of numbers has a caption of its own', async () => {
    const g = base();
    const lines = g.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const valueLine = lines.findIndex((l, i) => i > at && /^\t[0-9]/.test(l));
    lines[valueLine] = `件数${lines[valueLine]}`;
    const report = await parseText(lines.join('\n'));
    expect(rowValues(report, 't4', 'cases')).toEqual(expectedRow(g.values, 't4', 'cases'));
  });

  it('steps over a running page header that interrupts the cells of a row', async () => {
    const g = base(t2019, 'cell-per-line', 8);
    const lines = g.text.split('\n');
    const at = lines.findIndex((l) => l.includes('2.其他法律行政法规禁止公开'));
    lines.splice(at + 3, 0, '', '示例市示例局2021年政府信息公开工作年度报告', '- 4 -', '');
    const report = await parseText(lines.join('\n'));
    const id = 'results.refused.prohibitedByLaw';
    expect(rowValues(report, 't3', id)).toEqual(expectedRow(g.values, 't3', id));
    expect(rowValues(report, 't3', 'results.refused.threeSecurities')).toEqual(expectedRow(g.values, 't3', 'results.refused.threeSecurities'));
  });

  it('reads a money unit from the column header, or from a field of its own', async () => {
    let text = replaceLine(base().text, '采购总金额', '信息内容\t采购项目数量\t采购总金额（元）');
    text = replaceLine(text, '政府集中采购\t', '政府集中采购\t16\t75394432.52');
    let amount = table(await parseText(text), 't2-9').rows[0].cells[1];
    expect(amount).toMatchObject({ state: 'number', unit: '元', raw: '75394432.52' });
    expect(amount.value).toBeCloseTo(7539.443252, 9);
    text = replaceLine(base().text, '政府集中采购\t', '政府集中采购\t16\t3414.41\t万元');
    const report = await parseText(text);
    amount = table(report, 't2-9').rows[0].cells[1];
    expect(amount).toMatchObject({ state: 'number', value: 3414.41, unit: '万元' });
    expect(table(report, 't2-9').notes).toEqual([]);
  });

  it('never turns a missing number into 0', async () => {
    const report = await parseText(replaceLine(base().text, '规章\t', '规章\t\t\t'));
    expect(rowValues(report, 't2-1', 'regulations')).toEqual(['', '', '']);
    for (const c of table(report, 't2-1').rows[0].cells) expect(c.value).toBeNull();
  });
});
