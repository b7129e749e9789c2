import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlByContent, readReport } from '../../src/read/index.js';
import { htmlByTags } from '../../src/read/content-format.js';
import { buildDocx, paragraph } from './docx-builder.js';
import { seedText } from './fixtures.js';

/** The content, not the file name, decides the reader (issue 14, item 2). */

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const seedLines = (): string[] => seedText('003_136fd1d98cf7f7a0.txt').split('\n').slice(0, 40);

describe('htmlByContent', () => {
  it('knows a document by its start', () => {
    expect(htmlByContent('<!DOCTYPE html><html><body>x</body></html>')).toBe('document');
    expect(htmlByContent('\uFEFF  <html lang="zh"><body>x</body></html>')).toBe('document');
    expect(htmlByContent('<?xml version="1.0"?>\n<html xmlns:o="urn:schemas-microsoft-com:office:office">')).toBe('document');
    expect(htmlByContent('<head><meta charset="gbk"></head><body>x</body>')).toBe('document');
  });

  it('knows a body of paragraph and table markup (a page saved without its head)', () => {
    const body = seedLines().map((line) => `<p>${line}</p>`).join('\n');
    expect(htmlByContent(body)).toBe('markup');
    const cells = '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>2</td><td><o:p> </o:p></td></tr></table>';
    expect(htmlByContent(cells)).toBe('markup');
  });

  it('leaves text with a few tags as text', () => {
    expect(htmlByContent(seedText('003_136fd1d98cf7f7a0.txt'))).toBeNull();
    expect(htmlByContent('# 报告\n\n| 项目 | 数量<br>（件） |\n|---|---|\n| 规章 | 0 |\n')).toBeNull();
    expect(htmlByContent('正文中引用了标签 <p> 和 </p>，但这是一份文字报告。\n'.repeat(20))).toBeNull();
  });
});

describe('readReport decides by content', () => {
  it('reads a web page saved as .txt, .md or without extension as HTML and says what the name claimed', async () => {
    const page = `<!DOCTYPE html><html><body>${seedLines().map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    for (const [name, declared] of [['a.txt', 'txt'], ['a.md', 'md'], ['a', undefined], ['a.html', undefined]] as const) {
      const read = await readReport(utf8(page), { fileName: name });
      expect(read.source.format, name).toBe('html');
      expect(read.source.declaredFormat, name).toBe(declared);
      expect(read.view.text, name).toContain('鹿城公安分局2020年政府信息公开');
      expect(read.view.text, name).not.toContain('<p>');
    }
  });

  it('reads a page served as .doc as HTML (many sites do), but still refuses a real .doc', async () => {
    const read = await readReport(utf8('<html><body><p>示例局2024年政府信息公开工作年度报告</p></body></html>'), { fileName: 'report.doc' });
    expect(read.source).toMatchObject({ format: 'html', declaredFormat: 'doc' });
    await expect(readReport(utf8('一份文字，不是 Word 文件'), { fileName: 'report.doc' })).rejects.toMatchObject({ code: 'unsupported-format' });
  });

  it('reads a Word document whatever its name', async () => {
    const bytes = await buildDocx(paragraph('示例局2024年政府信息公开工作年度报告'));
    for (const name of ['report.txt', 'report', 'report.md']) {
      const read = await readReport(bytes, { fileName: name });
      expect(read.source.format, name).toBe('docx');
      expect(read.source.text, name).toContain('示例局2024年');
    }
    expect((await readReport(bytes, { fileName: 'report.txt' })).source.declaredFormat).toBe('txt');
    expect((await readReport(bytes, { fileName: 'report.docx' })).source.declaredFormat).toBeUndefined();
  });

  it('keeps a text report a text report', async () => {
    const read = await readReport(utf8(seedText('003_136fd1d98cf7f7a0.txt')), { fileName: 'seed.txt' });
    expect(read.source.format).toBe('txt');
    expect(read.source.declaredFormat).toBeUndefined();
  });
});

describe('htmlByContent without a tag start', () => {
  /** The decision as made before texts without `<` were settled at once: every test run on the text. */
  const reference = htmlByTags;

  it('decides as the full tests do, on random markup and text', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<td>', '</td>', '<table>', '</table>', '<html>', '<!DOCTYPE html>', '<br/>', '<', '>', '\n', ' ', '\uFEFF', '\u3000', '报告', '一、', 'p', 'html', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(htmlByContent(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads no markup in a text whose first `<` is past the sample', () => {
    const markup = '<p>一</p>\n'.repeat(50);
    const text = `${'报告正文。\n'.repeat(11_000)}${markup}`;
    expect(text.indexOf('<')).toBeGreaterThanOrEqual(65536);
    expect(htmlByContent(text)).toBe(reference(text));
    expect(htmlByContent(text)).toBeNull();
    expect(htmlByContent(markup)).toBe('markup');
  });

  it('reads a page whose first tag is past the first 4096 bytes by its decoded content', async () => {
    const page = `${'\n'.repeat(4100)}${'<p>一、总体情况</p>\n<table><tr><td>规章</td><td>0</td></tr></table>\n'.repeat(20)}`;
    const bytes = utf8(page);
    expect(bytes.subarray(0, 4096).indexOf(0x3c)).toBe(-1);
    for (const name of ['a.txt', 'a']) {
      const read = await readReport(bytes, { fileName: name });
      expect(read.source.format, name).toBe('html');
      expect(read.view.text, name).toContain('总体情况');
    }
  });
});
