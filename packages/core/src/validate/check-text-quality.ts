import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findPinyinReadings } from '../normalize/index.js';
import type { ValidationContext } from './validation-context.js';

/** The character a reading was injected after, with the reading: "規(guī)". */
function readingContext(text: string, start: number, end: number): string {
  const before = text.codePointAt(start - 1) !== undefined && /[\uDC00-\uDFFF]/u.test(text[start - 1]) ? 2 : 1;
  return text.slice(Math.max(0, start - before), end);
}

/**
 * Text quality, per spot: injected Pinyin readings (each with a fix deleting it), mojibake, and document
 * converter leftovers (with a fix deleting them). Found on the original text.
 */
export function checkTextQuality(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (ctx.enabled('quality/pinyin')) {
    for (const range of findPinyinReadings(ctx.text)) {
      const reading = ctx.text.slice(range.start, range.end);
      diagnostics.push(
        ctx.diagnostic('quality/pinyin', {
          message: ctx.msg('quality/pinyin', { text: readingContext(ctx.text, range.start, range.end), reading }),
          range,
          suggestions: [{ message: ctx.msg('fix/delete-pinyin', { reading }), edits: [{ range, newText: '' }] }],
        }),
      );
    }
  }
  return diagnostics;
}
