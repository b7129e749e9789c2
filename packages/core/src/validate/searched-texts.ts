/**
 * What the last searches of texts found, by text and by what was searched for (a pattern): re-checking a
 * report with one table value changed (verifying a suggested fix, an edit in the editor) searches the same
 * prose again. A text is looked up by its length, then compared with the remembered texts of that length,
 * not by a hash of it: a text searched for the first time (every section of every new report) costs no
 * pass over its characters, which a map keyed by the text spends on hashing it. The texts kept are bounded
 * in number and in characters; the first remembered go first.
 */
export class SearchedTexts<K, V> {
  private readonly byLength = new Map<number, SearchedText<K, V>[]>();
  /** The texts remembered, the first remembered first. */
  private readonly order: SearchedText<K, V>[] = [];
  private chars = 0;

  /** @param maxTexts most texts kept; @param maxChars most characters kept (a longer text is not kept). */
  constructor(
    private readonly maxTexts: number,
    private readonly maxChars: number,
  ) {}

  /** What the search for `key` found in `text`, if remembered. */
  get(text: string, key: K): V | undefined {
    return this.entry(text)?.found.get(key);
  }

  /** Remembers what the search for `key` found in `text` (nothing for a text longer than the bound). */
  set(text: string, key: K, value: V): void {
    if (text.length > this.maxChars) return;
    let entry = this.entry(text);
    if (entry === undefined) {
      entry = { text, found: new Map() };
      const sameLength = this.byLength.get(text.length);
      if (sameLength === undefined) this.byLength.set(text.length, [entry]);
      else sameLength.push(entry);
      this.order.push(entry);
      this.chars += text.length;
      while (this.order.length > this.maxTexts || this.chars > this.maxChars) this.forget(this.order.shift()!);
    }
    entry.found.set(key, value);
  }

  private entry(text: string): SearchedText<K, V> | undefined {
    const sameLength = this.byLength.get(text.length);
    if (sameLength === undefined) return undefined;
    for (let i = 0; i < sameLength.length; i++) if (sameLength[i].text === text) return sameLength[i];
    return undefined;
  }

  private forget(entry: SearchedText<K, V>): void {
    this.chars -= entry.text.length;
    const sameLength = this.byLength.get(entry.text.length)!;
    if (sameLength.length === 1) this.byLength.delete(entry.text.length);
    else sameLength.splice(sameLength.indexOf(entry), 1);
  }
}

/** A remembered text and what each search found in it. */
interface SearchedText<K, V> {
  text: string;
  found: Map<K, V>;
}
