import { createToken, EmbeddedActionsParser, Lexer, type IToken, type TokenType } from 'chevrotain';
import { TextMemo } from './text-memo.js';

/**
 * The grammar of a quantity written in one table cell, as a Chevrotain lexer and parser:
 *
 *     quantity := about? sign? Number unitTail
 *     unitTail := scale? more? countUnit?
 *
 * ("增1万", "约300", "2千余", "-55", "94.52万元", "1,085", "300多件"). It reads compact text: the cell
 * reader has already removed spaces and turned full-width digits and signs into ASCII. Error
 * recovery is on, so a malformed cell never throws: the parser records the error (a missing number, a
 * repeated word, trailing input) and the reading is rejected as a whole — a token inserted by recovery is
 * never turned into a number.
 */

/** An approximation word before the number: "约", "大约", "近", "将近", "逾", "超过", "超". */
export const AboutToken = createToken({
  name: 'About',
  pattern: /大约|将近|超过|约|近|逾|超/,
  start_chars_hint: ['大', '将', '超', '约', '近', '逾'],
});
/** A sign: "+", "-", "增", "增加", "减", "减少". */
export const SignToken = createToken({ name: 'Sign', pattern: /增加|减少|增|减|[+-]/, start_chars_hint: ['增', '减', '+', '-'] });
/** An unsigned number with optional thousands groups and decimals (ASCII digits). */
export const QuantityNumberToken = createToken({
  name: 'QuantityNumber',
  pattern: /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?/,
  start_chars_hint: '0123456789'.split(''),
});
/** A scale or money unit after the number: "亿元", "万元", "千元", "元", "亿", "万", "千", "百". */
export const ScaleToken = createToken({ name: 'Scale', pattern: /[亿万千]元|元|[亿万千百]/, start_chars_hint: ['亿', '万', '千', '元', '百'] });
/** An approximation word after the number: "余", "多", "左右", "以上". */
export const MoreToken = createToken({ name: 'More', pattern: /左右|以上|余|多/, start_chars_hint: ['左', '以', '余', '多'] });
/** A counting word: "件", "个", "项", "条", "次", "人次", "家", "户", "人", "份", "宗", "起", "笔". */
export const CountUnitToken = createToken({
  name: 'CountUnit',
  pattern: /人次|[件个项条次家户人份宗起笔]/,
  start_chars_hint: '件个项条次家户人份宗起笔'.split(''),
});

/**
 * Every character a token of the quantity grammar can hold (those of the token patterns above): a compact
 * text with any other character does not lex, so it is no quantity (a test checks the list against the
 * patterns).
 */
const QUANTITY_CHARS = '0123456789,.+-大约将近超过逾增加减少亿万千元百左右以上余多人次件个项条家户份宗起笔';

/** The characters a quantity (in compact text) can hold: see `QUANTITY_CHARS`. */
export function quantityTextChars(): string[] {
  return [...QUANTITY_CHARS];
}

/** The token types of the quantity grammar. Their first characters are disjoint; inside one token the longer words come first. */
export const quantityTokenTypes: TokenType[] = [
  QuantityNumberToken,
  ScaleToken,
  AboutToken,
  SignToken,
  MoreToken,
  CountUnitToken,
];

/** The words after a number: scale/money unit, approximation, counting word. */
export interface UnitTail {
  scale?: string;
  more?: string;
  countUnit?: string;
}

/** A quantity as written: its words, and the number's digits (with thousands separators). */
export interface QuantityReading extends UnitTail {
  about?: string;
  sign?: string;
  digits: string;
}

/** A token the parser may trust: really in the input, not inserted by error recovery. */
function isReal(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && token.image !== '' && Number.isFinite(token.startOffset) && token.startOffset >= 0;
}

function imageOf(token: IToken | undefined): string | undefined {
  return token && isReal(token) ? token.image : undefined;
}

