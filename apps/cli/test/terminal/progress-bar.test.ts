import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/terminal/progress-bar.js';
import { createStyle } from '../../src/terminal/style.js';
import { supportsColour } from '../../src/terminal/colour-support.js';
import { displayWidth } from '../../src/terminal/display-width.js';

describe('ProgressBar', () => {
  it('redraws at most every interval, always at the end, and clears itself', () => {
    let out = '';
    let now = 0;
    const bar = new ProgressBar({ write: (s) => (out += s), columns: 60 }, 4, 100, () => now);
    bar.tick(); // t=0: first draw (0 - lastDraw 0 ≥ 100? no) → nothing
    now = 150;
    bar.tick();
    now = 160;
    bar.tick();
    now = 170;
    bar.tick(); // finished: drawn
    const draws = out.split('\r').filter(Boolean);
    expect(draws).toHaveLength(2);
    expect(draws[0]).toMatch(/^\[#+-+\] {2}50% 2\/4$/);
    expect(draws[1]).toMatch(/^\[#+\] 100% 4\/4$/);
    bar.clear();
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
  });
});

describe('terminal helpers', () => {
  it('colours only terminals, honours NO_COLOR and FORCE_COLOR and an explicit choice', () => {
    expect(supportsColour({ isTTY: true }, {})).toBe(true);
    expect(supportsColour({ isTTY: false }, {})).toBe(false);
    expect(supportsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(supportsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(supportsColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(supportsColour({ isTTY: false }, {}, true)).toBe(true);
    expect(createStyle(false)('red', 'x')).toBe('x');
    expect(createStyle(true)('red', 'x')).toBe('\x1b[31mx\x1b[39m');
  });

  it('measures CJK as two columns and expands TABs to stops', () => {
    expect(displayWidth('总计')).toBe(4);
    expect(displayWidth('a\tb')).toBe(5);
    expect(displayWidth('（七）')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
