import * as fflate from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { convertDocxToText } from '../../src/read/docx/convert-docx.js';
import { exceedsInflatedLimit, inflateXmlParts } from '../../src/read/docx/zip-limits.js';
import { buildDocx, cell, paragraph, table } from './docx-builder.js';

// `unzipSync` counted: the reader of a .docx lists its archive once and inflates each XML part once.
vi.mock('fflate', async (importOriginal) => {
  const original = await importOriginal<typeof import('fflate')>();
  return { ...original, unzipSync: vi.fn(original.unzipSync) };
});

/** A report as Word writes it: every part deflated, with a footnotes part and an image beside the XML. */
async function deflatedDocx(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await buildDocx(paragraph('一、总体情况') + table(2, [[cell('项目'), cell('数量')], [cell('主动公开'), cell('3')]]) + paragraph('二、主动公开')),
  );
  zip.file('word/footnotes.xml', '<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  zip.file('word/media/image1.png', new Uint8Array(300).fill(7));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** What `unzipSync` gives of the XML parts of `bytes` (the reader's parts: `.xml` and `.rels`). */
function unzippedXmlParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = fflate.unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/i.test(file.name) });
  return new Map(Object.entries(parts));
}

/** The names `unzipSync` lists, in order. */
function listedNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  fflate.unzipSync(bytes, {
    filter(file) {
      names.push(file.name);
      return false;
    },
  });
  return names;
}

describe('the XML parts of a .docx inflated with its size check', () => {
  it('are what unzipSync gives, stored or deflated, with every entry named in the directory’s order', async () => {
    const deflated = await deflatedDocx();
    const stored = await (await JSZip.loadAsync(deflated)).generateAsync({ type: 'uint8array', compression: 'STORE' });
    for (const bytes of [deflated, stored]) {
      const { exceeded, inflated } = inflateXmlParts(bytes);
      expect(exceeded).toBe(false);
      expect(inflated?.names).toEqual(listedNames(bytes));
      expect(inflated?.parts).toEqual(unzippedXmlParts(bytes));
      expect(exceedsInflatedLimit(bytes)).toBe(false);
    }
  });

  it('are not given past the limit, nor for an archive the streaming pass cannot stand for (data descriptors)', async () => {
    const bytes = await deflatedDocx();
    expect(inflateXmlParts(bytes, 100)).toEqual({ exceeded: true });
    // fflate's streaming Zip writes each entry's sizes after its data: the directory is read instead.
    const parts: Uint8Array[] = [];
    const zip = new fflate.Zip((error, data) => {
      if (error) throw error;
      parts.push(data);
    });
    for (const [name, data] of unzippedXmlParts(bytes)) {
      const file = new fflate.ZipDeflate(name);
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    const streamed = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (streamed.set(p, at), at + p.length), 0);
    expect(inflateXmlParts(streamed)).toEqual({ exceeded: false, inflated: undefined });
    // Read from the directory, as before: the same text.
    expect(convertDocxToText(streamed)).toBe(convertDocxToText(bytes));
  });

  it('are read from there: the archive is listed once and no part is inflated again', async () => {
    const bytes = await deflatedDocx();
    const unzipSync = vi.mocked(fflate.unzipSync);
    unzipSync.mockClear();
    const text = convertDocxToText(bytes);
    expect(text).toContain('主动公开\t3');
    // The size check's listing of the directory (which inflates nothing): before, the reader listed it
    // again, inflating the relationships, and then inflated the document a second time.
    expect(unzipSync).toHaveBeenCalledTimes(1);
    expect(unzipSync.mock.results[0].value).toEqual({});
  });
});
