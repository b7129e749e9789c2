import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findConverterArtefacts, findMojibake, findPinyinReadings } from '../normalize/index.js';
import { ARTEFACT_UNIT, MOJIBAKE_UNIT, PINYIN_UNIT, suspectUnits } from './suspect-units.js';
import { excerpt, lineAt } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';
import { visibleSource } from './visible-source.js';
import type { OffsetRange } from '../model/report.js';

/** The character a reading was injected after, with the reading: "規(guī)". */
function readingContext(text: string, start: number, end: number): string {
  const before = text.codePointAt(start - 1) !== undefined && /[\uDC00-\uDFFF]/u.test(text[start - 1]) ? 2 : 1;
  return text.slice(Math.max(0, start - before), end);
}

/**
 * Text quality, per spot: injected Pinyin readings (each with a fix deleting it), mojibake, and document
 * converter leftovers (with a fix deleting them). Found on the original text — of a web page, only on what
 * its reader sees (see {@link visibleSource}): a browser's `<!-- saved from url=… -->`, a style sheet or a
 * script is not the report's text. A detector runs only when the text holds a unit its findings need (see
 * `suspectUnits`).
 */
export function checkTextQuality(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visible = ctx.report.source.format === 'html' ? visibleSource(ctx.text, ctx.view) : undefined;
  const searched = visible?.text ?? ctx.text;
  const toSource = (range: OffsetRange): OffsetRange => (visible ? visible.toSource(range) : range);
  const suspect = suspectUnits(searched);
  if ((suspect & PINYIN_UNIT) !== 0 && ctx.enabled('quality/pinyin')) {
    for (const found of findPinyinReadings(searched)) {
      const range = toSource(found);
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
  if ((suspect & MOJIBAKE_UNIT) !== 0 && ctx.enabled('quality/mojibake')) {
    for (const found of findMojibake(searched)) {
      const spot = toSource(found);
      diagnostics.push(
        ctx.diagnostic('quality/mojibake', {
          message: ctx.msg('quality/mojibake', { text: withContext(ctx.text, spot.start, spot.end) }),
          range: { start: spot.start, end: spot.end },
        }),
      );
    }
  }
  if ((suspect & ARTEFACT_UNIT) !== 0 && ctx.enabled('quality/converter-artefact')) {
    for (const artefact of findConverterArtefacts(searched)) {
      const range = toSource(artefact);
      const written = ctx.text.slice(range.start, range.end);
      // An escaped character stays, without its backslash; other artefacts go entirely.
      const newText = artefact.kind === 'escape' ? written.replace(/^\\/, '') : '';
      diagnostics.push(
        ctx.diagnostic('quality/converter-artefact', {
          message: ctx.msg('quality/converter-artefact', { text: excerpt(written, 40) }),
          range,
          suggestions: [{ message: ctx.msg('fix/delete-artefact', { text: excerpt(written, 40) }), edits: [{ range, newText }] }],
        }),
      );
    }
  }
  return diagnostics;
}

/** A garbled spot with up to three characters of its line on either side, to recognise it by. */
function withContext(text: string, start: number, end: number): string {
  const line = lineAt(text, start);
  const from = Math.max(line.start, start - 3);
  const lineEnd = Math.max(line.end, end);
  return excerpt(text.slice(from, Math.min(lineEnd, end + 3)), 40);
}
