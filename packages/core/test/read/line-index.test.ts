import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/read/index.js';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rg\n';
  const index = new LineIndex(text);

  it('counts LF, CRLF and CR line breaks', () => {
    expect(index.lineCount).toBe(5);
  });

  it('converts offsets to positions and back', () => {
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(index.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(7)).toEqual({ line: 2, character: 0 });
    expect(index.positionAt(10)).toEqual({ line: 3, character: 0 });
    expect(index.positionAt(12)).toEqual({ line: 4, character: 0 });
    expect(index.offsetAt({ line: 1, character: 1 })).toBe(4);
    expect(index.offsetAt({ line: 1, character: 99 })).toBe(5);
    expect(index.offsetAt({ line: 99, character: 0 })).toBe(text.length);
    expect(index.humanPositionAt(8)).toEqual({ line: 3, column: 2 });
  });

  it('counts characters in UTF-16 code units', () => {
    const li = new LineIndex('x\n𠀀中');
    expect(li.positionAt(5)).toEqual({ line: 1, character: 3 });
  });

  it('clamps out-of-range offsets', () => {
    expect(index.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(1e9)).toEqual(index.positionAt(text.length));
  });

  it('property: lines start where a look at each character finds a LF, CRLF or lone CR break', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '\n', '\r', ' '), maxLength: 80 }), (s) => {
        const starts = [0];
        for (let i = 0; i < s.length; i++) {
          if (s[i] === '\n') starts.push(i + 1);
          else if (s[i] === '\r') {
            if (s[i + 1] === '\n') i++;
            starts.push(i + 1);
          }
        }
        const li = new LineIndex(s);
        expect(li.lineCount).toBe(starts.length);
        expect(starts.map((_, line) => li.lineStart(line))).toEqual(starts);
      }),
    );
  });

  it('property: offsetAt(positionAt(o)) = o for every offset that is not inside a CRLF', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '\n', '\r', ' ') , maxLength: 60 }), (s) => {
        const li = new LineIndex(s);
        for (let o = 0; o <= s.length; o++) {
          if (s[o - 1] === '\r' && s[o] === '\n') continue;
          expect(li.offsetAt(li.positionAt(o))).toBe(o);
        }
      }),
    );
  });
});
