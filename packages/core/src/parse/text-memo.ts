/**
 * Answers kept by text, for texts that recur within a report and across reports (cell texts, labels):
 * texts up to `maxLength` long, up to `limit` of them; emptied when full, so memory stays bounded. A text
 * is kept as a copy of its own (see {@link detachedText}), never as a view into the report it came from.
 */
export class TextMemo<V> {
  private readonly answers = new Map<string, V>();

  /** At most this many answers are kept. */
  readonly limit: number;
  /** Texts longer than this are answered without being kept. */
  readonly maxLength: number;

  constructor(limit: number, maxLength: number) {
    this.limit = limit;
    this.maxLength = maxLength;
  }

  /** The answer kept for `text`, if any. */
  get(text: string): V | undefined {
    return this.answers.get(text);
  }

  /** Keeps `answer` for `text` (when short enough) and returns it. */
  remember(text: string, answer: V): V {
    if (text.length > this.maxLength) return answer;
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(detachedText(text), answer);
    return answer;
  }
}

/**
 * A copy of `text` that refers to no other string. V8 keeps a slice of 13 UTF-16 units or more as a view
 * into the string it was cut from: a memo key sliced from a report kept that whole report alive for as
 * long as the memo kept the key (reports after it), several megabytes over a batch. Made once per text
 * kept, not per look-up.
 */
function detachedText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
