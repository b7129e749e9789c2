/**
 * Answers kept by text, for texts that recur within a report and across reports (cell texts, labels):
 * texts up to `maxLength` long, up to `limit` of them; emptied when full, so memory stays bounded.
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
    this.answers.set(text, answer);
    return answer;
  }
}
