import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, seedNames, seedsDir } from '../helpers/run-cli.js';

/**
 * The time limit of each report holds even when a stage of the check never returns: no input of ours
 * does that any more, so a preloaded module makes one — `TextDecoder.prototype.decode` blocks for ever
 * once it has decoded a text holding a marker (the reader decodes every report's bytes with it, whatever
 * the later stages search the text with; it waits rather than loops, so as not to burn the CPU of a shared
 * machine: the interruption is the same). The stuck file is reported
 * as its own failure, in the user's language; every other file is checked; the run exits 2. On worker
 * threads (`--jobs 2`) the main thread terminates the stuck worker; on the main thread (`--jobs 1`, one
 * file) V8 interrupts the stage.
 */

const marker = '此处检查永不结束';
const hang = `data:text/javascript,${encodeURIComponent(
  'const decode = TextDecoder.prototype.decode;' +
    `TextDecoder.prototype.decode = function (...args) { const text = decode.apply(this, args); if (text.length > 1000 && text.includes(${JSON.stringify(marker)})) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return text; };`,
)}`;

let dir: string;
let files: string[];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-time-limit-'));
  const seed = (i: number): string => readFileSync(path.join(seedsDir, seedNames[i]), 'utf8');
  files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => path.join(dir, name));
  writeFileSync(files[0], seed(0));
  writeFileSync(files[1], seed(3).replace('一、总体情况', `一、总体情况\n${marker}\n`));
  writeFileSync(files[2], seed(3));
  writeFileSync(files[3], seed(4));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(args: string[], locale: 'zh-CN' | 'en') {
  const started = Date.now();
  const run = runCli(['validate', ...args, '--format', 'json', '--time-limit', '3'], {
    nodeOptions: [`--import=${hang}`],
    env: { NIANBAO_LOCALE: locale },
    // Without the limit the run would never end: killed here, it fails the test instead.
    timeoutMs: 60_000,
  });
  return { ...run, wallMs: Date.now() - started };
}

describe('a stage that never returns', () => {
  for (const jobs of ['2', '1']) {
    it(`fails that file at the limit and checks every other (--jobs ${jobs})`, () => {
      const run = validate([...files, '--jobs', jobs], 'en');
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        `${files[1]}: the check had not finished after 4 s and was stopped; this file was not checked (look for unusual content, or report this file)`,
      ]);
      const outcome = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics?: Array<{ code: string }> }> };
      const checked = outcome.files.filter((f) => f.diagnostics !== undefined).map((f) => f.path);
      expect(checked).toEqual([files[0], files[2], files[3]]);
      // Seed 003 is checked in full: its arithmetic errors are found.
      expect(outcome.files.find((f) => f.path === files[2])!.diagnostics!.some((d) => d.code === 'arithmetic/equation')).toBe(true);
      // Held for about the limit, not for ever (generous for a loaded machine).
      expect(run.wallMs).toBeLessThan(25_000);
    });
  }

  it('holds in an audit too: the stuck report is named, the others are audited', () => {
    const run = runCli(['audit', ...files, '--format', 'json', '--time-limit', '3', '--jobs', '2'], {
      nodeOptions: [`--import=${hang}`],
      env: { NIANBAO_LOCALE: 'en' },
      timeoutMs: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${files[1]}: the check had not finished after 4 s and was stopped`);
    const outcome = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics?: unknown[] }> };
    expect(outcome.files.filter((f) => f.diagnostics !== undefined).map((f) => f.path)).toEqual([files[0], files[2], files[3]]);
  });

  it('fails a single file at the limit in Chinese, checked on the main thread', () => {
    const run = validate([files[1]], 'zh-CN');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`${files[1]}：检查超过 4 秒仍未结束，已中止，此文件未作检查；请检查文件是否有异常内容，或反馈此文件`);
  });
});
