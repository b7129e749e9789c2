import { describe, expect, it } from 'vitest';
import {
  catalogue,
  codeDescription,
  describeCode,
  DIAGNOSTIC_CODES,
  diagnosticCodes,
  interpolate,
  isDiagnosticCode,
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

  it('has a short description of every diagnostic code in both languages, without placeholders', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const entry = (catalogue as Record<string, { 'zh-CN': string; en: string } | undefined>)[`code-description/${code}`];
      expect(entry, code).toBeDefined();
      expect(entry!['zh-CN'], code).toMatch(/\p{Script=Han}/u);
      expect(entry!.en, code).toMatch(/^[A-Z][^\p{Script=Han}]+$/u);
      for (const text of [entry!['zh-CN'], entry!.en]) {
        expect(placeholdersOf(text), code).toEqual([]);
        expect(text.length, code).toBeLessThanOrEqual(60);
      }
      expect(describeCode(code), code).toBe(entry!['zh-CN']);
      expect(describeCode(code, 'en'), code).toBe(entry!.en);
      expect(codeDescription(code), code).toEqual(entry);
    }
    expect(describeCode('arithmetic/equation', 'en')).toBe('A table equation does not hold');
  });

  it('describes no code that does not exist', () => {
    const described = Object.keys(catalogue)
      .filter((key) => key.startsWith('code-description/'))
      .map((key) => key.slice('code-description/'.length));
    expect(described.filter((code) => !isDiagnosticCode(code))).toEqual([]);
    expect(described).toHaveLength(DIAGNOSTIC_CODES.length);
  });

  it('tells diagnostic codes from other strings', () => {
    expect(isDiagnosticCode('cell/blank')).toBe(true);
    expect(isDiagnosticCode('cell/nonsense')).toBe(false);
    expect(isDiagnosticCode('toString')).toBe(false);
    expect(isDiagnosticCode('code-description/cell/blank')).toBe(false);
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
