import { TextViewBuilder } from '../text-view-builder.js';
import type { TextView } from '../text-view.js';

/**
 * Writes the linear text rendition of a marked-up source, left to right, keeping the offset map:
 * text is copied from the source (or replaced, for decoded references), whitespace runs collapse to one
 * space that is dropped at line and cell edges, and line breaks and cell separators are inserted where
 * the markup asks for them. Inside a cell, line breaks become spaces so a table row stays on one line.
 */
export class RenditionWriter {
  private readonly builder: TextViewBuilder;
  private readonly sourceLength: number;
  /** Whether the current line (or cell) has content yet. */
  private segmentEmpty = true;
  /** Collapsed whitespace waiting for the next content: source range it replaces. */
  private pendingStart = -1;
  private pendingEnd = -1;
  private cellDepth = 0;

  /** @param source the marked-up source the rendition maps to. */
  constructor(source: string) {
    this.builder = new TextViewBuilder(source);
    this.sourceLength = source.length;
  }

  /** The length of the rendition written so far. */
  get writtenLength(): number {
    return this.builder.outputLength;
  }

  /** Whether the writer is inside a table cell. */
  get inCell(): boolean {
    return this.cellDepth > 0;
  }

  /** Writes source text `text` found at [start, end); `raw` when it is the source slice itself. */
  text(start: number, end: number, text: string, raw: boolean): void {
    if (!raw) {
      if (isCollapsible(text)) this.space(start, end);
      else this.content(start, end, text);
      return;
    }
    let i = 0;
    const n = text.length;
    while (i < n) {
      let j = i;
      if (isCollapsibleCode(text.charCodeAt(i))) {
        while (j < n && isCollapsibleCode(text.charCodeAt(j))) j++;
        this.space(start + i, start + i + 1);
      } else {
        while (j < n && !isCollapsibleCode(text.charCodeAt(j))) j++;
        this.content(start + i, start + j, undefined);
      }
      i = j;
    }
  }

  /** Ends the current line (a space inside a cell); nothing when the line is empty. */
  lineBreak(position: number): void {
    if (this.cellDepth > 0) {
      this.space(position, position);
      return;
    }
    this.pendingStart = -1;
    if (this.segmentEmpty) return;
    this.put(position, '\n');
    this.segmentEmpty = true;
  }

  /** Ends the current line even when it is empty (the end of a table row). */
  forcedLineBreak(position: number): void {
    this.pendingStart = -1;
    this.put(position, '\n');
    this.segmentEmpty = true;
  }

  /** Starts a table cell at `position`; `first` for the first cell of a row (no separator). */
  startCell(position: number, first: boolean): void {
    this.pendingStart = -1;
    if (!first) this.put(position, '\t');
    this.segmentEmpty = true;
    this.cellDepth++;
  }

  /** Ends the current cell (trailing whitespace is dropped). */
  endCell(): void {
    this.pendingStart = -1;
    this.cellDepth--;
    this.segmentEmpty = false;
  }

  /** The rendition as a view of the source. */
  finish(): TextView {
    return this.builder.build();
  }

  private space(start: number, end: number): void {
    if (this.segmentEmpty || this.pendingStart >= 0) return;
    this.pendingStart = start;
    this.pendingEnd = end;
  }

  private content(start: number, end: number, text: string | undefined): void {
    if (this.pendingStart >= 0) {
      const ps = Math.max(this.pendingStart, this.builder.position);
      this.builder.skip(ps);
      this.builder.replace(Math.max(ps, this.pendingEnd), ' ');
      this.pendingStart = -1;
    }
    this.builder.skip(Math.max(start, this.builder.position));
    if (text === undefined) this.builder.keep(end);
    else this.builder.replace(end, text);
    this.segmentEmpty = false;
  }

  private put(position: number, text: string): void {
    this.builder.skip(Math.min(this.sourceLength, Math.max(position, this.builder.position)));
    this.builder.insert(text);
  }
}

/** HTML whitespace plus NBSP and the ideographic space: collapsed and trimmed in a rendition. */
function isCollapsibleCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x3000;
}

function isCollapsible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isCollapsibleCode(text.charCodeAt(i))) return false;
  return text.length > 0;
}
