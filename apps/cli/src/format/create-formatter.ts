import type { Formatter, FormatterContext, OutputFormat } from './formatter.js';
import { JsonFormatter, JsonLinesFormatter } from './json-formatter.js';
import { PrettyFormatter } from './pretty-formatter.js';
import { SarifFormatter, type SarifOptions } from './sarif-formatter.js';

/** The formatter for an output format. */
export function createFormatter(format: OutputFormat, context: FormatterContext, sarif: SarifOptions): Formatter {
  switch (format) {
    case 'pretty':
      return new PrettyFormatter(context);
    case 'json':
      return new JsonFormatter(context);
    case 'jsonl':
      return new JsonLinesFormatter(context);
    case 'sarif':
      return new SarifFormatter(context, sarif);
  }
}
