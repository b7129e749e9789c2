import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate.js';
import { collectInputs } from '../../src/input/collect-inputs.js';
import { CliError } from '../../src/program/cli-error.js';

const t = createTranslator('en');
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-inputs-'));
  mkdirSync(path.join(root, 'dir/sub'), { recursive: true });
  mkdirSync(path.join(root, 'dir/node_modules/pkg'), { recursive: true });
  mkdirSync(path.join(root, 'dir/.git'), { recursive: true });
  for (const file of ['dir/b.txt', 'dir/a.md', 'dir/sub/c.HTML', 'dir/skip.pdf', 'dir/sub/d.docx', 'x(1).txt', 'notes.csv', 'dir/node_modules/pkg/README.md', 'dir/.git/description.txt']) {
    writeFileSync(path.join(root, file), 'x');
  }
});

describe('collectInputs', () => {
  it('walks a directory recursively for report files, sorted, leaving out node_modules and hidden folders', async () => {
    const inputs = await collectInputs(['dir'], root, t);
    expect(inputs.map((i) => i.path)).toEqual(['dir/a.md', 'dir/b.txt', 'dir/sub/c.HTML', 'dir/sub/d.docx']);
    expect(inputs.every((i) => i.kind === 'file' && path.isAbsolute(i.file))).toBe(true);
  });

  it('expands globs to report files and keeps command-line order without duplicates', async () => {
    const inputs = await collectInputs(['dir/b.txt', 'dir/**/*', '-'], root, t);
    expect(inputs.map((i) => i.path)).toEqual(['dir/b.txt', 'dir/a.md', 'dir/sub/c.HTML', 'dir/sub/d.docx', '<stdin>']);
  });

  it('takes an existing file literally, even with glob characters or another extension', async () => {
    const inputs = await collectInputs(['x(1).txt', 'notes.csv'], root, t);
    expect(inputs.map((i) => i.path)).toEqual(['x(1).txt', 'notes.csv']);
  });

  it('fails on a missing file, an empty glob and a second stdin', async () => {
    await expect(collectInputs(['nope.txt'], root, t)).rejects.toThrow(new CliError('no such file or directory: nope.txt'));
    await expect(collectInputs(['*.docx'], root, t)).rejects.toThrow('no files match: *.docx');
    await expect(collectInputs(['-', '-'], root, t)).rejects.toBeInstanceOf(CliError);
    // An empty operand (an unset shell variable) is not the current directory.
    await expect(collectInputs([''], root, t)).rejects.toThrow(new CliError('no such file or directory: ""'));
  });
});
