import { Tokenizer } from 'htmlparser2';

/**
 * The members of htmlparser2's tokenizer (12.0.0, the version pinned) that {@link TextSkippingTokenizer}
 * reads and moves; its typings declare them private.
 */
interface TokenizerInternals {
  /** The text being tokenized, from source offset `offset` on. */
  buffer: string;
  offset: number;
  /** The source offset of the character the main loop is at (it steps to the next one after a state). */
  index: number;
  decodeEntities: boolean;
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const GT = 0x3e;
const EQ = 0x3d;

type State = (this: Tokenizer, c: number) => void;
type StateName =
  | 'stateText'
  | 'stateInAttributeValueDoubleQuotes'
  | 'stateInAttributeValueSingleQuotes'
  | 'stateInTagName'
  | 'stateInClosingTagName'
  | 'stateInAttributeName';
const base = Tokenizer.prototype as unknown as Record<StateName, State>;
const baseStateText = base.stateText;
const baseDoubleQuoted = base.stateInAttributeValueDoubleQuotes;
const baseSingleQuoted = base.stateInAttributeValueSingleQuotes;
const baseTagName = base.stateInTagName;
const baseClosingTagName = base.stateInClosingTagName;
const baseAttributeName = base.stateInAttributeName;

/**
 * htmlparser2's tokenizer, stepping over text, quoted attribute values and names in one loop: its main
 * loop hands every character to the state it is in, one at a time through a dispatch on the state, though
 * the text state does nothing with a character other than `<` (a tag) or `&` (a character reference, when
 * it decodes them), the state of a quoted attribute value nothing with one other than its quote or `&`,
 * and the states of a tag's, an end tag's or an attribute's name nothing with one that does not end the
 * name (whitespace, `/`, `>`; `=` too for an attribute). This one, at such a character, moves on to the
 * next character the state acts on (or the end of the text) at once, so the main loop resumes exactly
 * where stepping one by one would have handed it over: the same events at the same offsets, in fewer
 * steps (most of a saved page is text and style attributes; of a Word part, names).
 */
export class TextSkippingTokenizer extends Tokenizer {}

/**
 * Moves the tokenizer on from the character at its index to the last one before the next `a` or `b` (or
 * before the end of its buffer): the main loop steps on to that one after the state returns.
 */
function skipUntil(tokenizer: Tokenizer, a: number, b: number): void {
  const self = tokenizer as unknown as TokenizerInternals;
  const { buffer, offset } = self;
  let i = self.index - offset + 1;
  for (const n = buffer.length; i < n; i++) {
    const d = buffer.charCodeAt(i);
    if (d === a || d === b) break;
  }
  self.index = offset + i - 1;
}

/**
 * Moves the tokenizer on from the character at its index to the last one before the next that ends a
 * name (whitespace, `/`, `>`, or `also`; or before the end of its buffer), as {@link skipUntil} does.
 */
function skipName(tokenizer: Tokenizer, also: number): void {
  const self = tokenizer as unknown as TokenizerInternals;
  const { buffer, offset } = self;
  let i = self.index - offset + 1;
  for (const n = buffer.length; i < n; i++) {
    const d = buffer.charCodeAt(i);
    if (endsName(d) || d === also) break;
  }
  self.index = offset + i - 1;
}

/** Whitespace as htmlparser2 knows it, `/` or `>`: what ends a tag's name (its `isEndOfTagSection`). */
function endsName(c: number): boolean {
  return c === SLASH || c === GT || c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function decodes(tokenizer: Tokenizer): boolean {
  return (tokenizer as unknown as TokenizerInternals).decodeEntities;
}

function stateText(this: Tokenizer, c: number): void {
  if (c === LT || c === AMP || !decodes(this)) baseStateText.call(this, c);
  else skipUntil(this, LT, AMP);
}

function stateInAttributeValueDoubleQuotes(this: Tokenizer, c: number): void {
  if (c === DOUBLE_QUOTE || c === AMP || !decodes(this)) baseDoubleQuoted.call(this, c);
  else skipUntil(this, DOUBLE_QUOTE, AMP);
}

function stateInAttributeValueSingleQuotes(this: Tokenizer, c: number): void {
  if (c === SINGLE_QUOTE || c === AMP || !decodes(this)) baseSingleQuoted.call(this, c);
  else skipUntil(this, SINGLE_QUOTE, AMP);
}

function stateInTagName(this: Tokenizer, c: number): void {
  if (endsName(c)) baseTagName.call(this, c);
  else skipName(this, -1);
}

function stateInClosingTagName(this: Tokenizer, c: number): void {
  if (endsName(c)) baseClosingTagName.call(this, c);
  else skipName(this, -1);
}

function stateInAttributeName(this: Tokenizer, c: number): void {
  if (c === EQ || endsName(c)) baseAttributeName.call(this, c);
  else skipName(this, EQ);
}

for (const [name, value] of [
  ['stateText', stateText],
  ['stateInAttributeValueDoubleQuotes', stateInAttributeValueDoubleQuotes],
  ['stateInAttributeValueSingleQuotes', stateInAttributeValueSingleQuotes],
  ['stateInTagName', stateInTagName],
  ['stateInClosingTagName', stateInClosingTagName],
  ['stateInAttributeName', stateInAttributeName],
] as const) {
  Object.defineProperty(TextSkippingTokenizer.prototype, name, { value, writable: true, configurable: true });
}

/** Whether htmlparser2's tokenizer has the states {@link TextSkippingTokenizer} replaces (checked by its tests). */
export function tokenizerHasSkippedStates(): boolean {
  return [baseStateText, baseDoubleQuoted, baseSingleQuoted, baseTagName, baseClosingTagName, baseAttributeName].every((state) => typeof state === 'function');
}
