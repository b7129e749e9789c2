import type { TokenizerCallbacks } from 'htmlparser2';
import { TextSkippingTokenizer } from '../html/text-skipping-tokenizer.js';
import { AttributeList, type WordXmlAttributes } from './word-xml-attributes.js';

/**
 * Prefixes the Word reader names elements and attributes with, by namespace URI: what a document's own
 * prefixes are bound to decides (a document may bind `w` to anything, or use a default namespace).
 * Transitional and Strict Office Open XML share the prefixes. Names in other namespaces are kept as
 * `{uri}local` (and so read as unknown); names without a namespace as their local name.
 */
const PREFIXES: ReadonlyMap<string, string> = new Map(Object.entries({
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
}));

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Deepest element nesting read in a part of a Word document. Word nests a few dozen levels (tables in
 * tables, text boxes); a part nesting deeper is damaged or crafted, and is refused.
 */
export const MAX_WORD_XML_DEPTH = 5000;

/** What {@link readWordXml} reports, in document order. Names are namespace-resolved (`w:p`). */
export interface WordXmlHandler {
  /**
   * An element opens; its `attributes` can be read during this call only. Returns whether to read what
   * the element holds: when false, nothing inside it is reported (elements, text), nor its end. (The
   * reader closes an element whose start tag the part ends in without opening it, as htmlparser2's
   * parser does: inside an element not read, that close is reported at the element's end instead.)
   */
  open(name: string, attributes: WordXmlAttributes): boolean;
  close(): void;
  /** Character data (entities decoded); a run of text may come in several calls. CDATA is not reported. */
  text(text: string): void;
}

/** Thrown when a part nests elements deeper than {@link MAX_WORD_XML_DEPTH}. */
export class WordXmlTooDeepError extends Error {
  constructor() {
    super(`XML nests deeper than ${MAX_WORD_XML_DEPTH} elements`);
  }
}

/** The namespace bindings in force (prefix → URI, '' for the default) and the names resolved under them. */
interface Scope {
  readonly namespaces: ReadonlyMap<string, string>;
  /** Resolved names by raw name (an element's or a prefixed attribute's: they resolve alike). */
  readonly names: Map<string, string>;
}

/**
 * Reads an XML part of a Word document as a stream of events (htmlparser2's tokenizer in XML mode,
 * stepping over names and text at once, see `TextSkippingTokenizer`: forgiving about damaged markup,
 * linear in the input), resolving namespace prefixes to the reader's names. The part is its text, or
 * pieces of it in order (see `decodeXmlPart`): they are tokenized one after the other, as htmlparser2's
 * parser writes the chunks of a stream, and read as their joined text would be.
 */
export function readWordXml(xml: string | readonly string[], handler: WordXmlHandler): void {
  const tokens = new WordXmlTokens(handler);
  const tokenizer = new TextSkippingTokenizer({ xmlMode: true, decodeEntities: true, recognizeSelfClosing: true }, tokens);
  const pieces = typeof xml === 'string' ? [xml] : xml;
  for (let i = 0; i < pieces.length; i++) {
    const piece = i === 0 && pieces[0].charCodeAt(0) === 0xfeff ? pieces[0].slice(1) : pieces[i];
    if (piece.length === 0) continue;
    tokens.append(piece);
    tokenizer.write(piece);
  }
  tokenizer.end();
}

/**
 * Turns the tokens of an XML part into the reader's events, the way htmlparser2's parser does in XML
 * mode (without its HTML rules; the pieces written are kept, as its buffers are, for a token begun in one):
 * an element opens at the end of its start tag, and is pushed on the open elements as its name is read;
 * an end tag closes the innermost open element of its name and every element inside it, and is dropped
 * when none is open; the elements still open at the end are closed; an attribute read twice keeps its
 * first value; CDATA, comments and declarations are not reported. Attribute names are resolved when
 * asked for (see {@link ScopedAttributes}).
 */
class WordXmlTokens implements TokenizerCallbacks {
  /** The pieces of the part written to the tokenizer, and the offset each starts at; the last is being read. */
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  /** The last piece, and its offset. */
  private piece = '';
  private offset = 0;
  /** The names of the open elements, innermost last. */
  private readonly names: string[] = [];
  private readonly scopes: Scope[] = [{ namespaces: new Map([['xml', XML_NAMESPACE]]), names: new Map() }];
  private tagName = '';
  /** Whether a start tag is being read (its attributes are then collected). */
  private inStartTag = false;
  private readonly attributes = new ScopedAttributes();
  private attributeName = '';
  private attributeValue = '';
  /**
   * While the content of an element the handler does not read is read (else 0): how many elements were
   * open with it. Names are still kept (an end tag inside closes by name), nothing is resolved or reported.
   */
  private skipping = 0;
  /** Whether a start tag the part ends in was closed while skipping (see `closeInnermost`). */
  private closeOwed = false;

  constructor(private readonly handler: WordXmlHandler) {}

  /** Notes the next piece of the part, about to be written to the tokenizer. */
  append(piece: string): void {
    this.offset += this.piece.length;
    this.piece = piece;
    this.pieces.push(piece);
    this.starts.push(this.offset);
  }

  ontext(start: number, end: number): void {
    if (this.skipping === 0) this.handler.text(this.slice(start, end));
  }

  ontextentity(codePoint: number): void {
    if (this.skipping === 0) this.handler.text(String.fromCodePoint(codePoint));
  }

