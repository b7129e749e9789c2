import { Parser, type Handler, type ParserOptions, type QuoteType } from 'htmlparser2';

/**
 * The members of htmlparser2's parser (12.0.0, the version pinned) that {@link AttributeFilteringParser}
 * reads and writes; its typings declare them private.
 */
interface ParserInternals {
  /** The (lower-cased) name of the attribute being read. */
  attribname: string;
  /** Its value read so far. */
  attribvalue: string;
  /** The source text from offset `start` to `end`. */
  getSlice(start: number, end: number): string;
}

/**
 * The name noted for an attribute that is not kept: the empty name, which is never kept (a name kept is
 * not empty), and which no attribute has (the tokenizer starts a name at a character of it).
 */
const DROPPED = '';

/**
 * htmlparser2's parser (lower-casing attribute names), keeping only the attributes named in `kept`: an
 * element's attributes are those of the same parse with the others left out. The value of an attribute
 * not kept is neither read (its text sliced, its character references decoded and appended) nor stored:
 * most attributes of a saved page (`class`, `align`, `lang`…) are never looked at. Every other event is
 * the parser's own, at the same offsets.
 */
export class AttributeFilteringParser extends Parser {
  /**
   * @param kept the names of the attributes kept, in lower case (not empty)
   */
  constructor(
    cbs: Partial<Handler>,
    options: ParserOptions & { lowerCaseAttributeNames: true },
    private readonly kept: ReadonlySet<string>,
  ) {
    super(cbs, options);
  }

  override onattribname(start: number, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    this.startIndex = start;
    const name = self.getSlice(start, endIndex).toLowerCase();
    self.attribname = this.kept.has(name) ? name : DROPPED;
  }

  override onattribdata(start: number, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    if (self.attribname !== DROPPED) self.attribvalue += self.getSlice(start, endIndex);
  }

  override onattribentity(codePoint: number): void {
    if ((this as unknown as ParserInternals).attribname !== DROPPED) super.onattribentity(codePoint);
  }

  override onattribend(quote: QuoteType, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    if (self.attribname !== DROPPED) {
      super.onattribend(quote, endIndex);
      return;
    }
    this.endIndex = endIndex;
    self.attribvalue = '';
  }
}
