import { ReadError } from '@nianbao/core';
import { describe, expect, it } from 'vitest';
import { failureMessage, WriteFailure } from '../../src/checks/check-file.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('failureMessage', () => {
  it('words a reader refusal in the chosen locale', () => {
    const error = new ReadError('empty');
    expect(failureMessage(error, 'a.txt', 'zh-CN')).toBe('a.txt: 文件为空，没有可检查的文字。');
    expect(failureMessage(error, 'a.txt', 'en')).toBe('a.txt: The file is empty: there is no text to check.');
  });

  it('words the file-system errors a user can act on in both languages, others by their code', () => {
    expect(failureMessage(systemError('ENOENT'), 'a.txt', 'en')).toBe('no such file or directory: a.txt');
    expect(failureMessage(systemError('EISDIR'), 'd', 'zh-CN')).toBe('d：无法读取：这是一个目录（EISDIR）');
    expect(failureMessage(systemError('EISDIR'), 'd', 'en')).toBe('d: cannot read: is a directory (EISDIR)');
    expect(failureMessage(systemError('EACCES'), 'a.txt', 'zh-CN')).toBe('a.txt：无法读取：没有访问权限（EACCES）');
    expect(failureMessage(systemError('ENOSPC'), 'a.txt', 'en')).toBe('a.txt: cannot read: no space left on device (ENOSPC)');
    expect(failureMessage(systemError('ELOOP'), 'a.txt', 'zh-CN')).toBe('a.txt：无法读取：符号链接形成循环（ELOOP）');
    expect(failureMessage(systemError('EWHATEVER'), 'a.txt', 'en')).toBe('a.txt: cannot read: EWHATEVER');
    expect(failureMessage(systemError('constructor'), 'a.txt', 'en')).toBe('a.txt: cannot read: constructor');
  });

  it('reports a failed write of the fixes as such, not as a file it cannot read', () => {
    const full = new WriteFailure(systemError('ENOSPC'));
    expect(failureMessage(full, 'a.txt', 'zh-CN')).toBe('a.txt：检查完成，但修改无法写回文件：磁盘已满（ENOSPC）');
    expect(failureMessage(full, 'a.txt', 'en')).toBe('a.txt: checked, but the fixes could not be written back: no space left on device (ENOSPC)');
  });

  it('keeps only the first line of anything else', () => {
    expect(failureMessage(new Error('boom\n  at somewhere'), 'a.txt', 'zh-CN')).toBe('a.txt: 内部错误：boom');
  });
});