/** The Chevrotain parser of the quantity grammar (build once: self-analysis is slow). */
class QuantityParser extends EmbeddedActionsParser {
  constructor() {
    // The grammar is fixed and tested: the validations of its recording are skipped (they cost a cold start).
    super(quantityTokenTypes, { recoveryEnabled: true, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** `quantity := about? sign? Number unitTail`; `undefined` when the number is missing. */
  public quantity = this.RULE('quantity', (): QuantityReading | undefined => {
    const about = this.OPTION(() => this.CONSUME(AboutToken));
    const sign = this.OPTION2(() => this.CONSUME(SignToken));
    const number = this.CONSUME(QuantityNumberToken);
    const tail = this.SUBRULE(this.unitTail);
    return this.ACTION(() => {
      const digits = imageOf(number);
      if (digits === undefined) return undefined;
      const reading: QuantityReading = { digits, ...tail };
      const aboutWord = imageOf(about);
      const signWord = imageOf(sign);
      if (aboutWord !== undefined) reading.about = aboutWord;
      if (signWord !== undefined) reading.sign = signWord;
      return reading;
    });
  });

  /** `unitTail := scale? more? countUnit?` */
  public unitTail = this.RULE('unitTail', (): UnitTail => {
    const scale = this.OPTION(() => this.CONSUME(ScaleToken));
    const more = this.OPTION2(() => this.CONSUME(MoreToken));
    const countUnit = this.OPTION3(() => this.CONSUME(CountUnitToken));
    return this.ACTION(() => {
      const tail: UnitTail = {};
      const scaleWord = imageOf(scale);
      const moreWord = imageOf(more);
      const countWord = imageOf(countUnit);
      if (scaleWord !== undefined) tail.scale = scaleWord;
      if (moreWord !== undefined) tail.more = moreWord;
      if (countWord !== undefined) tail.countUnit = countWord;
      return tail;
    });
  });
}

let lexer: Lexer | undefined;
let parser: QuantityParser | undefined;

/** The characters a token of one of `types` may start with (their start-character hints). */
function startChars(...types: TokenType[]): Set<string> {
  return new Set(types.flatMap((t) => (t.START_CHARS_HINT ?? []).map((c) => (typeof c === 'number' ? String.fromCharCode(c) : c))));
}

/** FIRST(quantity): the characters a quantity can start with. */
const QUANTITY_START = startChars(AboutToken, SignToken, QuantityNumberToken);
/** FIRST(unitTail): the characters a non-empty unit tail can start with. */
const UNIT_TAIL_START = startChars(ScaleToken, MoreToken, CountUnitToken);

/** The outcome of parsing with the quantity grammar: the reading, and whether the input was well formed. */
export interface GrammarResult<T> {
  /** What the parser read (possibly after error recovery); `undefined` when the text did not lex. */
  value: T | undefined;
  /**
   * The first lexing error (the lexer stops there), or the parsing errors (recovered ones and unparsed
   * trailing input included).
   */
  errors: string[];
}

function run<T>(text: string, rule: (p: QuantityParser) => T | undefined): GrammarResult<T> {
  // No lexing recovery: text that does not lex is no quantity, whatever follows its first error, and
  // recovering through a long one (a sentence that starts with 将, 约 or 增) cost tens of microseconds.
  lexer ??= new Lexer(quantityTokenTypes, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
    recoveryEnabled: false,
  });
  parser ??= new QuantityParser();
  const lexed = lexer.tokenize(text);
  // Text with characters no quantity word starts with (a label, a sentence) is not parsed at all: the
  // lexer has already rejected it at its first such character.
  if (lexed.errors.length > 0) return { value: undefined, errors: lexed.errors.map((e) => e.message) };
  const errors: string[] = [];
  parser.input = lexed.tokens;
  const value = rule(parser);
  for (const e of parser.errors) errors.push(e.message);
  return { value, errors };
}

/** The characters a quantity can start with (see {@link mayStartQuantity}), for tables by character code. */
export function quantityStartChars(): string[] {
  return [...QUANTITY_START];
}

/** The characters a non-empty unit tail can start with (see {@link mayStartUnitTail}). */
export function unitTailStartChars(): string[] {
  return [...UNIT_TAIL_START];
}

/** Whether a quantity can start with the character `c` (of a compact text: ASCII digits and signs). */
export function mayStartQuantity(c: string): boolean {
  return QUANTITY_START.has(c);
}

/** Whether a non-empty unit tail (see {@link isUnitTail}) can start with the character `c` (of a compact text). */
export function mayStartUnitTail(c: string): boolean {
  return UNIT_TAIL_START.has(c);
}

/** Parses `text` (compact: no spaces, ASCII digits) with the `quantity` rule, reporting errors. */
export function parseQuantity(text: string): GrammarResult<QuantityReading> {
  // Most text a cell reader asks about is a label: one look at FIRST(quantity) rejects it cheaply.
  if (!QUANTITY_START.has(text.charAt(0))) return { value: undefined, errors: [`no quantity starts with ${JSON.stringify(text.charAt(0))}`] };
  return run(text, (p) => p.quantity());
}

/** Parses `text` (compact) with the `unitTail` rule, reporting errors. */
export function parseUnitTail(text: string): GrammarResult<UnitTail> {
  if (text !== '' && !UNIT_TAIL_START.has(text.charAt(0))) {
    return { value: undefined, errors: [`no unit starts with ${JSON.stringify(text.charAt(0))}`] };
  }
  return run(text, (p) => p.unitTail());
}

/**
 * Most cell texts recur within a report and across reports ("0", "/", "12", "万元"): readings are kept by
 * text, up to 4,096 of them (emptied when full); a text longer than 32 characters is read without the
 * memo (a rare long run of digits is not worth keeping).
 */
const quantityMemo = new TextMemo<Readonly<QuantityReading> | null>(4096, 32);
const unitTailMemo = new TextMemo<boolean>(4096, 32);

/**
 * The quantity `text` (compact) states, or `undefined` unless the whole text is one well-formed quantity.
 * The reading is frozen: the same object is returned for the same text.
 */
export function readQuantity(text: string): Readonly<QuantityReading> | undefined {
  // FIRST(quantity) rejects most labels before the memo's look-up, which hashes the whole text.
  if (!QUANTITY_START.has(text.charAt(0))) return undefined;
  const known = quantityMemo.get(text);
  if (known !== undefined) return known ?? undefined;
  const result = parseQuantity(text);
  const reading = result.errors.length === 0 && result.value ? Object.freeze(result.value) : null;
  return quantityMemo.remember(text, reading) ?? undefined;
}

/** True when the whole of `text` (compact) is a (possibly empty) unit tail: "万元", "千余", "件". */
export function isUnitTail(text: string): boolean {
  return unitTailMemo.get(text) ?? unitTailMemo.remember(text, parseUnitTail(text).errors.length === 0);
}
