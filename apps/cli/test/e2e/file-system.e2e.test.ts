import { chmodSync, chownSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, seedPath } from '../helpers/run-cli.js';

/**
 * The file system's odd corners, each named in the user's words (issue 12): `--fix` through a symbolic
 * link fixes the file it points to and keeps the link; a link loop and an unreadable directory say so
 * instead of "no such file" or "no files match".
 */
let temp: string;
beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-fs-'));
});

describe('--fix through a symbolic link', () => {
  it('fixes the target and keeps the link', () => {
    const target = path.join(temp, 'target.txt');
    copyFileSync(seedPath(3), target);
    const link = path.join(temp, 'link.txt');
    symlinkSync(target, link);
    const before = readFileSync(target, 'utf8');
    const run = runCli(['validate', link, '--fix', '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).not.toBe(before);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner of a file fixed by another user', () => {
    const file = path.join(temp, 'owned.txt');
    copyFileSync(seedPath(3), file);
    chownSync(file, 4321, 4321);
    const run = runCli(['validate', file, '--fix']);
    expect(run.status, run.stderr).toBe(1);
    expect(statSync(file)).toMatchObject({ uid: 4321, gid: 4321 });
  });
});

describe('file-system failures in the user’s words', () => {
  it('names a symbolic link loop', () => {
    const loop = path.join(temp, 'loop.txt');
    symlinkSync(loop, loop);
    for (const [locale, words] of [['zh-CN', '符号链接形成循环'], ['en', 'too many levels of symbolic links']] as const) {
      const run = runCli(['validate', loop, '--locale', locale]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(words);
    }
  });

  it.skipIf(process.getuid?.() === 0)('names a directory it may not read', () => {
    const locked = path.join(temp, 'locked');
    mkdirSync(locked);
    copyFileSync(seedPath(0), path.join(locked, 'a.txt'));
    chmodSync(locked, 0o000);
    try {
      const run = runCli(['validate', locked, '--locale', 'en']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('permission denied');
      expect(run.stderr).not.toContain('no files match');
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
