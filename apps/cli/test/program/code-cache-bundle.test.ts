import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleWrapper, runBundleWithCodeCache } from '../../src/program/code-cache-bundle.js';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-code-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a bundle run with the code cache', () => {
  it('is run from the text as written inside its module wrapper (as the build writes it), and wrapped when it is not', () => {
    const wrapped = path.join(root, 'wrapped.cjs');
    writeFileSync(wrapped, `${moduleWrapper[0]}module.exports.file = __filename; exports.line = new Error().stack.split('\\n')[1];${moduleWrapper[1]}`);
    const run = runBundleWithCodeCache(wrapped, undefined).exports;
    expect(run.file).toBe(wrapped);
    // The wrapper shares the first line with the code: stack traces name the file's own lines.
    expect(run.line).toContain(`${wrapped}:1:`);
    const bare = path.join(root, 'bare.cjs');
    writeFileSync(bare, `module.exports.file = __filename;\nexports.line = new Error().stack.split('\\n')[1];`);
    const bareRun = runBundleWithCodeCache(bare, undefined).exports;
    expect(bareRun.file).toBe(bare);
    expect(bareRun.line).toContain(`${bare}:2:`);
  });

  it('is read as UTF-8 (the build writes it ASCII-only, with escapes)', () => {
    const ascii = path.join(root, 'ascii.cjs');
    writeFileSync(ascii, 'module.exports.title = "\\u5E74\\u62A5"; module.exports.pattern = /\\u5E74+/.source;');
    expect(runBundleWithCodeCache(ascii, undefined).exports).toEqual({ title: '年报', pattern: '\\u5E74+' });
    const utf8 = path.join(root, 'utf8.cjs');
    writeFileSync(utf8, 'module.exports.title = "年报"; module.exports.pattern = /年+/.source;');
    expect(runBundleWithCodeCache(utf8, undefined).exports).toEqual({ title: '年报', pattern: '年+' });
  });

  it('is written only by a run whose checks ran where its key expects them (on this thread, or on workers)', () => {
    const bundle = path.join(root, 'checks.cjs');
    writeFileSync(bundle, 'module.exports.answer = 42;');
    const cases = [
      { checksOnWorkers: undefined, ran: 'this-thread', written: true },
      { checksOnWorkers: undefined, ran: 'workers', written: false },
      { checksOnWorkers: true, ran: 'workers', written: true },
      { checksOnWorkers: true, ran: 'this-thread', written: false },
    ] as const;
    for (const [i, { checksOnWorkers, ran, written }] of cases.entries()) {
      const directory = path.join(root, `cache-${i}`);
      const { exports, control } = runBundleWithCodeCache(bundle, { directory, bundleHash: 'h', key: 'validate', write: 'exit', checksOnWorkers });
      expect(exports.answer).toBe(42);
      control.checksRunOn(ran);
      // What the exit would do, now (and once only: the exit then writes nothing more).
      control.save();
      expect(existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.bin')).length : 0).toBe(written ? 1 : 0);
    }
  });

  it('is not written by a run unlike the later runs of its key (one that compiled a project template); the next run writes it', () => {
    const bundle = path.join(root, 'unlike.cjs');
    writeFileSync(bundle, 'module.exports.answer = 42;');
    const directory = path.join(root, 'cache-unlike');
    const options = { directory, bundleHash: 'h', key: 'validate-project', write: 'exit' } as const;
    const first = runBundleWithCodeCache(bundle, options).control;
    first.unlikeLaterRuns();
    first.save();
    expect(existsSync(directory)).toBe(false);
    const second = runBundleWithCodeCache(bundle, options).control;
    second.save();
    expect(readdirSync(directory).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
  });
});
