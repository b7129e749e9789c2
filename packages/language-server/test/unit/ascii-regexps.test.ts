import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The bundles are written ASCII-only (scripts/ascii-regexps.mjs at the repository root): V8 then holds each script's source one
// byte per character instead of two. The escaping must not change what a pattern matches, must refuse what
// it cannot escape safely, and must keep the source maps pointing at the same code.
// @ts-expect-error -- plain JS build script without type declarations
const { escapeRegExpLiterals } = (await import('../../../../scripts/ascii-regexps.mjs')) as {
  escapeRegExpLiterals(code: string, mappings?: string): { code: string; mappings: string | undefined; escaped: number };
};

const vlqDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The generated columns of each line of source-map mappings. */
function generatedColumns(mappings: string): number[][] {
  return mappings.split(';').map((line) => {
    let column = 0;
    return line === ''
      ? []
      : line.split(',').map((segment) => {
          let value = 0;
          let shift = 0;
          for (const char of segment) {
            const digit = vlqDigits.indexOf(char);
            value += (digit & 31) << shift;
            if (digit & 32) shift += 5;
            else break;
          }
          column += value & 1 ? -(value >>> 1) : value >>> 1;
          return column;
        });
  });
}

describe('ASCII-only bundles', () => {
  it('escapes the non-ASCII characters of regular-expression literals without changing what they match', () => {
    // As esbuild writes it: strings escaped, patterns not.
    const code = [
      'const a = /[年月]日(?<n>[0-9０-９]+)/u, b = /总计|合计/g, c = "\\u603B\\u8BA1", d = /𠀀+/u, e = /x/;',
      'module.exports = { a, b, c, d, e };',
    ].join('\n');
    const { code: ascii, escaped } = escapeRegExpLiterals(code);
    expect(escaped).toBe(3);
    expect(/[\u0080-\uFFFF]/.test(ascii)).toBe(false);
    const load = (source: string) => {
      const module = { exports: {} as Record<string, RegExp | string> };
      new Function('module', source)(module);
      return module.exports;
    };
    const before = load(code);
    const after = load(ascii);
    for (const text of ['2024年日１２', '月日7', '本年合计与总计', '𠀀𠀀', 'x']) {
      for (const key of ['a', 'b', 'd', 'e']) {
        const [x, y] = [before[key] as RegExp, after[key] as RegExp];
        expect(y.flags).toBe(x.flags);
        expect(text.match(new RegExp(y.source, y.flags.replace('g', '')))?.[0]).toBe(text.match(new RegExp(x.source, x.flags.replace('g', '')))?.[0]);
      }
    }
    expect(after.c).toBe('总计');
  });

  it('refuses a non-ASCII character it cannot escape safely (a raw template)', () => {
    expect(() => escapeRegExpLiterals('const gap = String.raw`[^。，]`;')).toThrow(/non-ASCII/u);
  });

  it('moves the source map columns after an escaped pattern by what the line grew', () => {
    // Segments at columns 0, 10 (the pattern) and 16 (after it, on the same line), then line 2 column 0.
    const code = 'const a = /年/u; b();\nc();';
    const mappings = 'AAAA,UAAU,MAAM;AACA';
    const result = escapeRegExpLiterals(code, mappings);
    expect(generatedColumns(result.mappings ?? '')).toEqual([[0, 10, 21], [0]]);
    const line = result.code.split('\n')[0];
    expect(line.slice(10, 12)).toBe('/\\');
    expect(line.slice(21, 24)).toBe('b()');
  });

  it('the built server, check worker and browser server are ASCII-only', () => {
    const out = path.resolve(import.meta.dirname, '..', '..', 'out');
    for (const file of ['server.cjs', 'check-worker.cjs', 'browser-server.js']) {
      const bundle = path.join(out, file);
      expect(existsSync(bundle), `${file} is built`).toBe(true);
      expect(/[\u0080-\uFFFF]/.test(readFileSync(bundle, 'utf8')), `${file} has a non-ASCII character`).toBe(false);
    }
  });
});