  onopentagname(start: number, end: number): void {
    this.tagName = this.slice(start, end);
    this.names.push(this.tagName);
    this.inStartTag = true;
    this.attributes.list.clear();
  }

  onattribname(start: number, end: number): void {
    if (this.skipping === 0) this.attributeName = this.slice(start, end);
  }

  onattribdata(start: number, end: number): void {
    if (this.skipping === 0) this.attributeValue += this.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    if (this.skipping === 0) this.attributeValue += String.fromCodePoint(codePoint);
  }

  onattribend(): void {
    if (this.inStartTag && this.skipping === 0) this.attributes.list.add(this.attributeName, this.attributeValue);
    this.attributeValue = '';
  }

  onopentagend(): void {
    this.endStartTag();
  }

  onselfclosingtag(): void {
    const name = this.tagName;
    this.endStartTag();
    if (this.names[this.names.length - 1] === name) this.closeInnermost();
  }

  onclosetag(start: number, end: number): void {
    const at = this.names.lastIndexOf(this.slice(start, end));
    if (at < 0) return;
    while (this.names.length > at) this.closeInnermost();
  }

  onend(): void {
    while (this.names.length > 0) this.closeInnermost();
  }

  oncdata(): void {}

  oncomment(): void {}

  ondeclaration(): void {}

  onprocessinginstruction(): void {}

  /** The part's text from offset `start` to `end` (before the end of the last piece written). */
  private slice(start: number, end: number): string {
    if (start >= this.offset) return this.piece.slice(start - this.offset, end - this.offset);
    // A token begun in an earlier piece (the tokenizer reports text and attribute values read so far
    // at the end of each piece, names and the like only once read whole).
    const { pieces, starts } = this;
    let i = pieces.length - 1;
    while (starts[i] > start) i--;
    let text = pieces[i].slice(start - starts[i], end - starts[i]);
    for (i++; i < pieces.length && starts[i] < end; i++) text += pieces[i].slice(0, end - starts[i]);
    return text;
  }

  /** Opens the element whose start tag ends. */
  private endStartTag(): void {
    if (this.inStartTag) {
      this.inStartTag = false;
      this.open(this.tagName);
    }
    this.tagName = '';
  }

  private open(rawName: string): void {
    const { scopes, attributes } = this;
    if (scopes.length > MAX_WORD_XML_DEPTH) throw new WordXmlTooDeepError();
    let scope = scopes[scopes.length - 1];
    if (this.skipping > 0) {
      scopes.push(scope);
      return;
    }
    const { list } = attributes;
    for (let i = 0; i < list.length; i++) {
      const key = list.nameAt(i);
      if (isNamespaceDeclaration(key)) {
        if (scope === scopes[scopes.length - 1]) scope = { namespaces: new Map(scope.namespaces), names: new Map() };
        (scope.namespaces as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), list.valueAt(i));
      }
    }
    scopes.push(scope);
    attributes.scope = scope;
    if (!this.handler.open(resolve(rawName, scope), attributes)) this.skipping = this.names.length;
  }

  private closeInnermost(): void {
    this.names.pop();
    this.scopes.pop();
    if (this.skipping === 0) {
      this.handler.close();
      return;
    }
    // A start tag the part ends in is closed unopened, as htmlparser2's parser closes it; inside an
    // element not read, that close is owed to the handler at the element's end (see `WordXmlHandler`).
    if (this.inStartTag) {
      this.inStartTag = false;
      this.closeOwed = true;
    }
    if (this.names.length < this.skipping) {
      this.skipping = 0;
      if (this.closeOwed) {
        this.closeOwed = false;
        this.handler.close();
      }
    }
  }
}

/**
 * The attributes of the element being opened, looked up by resolved name: the names are resolved as
 * they are looked up, not when read (most attributes of a Word part, revision ids and the like, are
 * never looked up). Of several names resolving alike, the last written counts.
 */
class ScopedAttributes implements WordXmlAttributes {
  readonly list = new AttributeList();
  /** The namespace bindings of the element. */
  scope: Scope | undefined;

  get(name: string): string | undefined {
    const { list, scope } = this;
    let value: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const key = list.nameAt(i);
      if (isNamespaceDeclaration(key)) continue;
      // An attribute without a prefix is in no namespace (not the default one).
      if ((key.includes(':') ? resolve(key, scope!) : key) === name) value = list.valueAt(i);
    }
    return value;
  }
}

function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

function resolve(name: string, scope: Scope): string {
  const known = scope.names.get(name);
  if (known !== undefined) return known;
  const colon = name.indexOf(':');
  const local = colon < 0 ? name : name.slice(colon + 1);
  // The default namespace applies to elements only; attributes without a prefix are not resolved.
  const uri = scope.namespaces.get(colon < 0 ? '' : name.slice(0, colon));
  const prefix = uri ? PREFIXES.get(uri) : undefined;
  const resolved = interned(!uri ? local : prefix === undefined ? `{${uri}}${local}` : `${prefix}:${local}`);
  scope.names.set(name, resolved);
  return resolved;
}

/**
 * `text` as the engine's one copy of that text (a property name is made that copy, and so is every string
 * literal): the handler compares each name read with literals (`w:p`, `w:val`…), which for that copy is an
 * identity check, where another string of the same text is compared unit by unit. Names are resolved once
 * per scope (see `resolve`), not once per element.
 */
function interned(text: string): string {
  for (const key in { [text]: 0 }) return key;
  return text;
}
