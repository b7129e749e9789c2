import type { FileOutcome, FileResult, RunSummary } from '../outcome/index.js';
import { contractSummary } from '../outcome/index.js';
import type { Formatter, FormatterContext } from './formatter.js';

/** Version of the JSON contract written by `--format json` and `--format jsonl`. */
export const jsonContractVersion = 1;

/**
 * `--format json`: one JSON document `{ version, files, summary }` written at the end (compact, one line).
 * Inputs that could not be read are not in `files`: they are reported on stderr and make the exit code 2.
 */
export class JsonFormatter implements Formatter {
  private readonly files: FileResult[] = [];

  constructor(private readonly context: Pick<FormatterContext, 'write'>) {}

  file(outcome: FileOutcome): void {
    if (outcome.result) this.files.push(outcome.result);
  }

  finish(summary: RunSummary): void {
    const document = { version: jsonContractVersion, files: this.files, summary: contractSummary(summary) };
    this.context.write(`${JSON.stringify(document)}\n`);
  }
}

/**
 * `--format jsonl`: one file object of the JSON contract per line, written as soon as the file is
 * checked (in input order), then one last line `{"version":1,"summary":{…}}`. Streaming consumers tell
 * the summary line apart by its `summary` key (file lines have `path`).
 */
export class JsonLinesFormatter implements Formatter {
  constructor(private readonly context: Pick<FormatterContext, 'write'>) {}

  file(outcome: FileOutcome): void {
    if (outcome.result) this.context.write(`${JSON.stringify(outcome.result)}\n`);
  }

  finish(summary: RunSummary): void {
    this.context.write(`${JSON.stringify({ version: jsonContractVersion, summary: contractSummary(summary) })}\n`);
  }
}
