import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, ReadError, readReport, readReportSync, type ReadErrorCode } from '../../src/read/index.js';
import { buildDocx, cell, paragraph, table } from './docx-builder.js';
import { fixtureBytes, SEEDS, seedBytes, seedText, utf16 } from './fixtures.js';
import { errorOf } from './read-error-of.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function expectCode(promise: Promise<unknown>, code: ReadErrorCode): Promise<ReadError> {
  const error = await errorOf(promise);
  expect(error.code).toBe(code);
  return error;
}

describe('readReport: text files', () => {
  it('reads every seed as UTF-8 txt with the identity view', async () => {
    for (const seed of SEEDS) {
      const { source, view } = await readReport(seedBytes(seed), { fileName: `examples/seeds/${seed}` });
      expect(source).toMatchObject({ format: 'txt', encoding: 'utf-8', name: `examples/seeds/${seed}` });
      expect(source.text).toBe(seedText(seed));
      expect(view.text).toBe(source.text);
      expect(view.toOriginal(123)).toBe(123);
    }
  });

  it('reads GB18030 and UTF-16 files', async () => {
    const gb = await readReport(fixtureBytes('seed-000.gb18030.txt'), { fileName: 'report.txt' });
    expect(gb.source.encoding).toBe('gb18030');
    expect(gb.source.text).toBe(seedText(SEEDS[0]));
    const le = await readReport(utf16(seedText(SEEDS[2]), 'le', true), { fileName: 'report.txt' });
    expect(le.source).toMatchObject({ encoding: 'utf-16le', text: seedText(SEEDS[2]) });
  });

  it('takes .md as md and sniffs files without an extension', async () => {
    expect((await readReport(utf8('# 标题\n正文'), { fileName: 'a.md' })).source.format).toBe('md');
    expect((await readReport(utf8('一、总体情况\n正文'))).source.format).toBe('txt');
    const html = await readReport(utf8('<!DOCTYPE html><html><body><p>一、总体情况</p></body></html>'), { fileName: 'download' });
    expect(html.source.format).toBe('html');
    expect(html.view.text).toBe('一、总体情况\n');
  });
});

