/**
 * Texts that know where each of their characters comes from. A template that `extends` another is
 * compiled from a merged text assembled from slices of both files; every diagnostic on the merged text is
 * mapped back through its {@link SourceText} to the file and offset the author wrote.
 */

/** A template's text as a file: where it lives and what it says. */
export interface TemplateSourceFile {
  /** The file's URI or path, used in diagnostics. */
  uri: string;
  text: string;
}

/** An offset in an author's file. */
export interface SourceLocation {
  uri: string;
  /** The whole text of that file. */
  text: string;
  offset: number;
}

/** A text with the origin of each offset. */
export interface SourceText {
  uri: string;
  text: string;
  /** Where `offset` of `text` was written (the same place for a file). */
  locate(offset: number): SourceLocation;
}

/** A file as a source text: every offset comes from itself. */
export function fileSourceText(file: TemplateSourceFile): SourceText {
  return { uri: file.uri, text: file.text, locate: (offset) => ({ uri: file.uri, text: file.text, offset }) };
}

interface Segment {
  /** Start in the merged text. */
  start: number;
  source: SourceText;
  /** Offset in `source` of the segment's first character. */
  offset: number;
  /** True for generated text: every character maps to `offset` itself. */
  fixed: boolean;
}

/** Builds a merged text from slices of source texts and generated glue, keeping the origin of each part. */
export class MergedTextBuilder {
  private readonly pieces: string[] = [];
  private readonly segments: Segment[] = [];
  private length = 0;

  /** Append `source.text[start, end)`. */
  copy(source: SourceText, start: number, end: number): void {
    if (end <= start) return;
    this.push(source.text.slice(start, end), { start: this.length, source, offset: start, fixed: false });
  }

  /** Append generated text, attributed to `source` at `at` (e.g. the `extends` clause). */
  generated(text: string, source: SourceText, at: number): void {
    if (text === '') return;
    this.push(text, { start: this.length, source, offset: at, fixed: true });
  }

  /** The merged text. */
  build(uri: string): SourceText {
    const text = this.pieces.join('');
    const segments = [...this.segments];
    return {
      uri,
      text,
      locate: (offset) => {
        let low = 0;
        let high = segments.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (segments[middle].start <= offset) low = middle;
          else high = middle - 1;
        }
        const segment = segments[low];
        if (!segment) return { uri, text, offset };
        const within = segment.fixed ? 0 : Math.max(0, offset - segment.start);
        return segment.source.locate(segment.offset + within);
      },
    };
  }

  private push(text: string, segment: Segment): void {
    this.pieces.push(text);
    this.segments.push(segment);
    this.length += text.length;
  }
}
