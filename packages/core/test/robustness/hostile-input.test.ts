import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import { ReadError, renderHtml } from '../../src/read/index.js';
import { examplePath } from '../parse/seed-helpers.js';


/** CPU time of this thread in milliseconds (a loaded machine does not make it grow). */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Regression tests for the failure classes of the fuzzing campaign (issue 12): inputs that crashed the
 * reader with a stack overflow, made it allocate rows × widest row, or took time growing with the square
 * of a line's length. Each finishes quickly with a clear result. The bounds are generous (the fixed code
 * takes a fraction of them; before the fix each took from 5 s to minutes, or crashed).
 */

const seed = readFileSync(examplePath('seeds/000_ef504471c9854329.txt'), 'utf8');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = cpuMs();
  const value = await run();
  return { value, ms: cpuMs() - started };
}

describe('HTML nesting', () => {
  it('renders 3,000 nested divisions and 1,000 nested tables without overflowing the stack', () => {
    const divs = `<html><body>${'<div>'.repeat(3000)}一、总体情况${'</div>'.repeat(3000)}</body></html>`;
    expect(renderHtml(divs).text).toContain('一、总体情况');
    const tables = `<html><body>${'<table><tr><td>'.repeat(1000)}数值${'</td></tr></table>'.repeat(1000)}</body></html>`;
    expect(renderHtml(tables).text).toContain('数值');
  });

  it('refuses 100,000 nested divisions at once with a clear message', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${seed.slice(0, 1000)}${'</div>'.repeat(100_000)}</body></html>`;
    const { value, ms } = await timed(() => checkReport({ bytes: encode(html), fileName: 'deep.html' }).catch((e: unknown) => e));
    expect(value).toBeInstanceOf(ReadError);
    expect((value as ReadError).code).toBe('too-deep');
    expect((value as ReadError).localizedMessage('zh-CN')).toContain('嵌套超过');
    expect((value as ReadError).localizedMessage('en')).toContain('nests its tags more than');
    expect(ms).toBeLessThan(2000);
  });
});

describe('HTML table spans', () => {
  it('keeps the rendition bounded when a few bytes of spans describe a huge grid', () => {
    const html =
      '<table><tr>' +
      '<td colspan=1000 rowspan=65534>x</td>'.repeat(100) +
      '</tr>' +
      '<tr><td>1</td></tr>'.repeat(5000) +
      '</table>';
    const view = renderHtml(html);
    // Unpadded: one line per row, the cells themselves, not 100,000 columns × 5,001 rows.
    expect(view.text.length).toBeLessThan(50 * html.length);
    expect(view.text.split('\n').filter((line) => line === '1')).toHaveLength(5000);
  });

  it('renders a row of 100,000 cells (once a stack overflow: the cells were spread into one call)', () => {
    const view = renderHtml(`<table><tr>${'<td>1</td>'.repeat(100_000)}</tr></table>`);
    expect(view.text.split('\t')).toHaveLength(100_000);
  });

  it('still pads ordinary tables with spans to the full grid', () => {
    const view = renderHtml('<table><tr><td colspan=3>a</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>');
    expect(view.text).toBe('a\t\t\n1\t2\t3\n');
  });
});

describe('long lines and whitespace runs', () => {
  it('places a missing section after 64,000 trailing spaces in linear time', async () => {
    const text = `${seed.slice(0, 2000)}${' '.repeat(64_000)}x\n`;
    const { value, ms } = await timed(() => checkReport({ bytes: encode(text), fileName: 'spaces.txt' }));
    expect(value.diagnostics.some((d) => d.code === 'structure/section-missing')).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it('reads a heading candidate line of 65,000 decoration characters in linear time', async () => {
    const line = `一、总体情况${' *'.repeat(32_500)}x`;
    const text = `${seed.slice(0, 3000)}\n${line}\n${seed.slice(3000)}`;
    const { ms } = await timed(() => checkReport({ bytes: encode(text), fileName: 'decorated.txt' }));
    expect(ms).toBeLessThan(5000);
  });

  it('checks one line of 1.4 million characters with 56,000 garbled spots in linear time', async () => {
    // A paragraph of seed 001 (Traditional script, with injected Pinyin readings and mojibake) repeated
    // 8,000 times into one line, as a crawled page runs a report together. Each garbled spot was shown
    // with its whole line (about 10 s); now with its neighbours, and 500 of a kind are listed.
    const lines = readFileSync(examplePath('seeds/001_58b691fd784472d5.txt'), 'utf8').split('\n');
    const garbled = lines.findIndex((line) => line.includes('(guī)') && line.includes('?'));
    const text = [...lines.slice(0, garbled), Array(8000).fill(lines[garbled]).join(' '), ...lines.slice(garbled + 1)].join('\n');
    const { value, ms } = await timed(() => checkReport({ bytes: encode(text), fileName: 'one-line.txt' }));
    expect(value.diagnostics.filter((d) => d.code === 'quality/mojibake')).toHaveLength(500);
    expect(value.diagnostics.filter((d) => d.code === 'quality/spots-omitted').map((d) => d.message)).toEqual([
      expect.stringMatching(/^另有 \d{5} 处“夹杂拼音注音”未逐一列出/u),
      expect.stringMatching(/^另有 \d{4,5} 处“乱码”未逐一列出/u),
    ]);
    expect(ms).toBeLessThan(5000);
  });

  it('lists the first 500 of 32,000 prose mismatches of a text repeating its statements, of both rules', async () => {
    // Seed 003's paragraph restating the applications received (two prose rules disagree with its table)
    // repeated 16,000 times: every mismatch was a finding with its related cells (13,500 related locations
    // for 1,500 repeats). Now the first 500 in the text are listed, whichever rule found them.
    const lines = readFileSync(examplePath('seeds/003_136fd1d98cf7f7a0.txt'), 'utf8').split('\n');
    const restating = lines.findIndex((line) => line.includes('收到依申请公开2件'));
    const text = [...lines.slice(0, restating + 1), ...Array(16_000).fill(lines[restating]), ...lines.slice(restating + 1)].join('\n');
    const { value, ms } = await timed(() => checkReport({ bytes: encode(text), fileName: 'restated.txt' }));
    const mismatches = value.diagnostics.filter((d) => d.code === 'text/prose-mismatch');
    expect(mismatches).toHaveLength(500);
    expect(new Set(mismatches.map((d) => d.rule)).size).toBe(2);
    const omitted = value.diagnostics.filter((d) => d.code === 'text/findings-omitted');
    expect(omitted).toHaveLength(1);
    expect(omitted[0].range.start).toBeGreaterThan(Math.max(...mismatches.map((d) => d.range.start)));
    // The fix of the table's totals is still offered: after it, the 16,001 mismatches of the other rule are
    // listed in place of those that went (more of that rule listed than before, none new).
    const equations = value.diagnostics.filter((d) => d.code === 'arithmetic/equation');
    expect(equations.length).toBeGreaterThan(0);
    expect(equations.every((d) => d.suggestions.length === 1)).toBe(true);
    expect(ms).toBeLessThan(8000);
  });

  it('verifies the fixes of 12,000 Pinyin readings that do not fix together in linear time', async () => {
    // Deleting each reading of "锟(guī)斤拷" leaves mojibake, so the deletions are not offered together and
    // fall back to one by one; "規(guī)(guī)" leaves a reading where one was. Each suggestion once made a
    // fixed text and compared it with the texts re-checked, and mapped each finding through every edit:
    // 12,000 of either took about 10 s.
    for (const unit of ['锟(guī)斤拷，', '規(guī)(guī)，']) {
      const at = seed.indexOf('\n', seed.length >> 1);
      const text = `${seed.slice(0, at)}\n${unit.repeat(12_000)}${seed.slice(at)}`;
      const { value, ms } = await timed(() => checkReport({ bytes: encode(text), fileName: 'readings.txt' }));
      expect(value.diagnostics.filter((d) => d.code === 'quality/pinyin')).toHaveLength(500);
      expect(value.diagnostics.some((d) => d.code === 'quality/spots-omitted')).toBe(true);
      expect(ms).toBeLessThan(5000);
    }
  });
});
