import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findConverterArtefacts, findMojibake, findPinyinReadings } from '../normalize/index.js';
import { ARTEFACT_UNIT, MOJIBAKE_UNIT, PINYIN_UNIT, suspectUnits } from './suspect-units.js';
import { excerpt, surroundings } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';
import { shownInPage } from './shown-in-page.js';

/** The character a reading was injected after, with the reading: "規(guī)". */
function readingContext(text: string, start: number, end: number): string {
  const before = text.codePointAt(start - 1) !== undefined && /[\uDC00-\uDFFF]/u.test(text[start - 1]) ? 2 : 1;
  return text.slice(Math.max(0, start - before), end);
}

/**
 * Text quality, per spot: injected Pinyin readings (each with a fix deleting it), mojibake, and document
 * converter leftovers (with a fix deleting them). Found on the original text — mojibake and leftovers of a
 * web page only where its reader sees them (see {@link shownInPage}): a browser's `<!-- saved from url=… -->`,
 * a style sheet or a script is not the report's text. A detector runs only when the text holds a unit its
 * findings need (see `suspectUnits`).
 */
export function checkTextQuality(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const shown = ctx.report.source.format === 'html' ? shownInPage(ctx.text, ctx.view) : () => true;
  const suspect = suspectUnits(ctx.text);
  if ((suspect & PINYIN_UNIT) !== 0 && ctx.enabled('quality/pinyin')) {
    // A reading needs a Han character and a tone-marked syllable in brackets: markup never looks like one,
    // and a normalised page has lost it, so it is not looked up (see `shownInPage`).
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
  if ((suspect & MOJIBAKE_UNIT) !== 0 && ctx.enabled('quality/mojibake')) {
    for (const spot of findMojibake(ctx.text)) {
      if (!shown(spot.start)) continue;
      diagnostics.push(
        ctx.diagnostic('quality/mojibake', {
          message: ctx.msg('quality/mojibake', { text: withContext(ctx.text, spot.start, spot.end) }),
          range: { start: spot.start, end: spot.end },
        }),
      );
    }
  }
  if ((suspect & ARTEFACT_UNIT) !== 0 && ctx.enabled('quality/converter-artefact')) {
    for (const artefact of findConverterArtefacts(ctx.text)) {
      if (!shown(artefact.start)) continue;
      const range = { start: artefact.start, end: artefact.end };
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
  const around = surroundings(text, start, end, 3);
  return excerpt(text.slice(around.start, around.end), 40);
}
