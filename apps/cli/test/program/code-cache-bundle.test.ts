import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBundleWithCodeCache } from '../../src/program/code-cache-bundle.js';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-code-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a bundle run with the code cache', () => {
  it('is read as one byte per character when ASCII (the build writes it so), and as UTF-8 otherwise', () => {
    const ascii = path.join(root, 'ascii.cjs');
    writeFileSync(ascii, 'module.exports.title = "\\u5E74\\u62A5"; module.exports.pattern = /\\u5E74+/.source;');
    expect(runBundleWithCodeCache(ascii, undefined).exports).toEqual({ title: '年报', pattern: '\\u5E74+' });
    const utf8 = path.join(root, 'utf8.cjs');
    writeFileSync(utf8, 'module.exports.title = "年报"; module.exports.pattern = /年+/.source;');
    expect(runBundleWithCodeCache(utf8, undefined).exports).toEqual({ title: '年报', pattern: '年+' });
  });
});
