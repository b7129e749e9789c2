import type { Locale } from '@nianbao/core';
import type { Translator } from '../i18n/translate.js';
import type { FileOutcome, RunSummary } from '../outcome/index.js';
import type { Style } from '../terminal/style.js';

/** The output formats of `nianbao validate`. */
export const outputFormats = ['pretty', 'json', 'jsonl', 'sarif'] as const;
/** An output format of `nianbao validate`. */
export type OutputFormat = (typeof outputFormats)[number];

/** What a formatter writes with and in which language. */
export interface FormatterContext {
  /** Writes to standard output. */
  write(text: string): void;
  style: Style;
  locale: Locale;
  t: Translator;
  /** Terminal width, when writing to a terminal. */
  columns?: number;
}

/**
 * Turns file outcomes into output. `file` is called once per input in input order (streaming formats
 * write at once), `finish` once at the end with the totals.
 */
export interface Formatter {
  file(outcome: FileOutcome): void;
  finish(summary: RunSummary): void;
}
