import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HtmlTreeBuilder, type HtmlSink } from '../../src/read/html/html-tree-builder.js';
import { MAX_HTML_DEPTH, parseHtmlTree, type HtmlNode } from '../../src/read/html/html-tree.js';
import { renderHtml, renderHtmlTree } from '../../src/read/html/render-html.js';
import { ReadError } from '../../src/read/read-error.js';

/**
 * The tree builder must build what parsing the HTML of the same events builds (the .docx reader renders
 * its tree instead of writing and parsing the HTML): here both read random streams of the Word body's
 * elements, nested as the body writes them and not (a paragraph in a paragraph, a row in a cell, end
 * tags of elements not open), with text the HTML escapes.
 */

type Event = { open: string; attributes?: Record<string, string> } | { close: string } | { text: string };

const VOID = new Set(['br', 'img', 'input']);

/** The HTML the events stand for: what the .docx reader wrote before it built the tree. */
function htmlOf(events: readonly Event[]): string {
  let html = '';
  for (const event of events) {
    if ('open' in event) {
      html += `<${event.open}`;
      for (const [key, value] of Object.entries(event.attributes ?? {})) html += ` ${key}="${value}"`;
      html += '>';
    } else if ('close' in event) {
      html += `</${event.close}>`;
    } else {
      html += event.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }
  }
  return html;
}

function build(events: readonly Event[]): ReturnType<HtmlTreeBuilder['finish']> {
  const builder = new HtmlTreeBuilder();
  write(events, builder);
  return builder.finish();
}

function write(events: readonly Event[], sink: HtmlSink): void {
  for (const event of events) {
    if ('open' in event) sink.open(event.open, event.attributes);
    else if ('close' in event) sink.close(event.close);
    else sink.text(event.text);
  }
}

/** A tree without offsets: names, attributes, text runs. */
function shape(node: HtmlNode): unknown {
  if (node.kind === 'text') return node.text;
  return { name: node.name, attributes: { ...node.attributes }, children: node.children.map(shape) };
}

const names = ['p', 'br', 'a', 'img', 'input', 'table', 'tr', 'td', 'ol', 'li'];
const event: fc.Arbitrary<Event> = fc.oneof(
  fc.constantFrom(...names).map((name) => ({ open: name })),
  fc.record({ colspan: fc.constantFrom('2', '3', 'NaN'), rowspan: fc.constantFrom('2', '5') }, { requiredKeys: [] }).map((attributes) => ({ open: 'td', attributes })),
  fc.constantFrom(...names).map((name) => ({ close: name })),
  fc.array(fc.constantFrom('a', 'b', ' ', '  ', '&', '<', '>', '\t', '\u00a0', '\u3000', '年报', '[1]', ' \u2191'), { minLength: 1, maxLength: 6 }).map((parts) => ({ text: parts.join('') })),
);

/** Well nested: the events the Word body writes. */
function element(name: string, ...content: Event[]): Event[] {
  return VOID.has(name) ? [{ open: name }] : [{ open: name }, ...content, { close: name }];
}

describe('HtmlTreeBuilder', () => {
  it('builds the tree the parser builds from the HTML, renders the same text, and counts the HTML', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const html = htmlOf(events);
        const built = build(events);
        expect(shape(built.root)).toEqual(shape(parseHtmlTree(html)));
        expect(renderHtmlTree(built.root, built.source, built.htmlLength).text).toBe(renderHtml(html).text);
        expect(built.htmlLength).toBe(html.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a body as the Word reader writes it: notes, tables with spans, escaped text', () => {
    const events: Event[] = [
      ...element('p', { text: 'A & B <C> ' }, { open: 'br' }, { text: '\t[1]' }, { open: 'a' }, { close: 'a' }),
      ...element(
        'table',
        ...element('tr', { open: 'td', attributes: { colspan: '2' } }, ...element('p', { text: '合计' }), { close: 'td' }),
        ...element('tr', ...element('td', ...element('p', { text: '1' })), ...element('td', { open: 'input' })),
      ),
      ...element('ol', ...element('li', ...element('p', { text: '注 \u2191' }))),
    ];
    const html = htmlOf(events);
    const built = build(events);
    expect(shape(built.root)).toEqual(shape(parseHtmlTree(html)));
    expect(built.source).toBe('A & B <C> \t[1]合计1注 \u2191');
    expect(renderHtmlTree(built.root, built.source, built.htmlLength).text).toBe(renderHtml(html).text);
    expect(renderHtml(html).text).toBe('A & B <C>\n[1]\n合计\t\n1\t\n注 \u2191\n');
  });

  it('refuses nesting deeper than the parser reads, as the parser does', () => {
    const events: Event[] = Array.from({ length: MAX_HTML_DEPTH }, () => ({ open: 'li' as const })).flatMap((e) => [{ open: 'ol' }, e]);
    const builder = new HtmlTreeBuilder();
    expect(() => write(events, builder)).toThrow(ReadError);
    expect(() => parseHtmlTree(htmlOf(events))).toThrow(ReadError);
  });
});
