import { describe, expect, it } from 'vitest';
import { findMojibake, findPinyinReadings, normalizeText } from '../../src/normalize/index.js';
import { readReport } from '../../src/read/index.js';
import { SEEDS, seedText } from '../read/fixtures.js';

/** Seed 001 (Traditional, Pinyin, mojibake: every normalisation step works) repeated to `chars` characters. */
function bigText(chars: number): string {
  const seed = seedText(SEEDS[1]);
  return seed.repeat(Math.ceil(chars / seed.length)).slice(0, chars);
}

/** CPU time of `run` on this thread, in ms: what it costs, whatever else a loaded machine runs. */
function elapsed(run: () => void): number {
  const cpu = (): number => {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const start = cpu();
  run();
  return cpu() - start;
}

describe('performance (linear time, generous bounds)', () => {
  it('normalises 4 M characters in well under ten times the time of 1 M', () => {
    const small = bigText(1_000_000);
    const large = bigText(4_000_000);
    normalizeText(small); // warm-up
    const t1 = Math.max(elapsed(() => normalizeText(small)), 5);
    const t4 = elapsed(() => normalizeText(large));
    expect(t4 / t1).toBeLessThan(12);
  });

  it('normalises and scans a 10 MB report within a few seconds', () => {
    const text = bigText(5_000_000); // ≈ 10 MB as UTF-16, ≈ 14 MB as UTF-8
    const ms = elapsed(() => {
      const view = normalizeText(text);
      expect(view.toOriginal(view.text.length)).toBe(text.length);
      findMojibake(text);
      findPinyinReadings(text);
    });
    expect(ms).toBeLessThan(10_000);
  });

  it('reads a 5 MB HTML table within a few seconds', async () => {
    const rows: string[] = [];
    for (let i = 0; rows.length * 100 < 5_000_000; i++) {
      rows.push(`<tr><td>第${i}行&nbsp;标签</td><td rowspan="2">${i}</td><td colspan="2">&amp;${i}</td><td>&nbsp;</td></tr>\n`);
    }
    const html = `<html><body><table>${rows.join('')}</table></body></html>`;
    const start = performance.now();
    const { view } = await readReport(new TextEncoder().encode(html), { fileName: 'big.html' });
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(view.text.split('\n', 3)[1]).toBe('第1行 标签\t\t1\t&1\t\t'); // column 1 is covered by row 0's rowspan
  });
});
