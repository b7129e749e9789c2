import { describe, expect, it } from 'vitest';
import { catalogue, LOCALES } from '../../src/messages/index.js';
import { ReadError, type ReadErrorCode } from '../../src/read/index.js';

const codes: ReadErrorCode[] = ['binary', 'unsupported-format', 'too-large', 'empty', 'decode-failed', 'docx-invalid'];

describe('ReadError messages (from the core catalogue)', () => {
  it('words every refusal in both languages, Chinese by default, with every placeholder filled', () => {
    for (const code of codes) {
      expect(Object.keys(catalogue), code).toContain(`read/${code}`);
      const error = new ReadError(code, { format: 'PDF', size: 3 * 1024 * 1024, maxBytes: 1024 * 1024, cause: 'bad zip' });
      expect(error.message, code).toBe(error.localizedMessage('zh-CN'));
      expect(error.message, code).toMatch(/\p{Script=Han}/u);
      expect(error.localizedMessage('en'), code).not.toMatch(/\p{Script=Han}/u);
      for (const locale of LOCALES) expect(error.localizedMessage(locale), `${code} ${locale}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('adds the optional detail in brackets only when there is one', () => {
    expect(new ReadError('unsupported-format', { format: 'PDF' }).localizedMessage('en')).toBe(
      'Unsupported file format (PDF): save the report as .docx, .html or .txt and check it again.',
    );
    expect(new ReadError('unsupported-format', { format: 'PDF' }).message).toBe(
      '不支持的文件格式（PDF）：请另存为 .docx、.html 或 .txt 后再检查。',
    );
    expect(new ReadError('unsupported-format').localizedMessage('en')).toMatch(/^Unsupported file format: /);
    expect(new ReadError('docx-invalid', { cause: 'no word/document.xml' }).message).toBe(
      '无法读取 Word 文档：文件已损坏或不是 .docx 格式（no word/document.xml）。',
    );
    expect(new ReadError('docx-invalid').localizedMessage('en')).toBe(
      'The Word document cannot be read: it is damaged or not a .docx file.',
    );
  });

  it('gives sizes in B, KB and MB', () => {
    expect(new ReadError('too-large', { size: 52_428_800 * 2, maxBytes: 52_428_800 }).message).toBe(
      '文件过大（100.0 MB，上限 50.0 MB）。',
    );
    expect(new ReadError('too-large', { size: 2048, maxBytes: 512 }).localizedMessage('en')).toBe(
      'The file is too large (2.0 KB; the limit is 512 B).',
    );
  });
});
