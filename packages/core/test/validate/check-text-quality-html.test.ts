import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, normalizeView, readReportSync } from '../../src/index.js';
import { shownInPage } from '../../src/validate/shown-in-page.js';

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

describe('text quality of a page with a long script', () => {
  it('looks at each stretch of markup once, however many spots it holds', async () => {
    // 40,000 spots of mojibake in one script with no tag inside: asked one by one, each once scanned the rest
    // of the script for a bracket.
    const script = `<script>${'var s="锟斤拷";'.repeat(40_000)}</script>`;
    const started = performance.now();
    // In the body, between two shown paragraphs (`page` wraps each extra line in <p>…</p>).
    expect(await quality(page('', [`开头</p>${script}<p>结尾`]))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('shownInPage', () => {
  it('tells the text a page shows from its markup, Pinyin dropped by normalisation counting as shown', () => {
    const html = '<p>总计&amp;2</p><!-- x --><p>規(guī)定</p><p>規<span>(guī)定</span></p><script>var a="<b>";</script>';
    const read = readReportSync(new TextEncoder().encode(html), { fileName: 'p.html' })!;
    for (const view of [read.view, normalizeView(read.view)]) {
      const shown = shownInPage(html, view);
      const at = (s: string): number => html.indexOf(s);
      expect(shown(at('总'))).toBe(true);
      expect(shown(at('&amp;') + 2)).toBe(true);
      expect(shown(at('(guī)'))).toBe(true);
      // A reading right after a tag: in the run of the character after it.
      expect(shown(html.lastIndexOf('(guī)'))).toBe(true);
      expect(shown(html.lastIndexOf('(guī)') - 1)).toBe(false);
      expect(shown(at('定'))).toBe(true);
      expect(shown(at('<!--') + 1)).toBe(false);
      expect(shown(at('var'))).toBe(false);
      expect(shown(0)).toBe(false);
      expect(shown(html.length - 1)).toBe(false);
    }
  });

  it('shows nothing of a page whose view is empty', () => {
    expect(shownInPage('<script>1</script>', { text: '', toOriginal: () => 0 })(3)).toBe(false);
  });
});
