import { z } from 'zod';

/** One acknowledged finding. Only `fingerprint` is matched; the rest is for the people reviewing the file. */
export const baselineEntrySchema = z.object({
  fingerprint: z.string().min(1),
  /** The report's identity (agency key and year, or the file name). */
  report: z.string(),
  code: z.string(),
  rule: z.string().optional(),
  /** The finding's message when it was acknowledged. */
  message: z.string().optional(),
});
/** One acknowledged finding. */
export type BaselineEntry = z.infer<typeof baselineEntrySchema>;

/** A baseline file: findings a person has looked at and accepted, which later runs do not report again. */
export const baselineSchema = z.object({
  version: z.literal(1),
  findings: z.array(baselineEntrySchema),
});
/** A baseline file. */
export type Baseline = z.infer<typeof baselineSchema>;

/** Thrown by {@link parseBaseline} for text that is not a baseline file. */
export class BaselineError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BaselineError';
  }
}

/** Reads a baseline file's text. */
export function parseBaseline(text: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(error instanceof Error ? error.message : String(error));
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) throw new BaselineError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/**
 * The text of a baseline file: entries without repeats, ordered by report, code and fingerprint (so that
 * a change shows as a small diff in review), two-space JSON with a final newline.
 */
export function serializeBaseline(entries: Iterable<BaselineEntry>): string {
  const unique = new Map<string, BaselineEntry>();
  for (const entry of entries) if (!unique.has(entry.fingerprint)) unique.set(entry.fingerprint, entry);
  const findings = [...unique.values()].sort(
    (a, b) => compare(a.report, b.report) || compare(a.code, b.code) || compare(a.fingerprint, b.fingerprint),
  );
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fingerprints of a baseline, for lookups. */
export function acknowledgedFingerprints(baseline: Baseline): ReadonlySet<string> {
  return new Set(baseline.findings.map((entry) => entry.fingerprint));
}
