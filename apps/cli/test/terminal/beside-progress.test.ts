import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/terminal/progress-bar.js';
import { writerBesideProgress } from '../../src/terminal/beside-progress.js';

/** A bar on a fake standard error, drawn once (its first tick), and what it wrote there. */
function drawnBar() {
  const screen: string[] = [];
  const bar = new ProgressBar({ write: (text: string) => screen.push(text) }, 10, 0, () => 0);
  bar.tick();
  return { bar, screen };
}

describe('output beside a progress bar', () => {
  it('leaves the bar drawn when standard output is redirected (a file, a pipe)', () => {
    const { bar, screen } = drawnBar();
    const out: string[] = [];
    const write = writerBesideProgress({ write: (text: string) => out.push(text), isTTY: false }, () => bar);
    write('{"version":1,"files":[');
    write('{"path":"a.txt"}');
    expect(out).toEqual(['{"version":1,"files":[', '{"path":"a.txt"}']);
    expect(screen).toHaveLength(1);
    expect(screen[0]).toMatch(/^\r\[/);
  });

  it('erases the bar first when standard output is the terminal too', () => {
    const { bar, screen } = drawnBar();
    const out: string[] = [];
    const write = writerBesideProgress({ write: (text: string) => out.push(text), isTTY: true }, () => bar);
    write('a.txt\n');
    expect(screen.at(-1)).toBe('\r\x1b[2K');
    expect(out).toEqual(['a.txt\n']);
  });

  it('writes when no bar is drawn', () => {
    const out: string[] = [];
    writerBesideProgress({ write: (text: string) => out.push(text), isTTY: true }, () => undefined)('x');
    expect(out).toEqual(['x']);
  });

  it('holds the bar back while the terminal output has a line open, and draws it again once the line ends', () => {
    const { bar, screen } = drawnBar();
    const write = writerBesideProgress({ write: () => undefined, isTTY: true }, () => bar);
    write('{"version":1,"files":[{"path":"a.txt"}');
    const erased = screen.length;
    bar.tick();
    expect(screen).toHaveLength(erased);
    write(',{"path":"b.txt"}],"summary":{}}\n');
    bar.tick();
    expect(screen.at(-1)).toMatch(/^\r\[.*3\/10$/);
  });
});
