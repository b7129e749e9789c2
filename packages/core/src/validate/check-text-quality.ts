import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OffsetRange } from '../model/report.js';
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
 * Most spots of one quality code listed for a report. A badly converted document can hold hundreds of
 * thousands (every Han character of a page read in the wrong encoding): the rest are counted in one
 * `quality/spots-omitted` finding at the first of them, so that the findings, their fixes' verification
 * and an editor's squiggles stay bounded. `--fix` mends the listed ones; the next check lists the rest.
 */
export const MAX_SPOTS_LISTED = 500;

/**
 * Text quality, per spot: injected Pinyin readings (each with a fix deleting it), mojibake, and document
 * converter leftovers (with a fix deleting them). Found on the original text — mojibake and leftovers of a
 * web page only where its reader sees them (see {@link shownInPage}): a browser's `<!-- saved from url=… -->`,
 * a style sheet or a script is not the report's text. A detector runs only when the text holds a unit its
 * findings need (see `suspectUnits`). At most {@link MAX_SPOTS_LISTED} spots of a code are listed.
 */
export function checkTextQuality(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const shown = ctx.report.source.format === 'html' ? shownInPage(ctx.text, ctx.view) : () => true;
  const suspect = suspectUnits(ctx.text);
  if ((suspect & PINYIN_UNIT) !== 0 && ctx.enabled('quality/pinyin')) {
    // A reading needs a Han character and a tone-marked syllable in brackets: markup never looks like one,
    // and a normalised page has lost it, so it is not looked up (see `shownInPage`).
    const listed = spotList(ctx, 'quality/pinyin', diagnostics);
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
    const listed = spotList(ctx, 'quality/mojibake', diagnostics);
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
    const listed = spotList(ctx, 'quality/converter-artefact', diagnostics);
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

/**
 * Counts the spots of one code as they are found: `take` says whether a spot is listed (the first
 * {@link MAX_SPOTS_LISTED}); `close` adds the `quality/spots-omitted` finding for the rest, if any.
 */
function spotList(ctx: ValidationContext, code: 'quality/pinyin' | 'quality/mojibake' | 'quality/converter-artefact', into: Diagnostic[]) {
  let found = 0;
  let firstOmitted: OffsetRange | undefined;
  return {
    take(spot: OffsetRange): boolean {
      found++;
      if (found === MAX_SPOTS_LISTED + 1) firstOmitted = { start: spot.start, end: spot.end };
      return found <= MAX_SPOTS_LISTED;
    },
    close(): void {
      if (firstOmitted === undefined) return;
      const params = { count: found - MAX_SPOTS_LISTED, kind: ctx.msg(`code-description/${code}`), max: MAX_SPOTS_LISTED };
      const omitted = { code, count: params.count };
      into.push(ctx.diagnostic('quality/spots-omitted', { message: ctx.msg('quality/spots-omitted', params), range: firstOmitted, omitted }));
    },
  };
}

/** A garbled spot with up to three characters of its line on either side, to recognise it by. */
function withContext(text: string, start: number, end: number): string {
  const around = surroundings(text, start, end, 3);
  return excerpt(text.slice(around.start, around.end), 40);
}
