import { describe, expect, it } from 'vitest';
import {
  catalogue,
  DIAGNOSTIC_CODES,
  diagnosticCodes,
  interpolate,
  message,
  placeholdersOf,
} from '../../src/messages/index.js';

describe('message catalogue', () => {
  it('has a zh-CN and an en message for every diagnostic code', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const entry = (catalogue as Record<string, { 'zh-CN': string; en: string }>)[code];
      expect(entry, code).toBeDefined();
      expect(entry['zh-CN'].trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages, for codes and fragments', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(placeholdersOf(entry.en), key).toEqual(placeholdersOf(entry['zh-CN']));
    }
  });

  it('writes Chinese in the Chinese messages of every code', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(catalogue[code]['zh-CN'], code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names codes by category', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(code.split('/')[0], code).toBe(diagnosticCodes[code].category);
    }
  });

  it('interpolates placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} + {b} = {c}', { a: 1, b: '2' })).toBe('1 + 2 = {c}');
    expect(message('structure/table-missing', { table: '表三' })).toBe('缺少表格“表三”。');
    expect(message('structure/table-missing', { table: 'T3' }, 'en')).toBe('Table "T3" is missing.');
  });
});

describe('docs/diagnostics.md', () => {
  it('has a line for every diagnostic code and every rule kind', async () => {
    const { readFile } = await import('node:fs/promises');
    const docs = await readFile(new URL('../../../../docs/diagnostics.md', import.meta.url), 'utf8');
    for (const code of DIAGNOSTIC_CODES) expect(docs, code).toContain(`| \`${code}\` |`);
    for (const kind of ['arithmetic', 'prose', 'mention', 'forbidden']) expect(docs, kind).toContain(`| \`${kind}\` |`);
  });
});
