import { ReadError } from '../read-error.js';
import { MAX_HTML_DEPTH, type HtmlElement, type HtmlNode } from './html-tree.js';

/** HTML written as events, start tag by end tag (what the Word body reader writes, see `wordBody`). */
export interface HtmlSink {
  /** A start tag; a void element (`br`, `img`, `input`) gets no end tag. */
  open(name: string, attributes?: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Text, not escaped. */
  text(text: string): void;
}

/** A tree built by {@link HtmlTreeBuilder}: its offsets point into `source`, the text it holds. */
export interface BuiltHtmlTree {
  readonly root: HtmlElement;
  /** The text of the tree's text runs, in order: the source its offsets point into. */
  readonly source: string;
  /** The length of the HTML the events stand for (start and end tags, text escaped). */
  readonly htmlLength: number;
}

/** Elements without content or end tag. */
const VOID = new Set(['br', 'img', 'input']);

/** What a start tag closes while it is the innermost open element (as the HTML parser does). */
const CLOSED_BY: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['p', new Set(['p'])],
  ['ol', new Set(['p'])],
  ['table', new Set(['p'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['td', new Set(['td', 'th', 'thead'])],
  ['li', new Set(['li'])],
  ['a', new Set(['a'])],
]);

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Builds the tree that {@link parseHtmlTree} would build from the HTML the events stand for, without
 * writing or parsing that HTML: elements closed implicitly where the parser closes them (a `<p>`, `<ol>`
 * or `<table>` closes an open paragraph, a row or cell an open cell, …), an end tag without its element
 * dropped (`</p>` making an empty paragraph), text split where the parser splits it (around each `&`,
 * `<` and `>`, which the HTML escapes), runs of text without markup between them joined. Offsets point
 * into the text of the tree (markup takes no room), so the renderer copies the same text from it.
 *
 * Knows the rules of the elements the Word body writes: p, br, a, img, input, table, tr, td, ol, li.
 * Throws a {@link ReadError} (`too-deep`) when elements nest deeper than {@link MAX_HTML_DEPTH}, as
 * the parser does.
 */
export class HtmlTreeBuilder implements HtmlSink {
  private readonly root: HtmlElement = { kind: 'element', name: '#root', attributes: NO_ATTRIBUTES, start: 0, end: 0, children: [] };
  private readonly stack: HtmlElement[] = [this.root];
  private readonly chunks: string[] = [];
  private length = 0;
  private htmlLength = 0;
  /** The text run being written (joined until the next tag or split), and where it starts. */
  private run: string[] = [];
  private runStart = 0;

  open(name: string, attributes: Readonly<Record<string, string>> = NO_ATTRIBUTES): void {
    this.flush();
    this.htmlLength += name.length + 2;
    for (const key in attributes) this.htmlLength += key.length + attributes[key].length + 4;
    const closed = CLOSED_BY.get(name);
    if (closed !== undefined) while (this.stack.length > 1 && closed.has(this.stack[this.stack.length - 1].name)) this.pop();
    this.push(name, attributes);
    if (VOID.has(name)) this.pop();
  }

  close(name: string): void {
    this.flush();
    this.htmlLength += name.length + 3;
    if (VOID.has(name)) {
      // `</br>` reads as a line break (without closing anything); other void end tags are dropped.
      if (name === 'br') {
        this.push('br', NO_ATTRIBUTES);
        this.pop();
      }
      return;
    }
    const { stack } = this;
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i].name !== name) continue;
      while (stack.length > i) this.pop();
      return;
    }
    if (name === 'p') {
      this.push('p', NO_ATTRIBUTES);
      this.pop();
    }
  }

  text(text: string): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // The HTML escapes &, < and >: the parser reads each as a run of its own.
      if (c !== 0x26 && c !== 0x3c && c !== 0x3e) continue;
      if (i > from) this.append(text.slice(from, i));
      this.flush();
      this.append(text[i]);
      this.flush();
      this.htmlLength += c === 0x26 ? 4 : 3;
      from = i + 1;
    }
    if (from === 0) this.append(text);
    else if (from < text.length) this.append(text.slice(from));
  }

  /** The tree of the events written, every element closed. */
  finish(): BuiltHtmlTree {
    this.flush();
    while (this.stack.length > 1) this.pop();
    this.root.end = this.length;
    return { root: this.root, source: this.chunks.join(''), htmlLength: this.htmlLength };
  }

  private append(text: string): void {
    if (text.length === 0) return;
    if (this.run.length === 0) this.runStart = this.length;
    this.run.push(text);
    this.chunks.push(text);
    this.length += text.length;
    this.htmlLength += text.length;
  }

  private flush(): void {
    const { run } = this;
    if (run.length === 0) return;
    const text = run.length === 1 ? run[0] : run.join('');
    this.stack[this.stack.length - 1].children.push({ kind: 'text', start: this.runStart, end: this.length, text, raw: true });
    this.run = [];
  }

  private push(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.stack.length > MAX_HTML_DEPTH) throw new ReadError('too-deep', { depth: MAX_HTML_DEPTH });
    const element: HtmlElement = { kind: 'element', name, attributes, start: this.length, end: this.length, children: [] as HtmlNode[] };
    this.stack[this.stack.length - 1].children.push(element);
    this.stack.push(element);
  }

  private pop(): void {
    this.stack.pop()!.end = this.length;
  }
}
