import fc from 'fast-check';
import { Parser, type Handler } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { TextSkippingTokenizer, tokenizerHasSkippedStates } from '../../src/read/html/text-skipping-tokenizer.js';

/**
 * The tokenizer that steps over text and quoted attribute values must hand the parser exactly what
 * htmlparser2's own tokenizer hands it: every event, with its offsets, on random markup made of the
 * pieces that change its states (tags, attributes quoted every way, character references, comments,
 * raw-text and RCDATA elements, CDATA, declarations, stray `<`, `>`, `&` and quotes).
 */

type Options = { decodeEntities: boolean; xmlMode: boolean };

/** Every event of a parse of `html`, with the parser's offsets, written in one chunk or in several. */
function events(html: string, options: Options, skipping: boolean, chunks: readonly number[] = []): unknown[] {
  const out: unknown[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      out.push([name, parser.startIndex, parser.endIndex, ...args]);
    };
  const handler: Partial<Handler> = {
    onopentagname: record('opentagname'),
    onattribute: record('attribute'),
    onopentag: (name, attributes, implied) => record('opentag')(name, { ...attributes }, implied),
    onclosetag: record('closetag'),
    ontext: record('text'),
    oncomment: record('comment'),
    oncommentend: record('commentend'),
    oncdatastart: record('cdatastart'),
    oncdataend: record('cdataend'),
    onprocessinginstruction: record('pi'),
    onend: record('end'),
  };
  const parser: Parser = new Parser(handler, {
    ...options,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
    ...(skipping ? { Tokenizer: TextSkippingTokenizer } : {}),
  });
  let from = 0;
  for (const cut of chunks) {
    const to = Math.min(html.length, from + cut);
    parser.write(html.slice(from, to));
    from = to;
  }
  parser.end(html.slice(from));
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<td colspan="2">', "<td rowspan='3' style='a&amp;b'>", '<td class=x&lt;y>', '<br/>', '<img src="a.png" alt=\'q"\'>',
    '<table>', '</table>', '<tr>', '</tr>', '<div hidden>', '</div>', '<span style="display:none">', '</span>',
    '&amp;', '&nbsp;', '&lt', '&#x4e00;', '&#20013;', '&copy2', '&unknown;', '&', '&&', '<', '>', '"', "'", '=', ' ', '\n', '\t',
    '<!-- c -->', '<!-->', '<!--', '<![CDATA[x]]>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '</>', '< p>', '<a b="1"c=\'2\'d=3 e>',
    '<script>if (a < b && c) "</p>"</script>', '<style>p{}</style>', '<textarea>a &amp; b</textarea>', '<title>t&lt;</title>',
    '<svg><foreignObject></foreignObject></svg>', '<xmp>&amp;</xmp>', '<plaintext>', '<o:p>', '</o:p>', '<p style="mso-x:&quot;a&quot;">',
    '<w:tblGrid>', '</w:tblGrid >', '<w:p w:rsidR="00A1" w:rsidRDefault=\'x\'/>', '<a  b  =  "c"  >', '<x:y/z>', '<a\tb\nc\rd\fe>', '</a\tb>',
    '<a=b>', '<a b=>', '<a b/c>', '</a=b>', '<abc', '</abc', '<a bcd',
  ),
  fc.string({ unit: fc.constantFrom('a', '中', '文', ' ', '&', '<', '>', '"', "'", '/', '=', ';', '#', 'x', '1'), maxLength: 12 }),
);
const markup = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('TextSkippingTokenizer', () => {
  it('replaces states htmlparser2 has', () => {
    expect(tokenizerHasSkippedStates()).toBe(true);
  });

  it('hands the parser the events of htmlparser2’s tokenizer, offsets included', () => {
    fc.assert(
      fc.property(markup, fc.boolean(), fc.boolean(), (html, decodeEntities, xmlMode) => {
        const options = { decodeEntities, xmlMode };
        expect(events(html, options, true)).toEqual(events(html, options, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('does so on markup written in chunks', () => {
    fc.assert(
      fc.property(markup, fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }), (html, chunks) => {
        const options = { decodeEntities: true, xmlMode: false };
        expect(events(html, options, true, chunks)).toEqual(events(html, options, false, chunks));
      }),
      { numRuns: 1000 },
    );
  });

  it('steps over long text, attribute values and names to the same events', () => {
    const text = '中文'.repeat(5000);
    const name = 'n'.repeat(3000);
    const html = `<p style="${'a:b;'.repeat(3000)}">${text}&amp;${text}</p><td title='${'x'.repeat(4000)}&lt;'>${text}<${name} ${name}=1 ${name}></${name}>`;
    for (const xmlMode of [false, true]) {
      const options = { decodeEntities: true, xmlMode };
      expect(events(html, options, true)).toEqual(events(html, options, false));
      expect(events(html, options, true, [100, 7000, 3, 1000])).toEqual(events(html, options, false, [100, 7000, 3, 1000]));
    }
  });
});