describe('readReport: HTML', () => {
  it('keeps the HTML as source.text and renders the view into it', async () => {
    const html = '<html><body><p>二、主动公开</p><table><tr><td>规章</td><td>&nbsp;</td><td>5</td></tr></table></body></html>';
    const { source, view } = await readReport(utf8(html), { fileName: 'r.html' });
    expect(source).toMatchObject({ format: 'html', encoding: 'utf-8', text: html });
    expect(view.text).toBe('二、主动公开\n规章\t\t5\n');
    const five = view.text.indexOf('5');
    expect(view.toOriginal(five)).toBe(html.indexOf('5'));
  });

  it('decodes a GB2312-declared page', async () => {
    const body = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GB2312
    const bytes = new Uint8Array([...utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>'), ...body, ...utf8('</p></body></html>')]);
    const { source, view } = await readReport(bytes, { fileName: 'r.htm' });
    expect(source.encoding).toBe('gbk');
    expect(view.text).toBe('中文\n');
  });
});

describe('readReportSync: without waiting', () => {
  it('gives what readReport gives, throws what it rejects with, and leaves a .docx to it while the Word reader is not loaded', async () => {
    const page = utf8('<html><body><p>示例局2024年政府信息公开工作年度报告</p><table><tr><td>1</td></tr></table></body></html>');
    for (const [bytes, fileName] of [[seedBytes(SEEDS[0]!), 'a.txt'], [page, 'a.html'], [page, 'a.md'], [utf16('一、总体情况', 'le', true), undefined]] as const) {
      expect(readReportSync(bytes, { fileName })).toEqual(await readReport(bytes, { fileName }));
    }
    for (const [bytes, fileName] of [[new Uint8Array(0), 'a.txt'], [utf8('just text'), 'a.docx'], [utf8('%PDF-1.7'), 'a.pdf']] as const) {
      const rejected = await errorOf(readReport(bytes, { fileName }));
      expect(() => readReportSync(bytes, { fileName })).toThrow(expect.objectContaining({ code: rejected.code }));
    }
    const docx = await buildDocx(paragraph('正文'));
    // The Word reader is not loaded in this file before: see read-docx-sync.test.ts for what follows its loading.
    expect(readReportSync(docx, { fileName: 'a.docx' })).toBeUndefined();
    expect(readReportSync(docx)).toBeUndefined();
  });
});

describe('readReport: docx', () => {
  it('renders paragraphs and a table with merged cells (gridSpan, vMerge)', async () => {
    const bytes = await buildDocx(
      paragraph('三、收到和处理政府信息公开申请情况') +
        table(4, [
          [cell('本列数据的勾稽关系', '<w:vMerge w:val="restart"/>'), cell('申请人情况', '<w:gridSpan w:val="3"/>')],
          [cell('', '<w:vMerge/>'), cell('自然人'), cell('法人'), cell('总计')],
          [cell('一、本年新收政府信息公开申请数量'), cell('2'), cell(''), cell('2')],
        ]) +
        paragraph('四、结转'),
    );
    const { source, view } = await readReport(bytes, { fileName: '报告.docx' });
    expect(source.format).toBe('docx');
    expect(source.text).toBe(
      '三、收到和处理政府信息公开申请情况\n' +
        '本列数据的勾稽关系\t申请人情况\t\t\n' +
        '\t自然人\t法人\t总计\n' +
        '一、本年新收政府信息公开申请数量\t2\t\t2\n' +
        '四、结转\n',
    );
    expect(view.text).toBe(source.text);
    expect(view.toOriginal(7)).toBe(7);
  });

  it('sniffs a docx without a file name', async () => {
    const bytes = await buildDocx(paragraph('正文'));
    expect((await readReport(bytes)).source).toMatchObject({ format: 'docx', text: '正文\n' });
  });

  it('refuses a damaged .docx and a .docx that is not a Word document', async () => {
    const bytes = await buildDocx(paragraph('正文'));
    await expectCode(readReport(bytes.subarray(0, bytes.length >> 1), { fileName: 'a.docx' }), 'docx-invalid');
    await expectCode(readReport(utf8('just text'), { fileName: 'a.docx' }), 'docx-invalid');
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const xlsx = await zip.generateAsync({ type: 'uint8array' });
    await expectCode(readReport(xlsx, { fileName: 'a.docx' }), 'docx-invalid');
    const error = await expectCode(readReport(xlsx, { fileName: 'a.xlsx' }), 'unsupported-format');
    expect(error.details.format).toContain('xlsx');
  });
});

describe('readReport: refusals', () => {
  it('refuses an empty file and a whitespace-only file', async () => {
    await expectCode(readReport(new Uint8Array(0), { fileName: 'a.txt' }), 'empty');
    await expectCode(readReport(utf8(' \n\t\u3000\u00A0\n'), { fileName: 'a.txt' }), 'empty');
    await expectCode(readReport(new Uint8Array([0xef, 0xbb, 0xbf])), 'empty');
    await expectCode(readReport(utf8('<html><head><title>x</title></head><body> </body></html>'), { fileName: 'a.html' }), 'empty');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await expectCode(readReport(new Uint8Array(2048), { fileName: 'a.txt', maxBytes: 1024 }), 'too-large');
    expect(error.details).toMatchObject({ size: 2048, maxBytes: 1024 });
    expect(error.message).toContain('2.0 KB');
    expect(error.localizedMessage('en')).toContain('too large');
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it('refuses PDF, images, old Word files and other archives as unsupported formats', async () => {
    const pdf = await expectCode(readReport(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), { fileName: 'r.txt' }), 'unsupported-format');
    expect(pdf.details.format).toBe('PDF');
    expect(pdf.message).toContain('PDF');
    expect(pdf.localizedMessage('en')).toContain('Unsupported file format (PDF)');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await expectCode(readReport(png), 'unsupported-format')).details.format).toBe('PNG');
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expectCode(readReport(doc, { fileName: 'r.doc' }), 'unsupported-format');
    await expectCode(readReport(utf8('text'), { fileName: 'scan.pdf' }), 'unsupported-format');
  });

  it('refuses binary data without a known signature', async () => {
    const bytes = new Uint8Array(1000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const error = await expectCode(readReport(bytes, { fileName: 'r.txt' }), 'binary');
    expect(error.message).toMatch(/二进制/);
  });
});
