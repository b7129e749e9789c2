import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findConverterArtefacts, findMojibake, findPinyinReadings } from '../normalize/index.js';
import { ARTEFACT_UNIT, MOJIBAKE_UNIT, PINYIN_UNIT, suspectUnits } from './suspect-units.js';
import { listingLimit } from './listing-limit.js';
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
 * findings need (see `suspectUnits`). At most `MAX_LISTED` spots of a code are listed (see `listingLimit`).
 */
export function checkTextQuality(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const shown = ctx.report.source.format === 'html' ? shownInPage(ctx.text, ctx.view) : () => true;
  const suspect = suspectUnits(ctx.text);
  if ((suspect & PINYIN_UNIT) !== 0 && ctx.enabled('quality/pinyin')) {
    // A reading needs a Han character and a tone-marked syllable in brackets: markup never looks like one,
    // and a normalised page has lost it, so it is not looked up (see `shownInPage`).
    const listed = listingLimit(ctx, 'quality/pinyin', diagnostics);
    for (const range of findPinyinReadings(ctx.text)) {
      if (!listed.take(range)) continue;
      const reading = ctx.text.slice(range.start, range.end);
      diagnostics.push(
        ctx.diagnostic('quality/pinyin', {
          message: ctx.msg('quality/pinyin', { text: readingContext(ctx.text, range.start, range.end), reading }),
          range,
          suggestions: [{ message: ctx.msg('fix/delete-pinyin', { reading }), edits: [{ range, newText: '' }] }],
        }),
      );
    }
    listed.close();
  }
  if ((suspect & MOJIBAKE_UNIT) !== 0 && ctx.enabled('quality/mojibake')) {
    const listed = listingLimit(ctx, 'quality/mojibake', diagnostics);
    for (const spot of findMojibake(ctx.text)) {
      if (!shown(spot.start) || !listed.take(spot)) continue;
      diagnostics.push(
        ctx.diagnostic('quality/mojibake', {
          message: ctx.msg('quality/mojibake', { text: withContext(ctx.text, spot.start, spot.end) }),
          range: { start: spot.start, end: spot.end },
        }),
      );
    }
    listed.close();
  }
  if ((suspect & ARTEFACT_UNIT) !== 0 && ctx.enabled('quality/converter-artefact')) {
    const listed = listingLimit(ctx, 'quality/converter-artefact', diagnostics);
    for (const artefact of findConverterArtefacts(ctx.text)) {
      if (!shown(artefact.start) || !listed.take(artefact)) continue;
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
    listed.close();
  }
  return diagnostics;
}

/** A garbled spot with up to three characters of its line on either side, to recognise it by. */
function withContext(text: string, start: number, end: number): string {
  const around = surroundings(text, start, end, 3);
  return excerpt(text.slice(around.start, around.end), 40);
}
