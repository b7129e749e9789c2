import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, readReportSync } from '../../src/index.js';
import { visibleSource } from '../../src/validate/visible-source.js';

const seed003 = readFileSync(new URL('../../../../examples/seeds/003_136fd1d98cf7f7a0.txt', import.meta.url), 'utf8');
const escape = (line: string): string => line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** Seed 003 as a saved web page: `head` in its <head>, `extra` paragraphs at the top of its body. */
function page(head: string, extra: string[]): string {
  const body = [...extra, ...seed003.split('\n')].map((line) => `<p>${line}</p>`);
  return `<html><head>${head}</head><body>\n${body.join('\n')}\n</body></html>`;
}

const markup = [
  '<!-- saved from url=(0052)http://www.example.gov.cn/zwgk/2021/report.html -->',
  '<style>.a{color:red} {.underline} p{margin:0}</style>',
  '<script>var s = "锟斤拷"; /* PAGEREF _Toc1 */</script>',
  '<div style="display:none">[bookmark: _GoBack]</div>',
].join('');

async function quality(html: string) {
  const result = await checkReport({ bytes: new TextEncoder().encode(html), fileName: 'page.html' });
  return result.diagnostics
    .filter((d) => d.code.startsWith('quality/'))
    .map((d) => ({ code: d.code, text: html.slice(d.range.start, d.range.end) }));
}

describe('text quality of a web page', () => {
  it('finds nothing in what a browser or the page wrote around the report: comments, styles, scripts, hidden text', async () => {
    expect(await quality(page(markup, []))).toEqual([]);
  });

  it('still finds what the page shows, at its place in the page', async () => {
    const shown = ['[bookmark: _GoBack]某局', `${escape('规(guī)定')}如下`, '乱码锟斤拷锟斤拷在此'];
    const found = await quality(page(markup, shown));
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'quality/converter-artefact', text: '[bookmark: _GoBack]' },
        { code: 'quality/pinyin', text: '(guī)' },
        expect.objectContaining({ code: 'quality/mojibake' }),
      ]),
    );
    expect(found.find((f) => f.code === 'quality/mojibake')!.text).toContain('锟斤拷');
    // Nothing from the markup.
    expect(found.every((f) => !f.text.includes('saved from') && !f.text.includes('{.underline}'))).toBe(true);
  });
});

describe('visibleSource', () => {
  it('keeps the text a page shows, in its own characters, and maps ranges back into the page', () => {
    const html = '<p>总计&amp;2</p><!-- x --><p>二、主动</p><script>var a="<b>";</script>';
    const read = readReportSync(new TextEncoder().encode(html), { fileName: 'p.html' })!;
    const visible = visibleSource(html, read.view);
    expect(visible.text).toBe('总计&amp;2\n二、主动');
    const at = visible.text.indexOf('二');
    expect(visible.toSource({ start: at, end: at + 2 })).toEqual({ start: html.indexOf('二'), end: html.indexOf('二') + 2 });
    const amp = visible.text.indexOf('&amp;');
    expect(html.slice(visible.toSource({ start: amp, end: amp + 5 }).start, visible.toSource({ start: amp, end: amp + 5 }).end)).toBe('&amp;');
  });

  it('is empty for a view of nothing, and maps any range to the start of the page', () => {
    const visible = visibleSource('<script>1</script>', { text: '', toOriginal: () => 0 });
    expect(visible.text).toBe('');
    expect(visible.toSource({ start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });
});
