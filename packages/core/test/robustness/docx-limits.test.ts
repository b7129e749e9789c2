import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReadError, readReport } from '../../src/read/index.js';
import { MAX_DOCX_XML_BYTES } from '../../src/read/docx/zip-limits.js';
import { buildDocx, paragraph } from '../read/docx-builder.js';


/** CPU time of this thread in milliseconds (a loaded machine does not make it grow). */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * A .docx is a ZIP: a few kilobytes can inflate to gigabytes. The reader refuses such a file from the
 * sizes the archive declares, or — when they lie — by inflating in small steps up to a limit, within a
 * second and without the memory; it refuses a document whose text exceeds the size limit; and it says
 * what is wrong with an unreadable one in the user's words, never the ZIP library's.
 */

/** A .docx whose document.xml is `megabytes` of spaces inside one paragraph. */
function bomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const add = (name: string, text: string): void => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'));
  const megabyte = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < megabytes; i++) doc.push(megabyte);
  doc.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/** Rewrites every declared uncompressed size (local headers, data descriptors, central directory) to 100. */
function lieAboutSizes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && i + 26 <= out.length) view.setUint32(i + 22, 100, true);
    else if (signature === 0x02014b50 && i + 28 <= out.length) view.setUint32(i + 24, 100, true);
    else if (signature === 0x08074b50 && i + 16 <= out.length) view.setUint32(i + 12, 100, true);
  }
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe('docx size limits', () => {
  const megabytes = Math.ceil((2 * MAX_DOCX_XML_BYTES) / (1 << 20));

  it('refuses a zip bomb from its declared size, quickly, in the user’s words', async () => {
    const bytes = bomb(megabytes);
    const started = cpuMs();
    const error = await refusal(readReport(bytes, { fileName: 'bomb.docx' }));
    // Before: 15 s and 3 GB.
    expect(cpuMs() - started).toBeLessThan(1000);
    expect(error.code).toBe('docx-too-large');
    expect(error.localizedMessage('zh-CN')).toContain('解压后过大');
    expect(error.localizedMessage('en')).toContain('too large once uncompressed');
  });

  it('refuses a zip bomb whose declared sizes lie, by inflating only up to the limit', async () => {
    const bytes = lieAboutSizes(bomb(megabytes));
    const started = cpuMs();
    const error = await refusal(readReport(bytes, { fileName: 'bomb.docx' }));
    expect(cpuMs() - started).toBeLessThan(2000);
    expect(error.code).toBe('docx-too-large');
  });

  it('applies the size limit to the text of a small .docx', async () => {
    const stored = await buildDocx(paragraph('政府信息公开'.repeat(20_000)));
    // The same package, compressed: a few kilobytes holding 120,000 characters.
    const bytes = zipSync(unzipSync(stored), { level: 9 });
    expect(bytes.length).toBeLessThan(20_000);
    const error = await refusal(readReport(bytes, { fileName: 'long.docx', maxBytes: 50_000 }));
    expect(error.code).toBe('docx-too-large');
  });

  it('refuses a .docx nesting elements beyond reason quickly, as damaged, and reads one nesting deep within the limit', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const nested = (depth: number): Uint8Array =>
      zipSync({
        'word/document.xml': strToU8(
          `<w:document ${W}><w:body><w:p><w:r><w:t>开头</w:t></w:r></w:p>${'<w:ins>'.repeat(depth)}<w:p><w:r><w:t>深处</w:t></w:r></w:p>${'</w:ins>'.repeat(depth)}</w:body></w:document>`,
        ),
      });
    const started = cpuMs();
    const error = await refusal(readReport(nested(200_000), { fileName: 'deep.docx' }));
    expect(error.code).toBe('docx-invalid');
    expect(cpuMs() - started).toBeLessThan(2000);
    expect((await readReport(nested(4000), { fileName: 'deep.docx' })).source.text).toBe('开头\n深处\n');
  });

  it('reads text deep inside nested elements in time linear in the document', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const runs = '<w:r><w:t>字</w:t></w:r>'.repeat(40_000);
    // Runs inside 2,400 insertions, 1,200 content controls (check boxes or not) or 2,400 paragraphs, in one paragraph.
    const wrapped = (open: string, close: string, depth: number): Uint8Array =>
      zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p>${open.repeat(depth)}${runs}${close.repeat(depth)}</w:p></w:body></w:document>`) });
    const time = async (bytes: Uint8Array): Promise<number> => {
      const started = cpuMs();
      const { source } = await readReport(bytes, { fileName: 'deep.docx' });
      expect(source.text.length).toBe(40_001);
      return cpuMs() - started;
    };
    await time(wrapped('<w:ins>', '</w:ins>', 1));
    const shallow = await time(wrapped('<w:ins>', '</w:ins>', 1));
    const deepInsertions = await time(wrapped('<w:ins>', '</w:ins>', 2400));
    const deepControls = await time(wrapped('<w:sdt><w:sdtPr/><w:sdtContent>', '</w:sdtContent></w:sdt>', 1200));
    const deepCheckBoxes = await time(wrapped('<w:sdt><w:sdtPr><w14:checkbox/></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r>', '</w:sdtContent></w:sdt>', 1200));
    const deepParagraphs = await time(wrapped('<w:p>', '</w:p>', 2400));
    for (const deep of [deepInsertions, deepControls, deepCheckBoxes, deepParagraphs]) expect(deep).toBeLessThan(3 * shallow + 100);
  });

  it('names the user’s problem, not the ZIP library’s, for a damaged .docx', async () => {
    const bytes = await buildDocx(paragraph('一、总体情况'));
    const damaged = bytes.slice();
    // Garble the middle of the archive (compressed data and headers).
    for (let i = Math.floor(damaged.length / 3); i < Math.floor((2 * damaged.length) / 3); i++) damaged[i] ^= 0x5a;
    for (const input of [damaged, bytes.subarray(0, bytes.length >> 1)]) {
      const error = await refusal(readReport(input, { fileName: 'damaged.docx' }));
      expect(error.code).toBe('docx-invalid');
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(error.localizedMessage(locale)).not.toMatch(/Bug|Error|zip|Corrupted|central directory|undefined/i);
      }
    }
  });
});
