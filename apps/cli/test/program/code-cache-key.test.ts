import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheKey } from '../../src/program/code-cache-bundle.js';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-code-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the key of the code cache', () => {
  it('is the command, or command-project when the run has templates of a project', () => {
    const plain = path.join(root, 'plain');
    const project = path.join(root, 'project');
    mkdirSync(path.join(plain, 'reports'), { recursive: true });
    mkdirSync(path.join(project, 'reports', '2025'), { recursive: true });
    writeFileSync(path.join(project, 'nianbao.config.json'), '{}');
    expect(codeCacheKey('validate', ['validate', 'reports/a.txt', '--format', 'json'], plain)).toBe('validate');
    expect(codeCacheKey('validate', ['validate', path.join(project, 'reports', '2025', 'a.txt')], plain)).toBe('validate-project');
    expect(codeCacheKey('extract', ['extract', 'a.txt'], path.join(project, 'reports'))).toBe('extract-project');
    expect(codeCacheKey('validate', ['validate', 'a.txt', '--template', 'mine.nbt'], plain)).toBe('validate-project');
    expect(codeCacheKey('validate', ['validate', 'a.txt', '--templates', 'dir'], plain)).toBe('validate-project');
    // Without the project's configuration: the built-in templates only.
    expect(codeCacheKey('validate', ['validate', path.join(project, 'reports', '2025', 'a.txt'), '--no-config'], plain)).toBe('validate');
    expect(codeCacheKey('validate', ['validate', 'a.txt', '--no-config', '--template', 'mine.nbt'], plain)).toBe('validate-project');
  });

  it('is kept apart for runs that compile their project templates every time (--no-cache)', () => {
    const project = path.join(root, 'project-no-cache');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'nianbao.config.json'), '{}');
    expect(codeCacheKey('validate', ['validate', 'a.txt', '--no-cache'], project)).toBe('validate-project-no-cache');
    expect(codeCacheKey('audit', ['audit', 'a.txt', '--template', 'mine.nbt', '--no-cache'], root)).toBe('audit-project-no-cache');
    // With the built-in templates only, --no-cache changes nothing that runs.
    expect(codeCacheKey('validate', ['validate', 'a.txt', '--no-cache'], path.join(root, 'plain'))).toBe('validate');
  });
});
