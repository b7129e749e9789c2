import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltinTemplates } from '../../src/commands/template-list.js';
import { templatesCommand } from '../../src/commands/templates-command.js';
import { memoryIo } from '../helpers/memory-io.js';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-template-list-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nianbao templates with the built-in templates only', () => {
  it('lists from the summaries exactly what the registry of the built-in templates gives', async () => {
    for (const format of ['pretty', 'json'] as const) {
      for (const locale of ['zh-CN', 'en']) {
        const light = memoryIo(root);
        expect(await listBuiltinTemplates({ format, locale }, light)).toBe(0);
        const full = memoryIo(root);
        expect(await templatesCommand({ format, locale, config: false, cache: false }, full)).toBe(0);
        expect(light.out()).toBe(full.out());
        expect(light.out()).toContain('gov-disclosure-pre2019');
      }
    }
  });

  it('leaves templates a project adds to the registry (a configuration found, or --templates)', async () => {
    const project = path.join(root, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'nianbao.config.json'), JSON.stringify({ templates: [] }));
    const io = memoryIo(project);
    expect(await listBuiltinTemplates({ format: 'json' }, io)).toBeUndefined();
    expect(await listBuiltinTemplates({ format: 'json', config: false }, io)).toBe(0);
    expect(await listBuiltinTemplates({ format: 'json', config: false, templates: ['mine.nbt'] }, io)).toBeUndefined();
    expect(io.out()).not.toBe('');
  });

  it('refuses an unknown locale', async () => {
    await expect(listBuiltinTemplates({ format: 'json', locale: 'fr' }, memoryIo(root))).rejects.toThrow('--locale');
  });
});
