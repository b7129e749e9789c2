import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadDocxReader, readReport, readReportSync, renderDocx, renderDocxIfLoaded } from '../../src/read/index.js';
import { buildDocx, cell, paragraph, table } from './docx-builder.js';
import { errorOf, thrownBy } from './read-error-of.js';

// This file's tests run in order in one module instance: the Word reader is loaded by the second.

describe('reading a .docx at once', () => {
  it('is left to readReport before the Word reader is loaded', async () => {
    const docx = await buildDocx(paragraph('正文'));
    expect(renderDocxIfLoaded(docx)).toBeUndefined();
    expect(readReportSync(docx, { fileName: 'a.docx' })).toBeUndefined();
  });

  it('gives what readReport gives once the Word reader is loaded', async () => {
    await loadDocxReader();
    const docx = await buildDocx(
      paragraph('一、总体情况') + table(2, [[cell('项目'), cell('数量')], [cell('主动公开'), cell('3')]]) + paragraph('二、主动公开'),
    );
    const read = readReportSync(docx, { fileName: 'b.docx' });
    expect(read?.source).toMatchObject({ format: 'docx', encoding: 'utf-8', name: 'b.docx' });
    expect(read).toEqual(await readReport(docx, { fileName: 'b.docx' }));
    expect(renderDocxIfLoaded(docx)).toBe(await renderDocx(docx));
    // Named otherwise, the content decides, as readReport does.
    expect(readReportSync(docx, { fileName: 'b.bin' })).toEqual(await readReport(docx, { fileName: 'b.bin' }));
  });

  it('throws what readReport rejects with: a damaged or blank document, text beyond the size limit', async () => {
    // Deflated, a document of 12,000 characters takes far fewer bytes.
    const stored = await JSZip.loadAsync(await buildDocx(paragraph('一、总体情况'.repeat(2000))));
    const docx = await stored.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const damaged = docx.subarray(0, docx.length >> 1);
    const blank = await buildDocx(paragraph(''));
    expect(docx.length).toBeLessThan(5000);
    for (const [bytes, maxBytes] of [[damaged, undefined], [blank, undefined], [docx, 5000]] as const) {
      const rejected = await errorOf(readReport(bytes, { fileName: 'c.docx', maxBytes }));
      expect(thrownBy(() => readReportSync(bytes, { fileName: 'c.docx', maxBytes })).code).toBe(rejected.code);
    }
    expect(thrownBy(() => readReportSync(docx, { fileName: 'c.docx', maxBytes: 5000 })).code).toBe('docx-too-large');
  });
});
