import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtmlTree } from '../../src/read/html/read-html-tree.js';
import { parseHtmlTree, renderHtml, renderHtmlTree, type HtmlNode } from '../../src/read/index.js';
import { expectSameView } from '../normalize/same-view.js';

/**
 * The renderer parses a page keeping only the attributes it reads (an htmlparser2 parser that leaves the
 * others unread, see `AttributeFilteringParser`): the tree must be the whole tree but for the attributes
 * left out, and the rendition (text and offset map) the rendition of the whole tree.
 */

/** `node` with each element's attributes reduced to those named in `kept`. */
function withAttributes(node: HtmlNode, kept: ReadonlySet<string>): HtmlNode {
  if (node.kind === 'text') return node;
  const attributes = Object.fromEntries(Object.entries(node.attributes).filter(([name]) => kept.has(name)));
  return { ...node, attributes, children: node.children.map((child) => withAttributes(child, kept)) };
}

const piece = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<td colspan="2">', "<td rowspan='3' style='a&amp;b'>", '<td COLSPAN=3 colspan=4 RowSpan="0&#50;">', '<td class=x&lt;y>',
    '<br/>', '<img src="a.png" alt=\'q"\'>', '<table>', '</table>', '<tr>', '</tr>', '<div hidden>', '<div HIDDEN=no>', '</div>',
    '<span style="display:none">', '<span STYLE="visibility : hidden" style="x">', '<p style="mso-hide:all">', '</span>',
    '<p class="a" style="color:red" lang=en-us>', '<td align=center valign="top" colspan="2" width=10>', '<td rowspan>',
    '&amp;', '&nbsp;', '&lt', '&#x4e00;', '&#20013;', '&', '<', '>', '"', "'", '=', ' ', '\n', '<!-- c -->', '<![CDATA[x]]>',
    '<!DOCTYPE html>', '<script>if (a < b) "</p>"</script>', '<style>p{}</style>', '<title>t</title>', '<svg><g hidden></g></svg>',
    '<o:p>', '</o:p>', '<a b="1"c=\'2\'d=3 e>', '<a=b>', '<a b=>', '<a b/c>', '<abc', '<a colspan', '<td colspan="2',
  ),
  fc.string({ unit: fc.constantFrom('a', '中', ' ', '&', '<', '>', '"', '=', ';', '#', '1'), maxLength: 10 }),
);
const markup = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** The pages of the fixtures. */
function fixturePages(): string[] {
  const folder = new URL('../fixtures/variants/', import.meta.url);
  return readdirSync(folder)
    .filter((name) => /\.html?$/i.test(name))
    .map((name) => readFileSync(new URL(name, folder), 'utf8'));
}

describe('the tree of a page with some of its attributes', () => {
  it('is the whole tree with the other attributes left out (hidden and style always kept)', () => {
    fc.assert(
      fc.property(markup, fc.subarray(['colspan', 'rowspan', 'class', 'lang']), (html, names) => {
        const kept = new Set(names);
        expect(readHtmlTree(html, kept)).toEqual(withAttributes(parseHtmlTree(html), new Set([...names, 'hidden', 'style'])));
      }),
      { numRuns: 2000 },
    );
  });

  it('renders as the whole tree: random pages and the fixtures’ pages, text and offset map', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expectSameView(renderHtml(html), renderHtmlTree(parseHtmlTree(html), html), html);
      }),
      { numRuns: 1000 },
    );
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const html of pages) expectSameView(renderHtml(html), renderHtmlTree(parseHtmlTree(html), html));
  });

  it('marks a text run raw exactly when it is the source it maps to (the slice of its offsets)', () => {
    const runs = (node: HtmlNode): HtmlNode[] => (node.kind === 'text' ? [node] : node.children.flatMap(runs));
    fc.assert(
      fc.property(markup, (html) => {
        for (const tree of [parseHtmlTree(html), readHtmlTree(html, new Set(['colspan']))]) {
          for (const run of runs(tree)) {
            if (run.kind !== 'text') continue;
            expect(run.raw).toBe(run.end - run.start === run.text.length && html.startsWith(run.text, run.start));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
