import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_WORD_XML_DEPTH, readWordXml, WordXmlTooDeepError } from '../../src/read/docx/word-xml.js';

/**
 * The Word XML reader drives htmlparser2's tokenizer itself; it must report what htmlparser2's parser
 * in XML mode reports (what it used before), on well-formed parts and on damaged ones: end tags of
 * elements not open or closing several, a part cut inside a tag, CDATA, comments, entities, duplicate
 * attributes. The parts bind no namespace, so the reader reads each name as its local name (`xml:`
 * names in the XML namespace), and so does the comparison.
 */

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** A name as the reader resolves it when no namespace is bound. */
function unbound(name: string): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const local = name.slice(colon + 1);
  return name.slice(0, colon) === 'xml' ? `{${XML_NAMESPACE}}${local}` : local;
}

type Event = ['open', string, [string, string][]] | ['close'] | ['text', string];

/** The attribute names the parts below use, resolved, and some they do not. */
const ATTRIBUTES = ['val', 'space', `{${XML_NAMESPACE}}space`, 'a', 'b', 'd', 'y', '__proto__', 'constructor', 'w:val', 'plain', 'missing'];

/** The attributes found under {@link ATTRIBUTES}, as pairs (`__proto__` would be lost in an object). */
function known(get: (name: string) => string | undefined): [string, string][] {
  const found: [string, string][] = [];
  for (const name of ATTRIBUTES) {
    const value = get(name);
    if (value !== undefined) found.push([name, value]);
  }
  return found;
}

/** The events htmlparser2's parser reports in XML mode (CDATA left out), names resolved as unbound. */
function parserEvents(xml: string): Event[] {
  const events: Event[] = [];
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const resolved: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const key in attributes) resolved[unbound(key)] = attributes[key];
        events.push(['open', unbound(name), known((key) => resolved[key])]);
      },
      onclosetag: () => events.push(['close']),
      ontext: (text) => {
        if (!inCdata) events.push(['text', text]);
      },
      oncdatastart: () => (inCdata = true),
      oncdataend: () => (inCdata = false),
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  return joinText(events);
}

/**
 * The events the reader reports, given the part whole or in pieces; the content of elements `skip`
 * names is not read (their start is reported, not what they hold nor their end).
 */
function readerEvents(xml: string | readonly string[], skip: (name: string) => boolean = () => false): Event[] {
  const events: Event[] = [];
  readWordXml(xml, {
    open: (name, attributes) => {
      events.push(['open', name, known((key) => attributes.get(key))]);
      return !skip(name);
    },
    close: () => events.push(['close']),
    text: (text) => events.push(['text', text]),
  });
  return joinText(events);
}

/**
 * The events of a reading of everything, as a handler leaving out the content of the elements `skip`
 * names saw them when it counted its way through them (what the Word body reader did): after the start
 * of such an element, nothing until as many ends as starts were seen.
 */
function skippedEvents(events: readonly Event[], skip: (name: string) => boolean): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const event of events) {
    if (depth > 0) {
      if (event[0] === 'open') depth++;
      else if (event[0] === 'close') depth--;
      continue;
    }
    out.push(event);
    if (event[0] === 'open' && skip(event[1])) depth = 1;
  }
  return joinText(out);
}

/** Text joined between tags (a run of text may come in several calls), empty text dropped. */
function joinText(events: Event[]): Event[] {
  const joined: Event[] = [];
  for (const event of events) {
    const last = joined[joined.length - 1];
    if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
    else joined.push(event);
  }
  return joined.filter((event) => event[0] !== 'text' || event[1] !== '');
}

const piece = fc.constantFrom(
  '<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:t xml:space="preserve">', '<w:br/>', '<w:tab />',
  '<w:tc w:val="1" w:val="2">', '</w:tc>', '<a b=c d>', '<x y=\'&amp;&#x41;\'>', '</x>', '</a>', '</nope>', 'text',
  ' ', '年报', '&amp;', '&lt;', '&#20013;', '&bogus;', '&', '<', '>', '<![CDATA[cd<a>]]>', '<!-- c -->', '<?xml version="1.0"?>',
  '<!DOCTYPE x>', '<w:p', ' w:a="1"', '"', '/>', '<1>', '</ w:p>', '<w:sdt/>', '\u00a0', '<__proto__ __proto__="x" constructor="y">',
);

describe('readWordXml', () => {
  it('reports what htmlparser2 parsing in XML mode reports, on well-formed and damaged parts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const xml = pieces.join('');
        expect(readerEvents(xml)).toEqual(parserEvents(xml));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a part in pieces as it reads it whole, wherever the pieces split it', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).chain((pieces) => {
          const xml = pieces.join('');
          return fc.tuple(fc.constant(xml), fc.uniqueArray(fc.nat({ max: xml.length }), { maxLength: 6 }));
        }),
        ([xml, cuts]) => {
          const at = [0, ...cuts.sort((a, b) => a - b), xml.length];
          const split = at.slice(1).map((end, i) => xml.slice(at[i], end));
          expect(readerEvents(split)).toEqual(readerEvents(xml));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves out the content of an element the handler does not read, as a handler counting its way through it would', () => {
    const names = fc.subarray(['p', 'r', 't', 'tc', 'a', 'x', 'sdt', '__proto__', '1']);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), names, (pieces, skipped) => {
        const xml = pieces.join('');
        const skip = (name: string): boolean => skipped.includes(name);
        expect(readerEvents(xml, skip)).toEqual(skippedEvents(readerEvents(xml), skip));
      }),
      { numRuns: 5000 },
    );
  });

  it('resolves namespace prefixes as the document binds them', () => {
    const xml =
      '\ufeff<d xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns="urn:other"><q:p q:val="1" plain="2"/><inner/></d>';
    expect(readerEvents(xml)).toEqual([
      ['open', '{urn:other}d', []],
      ['open', 'w:p', [['w:val', '1'], ['plain', '2']]],
      ['close'],
      ['open', '{urn:other}inner', []],
      ['close'],
      ['close'],
    ]);
  });

  it('refuses a part nesting deeper than the reader reads', () => {
    expect(() => readerEvents('<a>'.repeat(MAX_WORD_XML_DEPTH + 1))).toThrow(WordXmlTooDeepError);
    expect(() => readerEvents('<a>'.repeat(MAX_WORD_XML_DEPTH - 1))).not.toThrow();
  });
});
