import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../messages/diagnostic-codes.js';
import type { OffsetRange } from '../model/report.js';
import type { ValidationContext } from './validation-context.js';

/**
 * Most findings of one code listed for a report, for the codes a text can repeat without bound: a badly
 * converted document can hold hundreds of thousands of garbled spots, a hostile or broken one the same
 * sentence thousands of times. The rest are counted in one finding at the first of them (see
 * {@link listingLimit}), so that the findings, their fixes' verification and an editor's squiggles stay
 * bounded. Fixing the listed ones lets the next check list the rest.
 */
export const MAX_LISTED = 500;

/** The codes whose findings are capped at {@link MAX_LISTED}, and the code of the finding that counts the rest. */
const omittedCodeOf = {
  'quality/pinyin': 'quality/spots-omitted',
  'quality/mojibake': 'quality/spots-omitted',
  'quality/converter-artefact': 'quality/spots-omitted',
  'text/prose-mismatch': 'text/findings-omitted',
} as const satisfies Partial<Record<DiagnosticCode, DiagnosticCode>>;

/** A code whose findings are capped (see {@link MAX_LISTED}). */
export type CappedCode = keyof typeof omittedCodeOf;

/** Counts the findings of one capped code as a check finds them (see {@link listingLimit}). */
export interface ListingLimit {
  /** Whether the finding at `range` is listed (one of the first {@link MAX_LISTED}); counts it either way. */
  take(range: OffsetRange): boolean;
  /** Adds the finding that counts the ones not listed, if any, to the findings the limit was made with. */
  close(): void;
}

/**
 * A {@link ListingLimit} for the findings of `code` a check finds in the order of the text and pushes into
 * `into`: the first {@link MAX_LISTED} are listed; `close` adds the {@link omittedFinding} for the rest.
 */
export function listingLimit(ctx: ValidationContext, code: CappedCode, into: Diagnostic[]): ListingLimit {
  let found = 0;
  let firstOmitted: OffsetRange | undefined;
  return {
    take(range: OffsetRange): boolean {
      found++;
      if (found === MAX_LISTED + 1) firstOmitted = { start: range.start, end: range.end };
      return found <= MAX_LISTED;
    },
    close(): void {
      if (firstOmitted !== undefined) into.push(omittedFinding(ctx, code, found - MAX_LISTED, firstOmitted));
    },
  };
}

/**
 * The {@link MAX_LISTED} of `items` that come first in the text (by `rangeOf(item).start`, ties in the
 * order given), in the order given, for a check that finds them in another order (rule by rule); how
 * many were not listed, and the range of the first of those in the text.
 */
export function firstInText<T>(items: readonly T[], rangeOf: (item: T) => OffsetRange): { listed: T[]; omitted: number; firstOmitted?: OffsetRange } {
  if (items.length <= MAX_LISTED) return { listed: [...items], omitted: 0 };
  const starts = Float64Array.from(items, (item) => rangeOf(item).start).sort();
  const last = starts[MAX_LISTED - 1];
  // Every item before the last start listed goes, then as many at that start as there is room for.
  let room = MAX_LISTED - starts.findIndex((start) => start === last);
  const listed: T[] = [];
  let firstOmitted: OffsetRange | undefined;
  for (const item of items) {
    const range = rangeOf(item);
    if (range.start < last || (range.start === last && room-- > 0)) listed.push(item);
    else if (firstOmitted === undefined || range.start < firstOmitted.start) firstOmitted = range;
  }
  return { listed, omitted: items.length - MAX_LISTED, firstOmitted };
}

/**
 * The finding that counts the `count` findings of `code` not listed (`quality/spots-omitted` for garbled
 * text, `text/findings-omitted` for the text's statements), at `range`, the first of them, with
 * `Diagnostic.omitted` for fixing to count them.
 */
export function omittedFinding(ctx: ValidationContext, code: CappedCode, count: number, range: OffsetRange): Diagnostic {
  const omittedCode = omittedCodeOf[code];
  const params = { count, kind: ctx.msg(`code-description/${code}`), max: MAX_LISTED };
  return ctx.diagnostic(omittedCode, { message: ctx.msg(omittedCode, params), range: { start: range.start, end: range.end }, omitted: { code, count } });
}
