import { describe, expect, it } from 'vitest';
import { frameLine } from '../../src/format/code-frame.js';
import { displayWidth } from '../../src/terminal/display-width.js';

describe('frameLine', () => {
  it('puts the caret under the range, counting CJK characters as two columns', () => {
    const framed = frameLine('行政许可\t472\t−55', 5, 8);
    // "行政许可" is 8 columns wide; the TAB there advances a whole stop, to 12.
    expect(framed.text).toBe('行政许可    472 −55');
    expect(framed.caretColumn).toBe(12);
    expect(framed.caretWidth).toBe(3);
  });

  it('cuts a long paragraph around the range and keeps the caret under it', () => {
    const line = '本机关'.repeat(100) + '错误在此' + '后文'.repeat(100);
    const start = 300;
    const framed = frameLine(line, start, start + 4, 60);
    expect(displayWidth(framed.text)).toBeLessThanOrEqual(60);
    expect(framed.text.startsWith('…')).toBe(true);
    expect(framed.text.endsWith('…')).toBe(true);
    // The caret column is the width of what precedes "错误在此" in the visible text.
    const visibleStart = framed.text.indexOf('错误在此');
    expect(visibleStart).toBeGreaterThan(0);
    expect(framed.caretColumn).toBe(displayWidth(framed.text.slice(0, visibleStart)));
    expect(framed.caretWidth).toBe(8);
  });

  it('handles an empty range at the end of the line', () => {
    const framed = frameLine('abc', 3, 3);
    expect(framed).toEqual({ text: 'abc', caretColumn: 3, caretWidth: 1 });
  });
});
