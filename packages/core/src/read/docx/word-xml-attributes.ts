/** The attributes of an element of a Word XML part, looked up by namespace-resolved name (`w:val`). */
export interface WordXmlAttributes {
  /** The value of the attribute of that name, if the element has one. */
  get(name: string): string | undefined;
}

/** Attributes past which a start tag's names are kept in a set (a crafted tag may have millions). */
const LISTED = 8;

/**
 * The attributes of a start tag as read, names not resolved: each name once with the first value read
 * (as htmlparser2's parser keeps them), in the order written. Cleared and refilled from one tag to the next.
 */
export class AttributeList {
  // Slots reused from tag to tag: only the first `count` hold this tag's attributes.
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;
  private seen: Set<string> | undefined;

  /** How many attributes the tag has. */
  get length(): number {
    return this.count;
  }

  /** Adds an attribute, unless the tag already has one of that name (or it is named `__proto__`). */
  add(name: string, value: string): void {
    // htmlparser2's parser, which the reader replaced, kept attributes in a plain object: `__proto__` was lost.
    if (name === '__proto__' || this.has(name)) return;
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.count++;
    if (this.seen !== undefined) this.seen.add(name);
    else if (this.count > LISTED) this.seen = new Set(this.names.slice(0, this.count));
  }

  /** The name of the attribute at `index`, in the order written. */
  nameAt(index: number): string {
    return this.names[index];
  }

  /** The value of the attribute at `index`. */
  valueAt(index: number): string {
    return this.values[index];
  }

  clear(): void {
    this.count = 0;
    this.seen = undefined;
  }

  private has(name: string): boolean {
    if (this.seen !== undefined) return this.seen.has(name);
    const { names, count } = this;
    for (let i = 0; i < count; i++) if (names[i] === name) return true;
    return false;
  }
}
