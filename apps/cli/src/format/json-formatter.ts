import type { FileOutcome, RunSummary } from '../outcome/index.js';
import { contractSummary } from '../outcome/index.js';
import type { Formatter, FormatterContext } from './formatter.js';

/** Version of the JSON contract written by `--format json` and `--format jsonl`. */
export const jsonContractVersion = 1;

/**
 * `--format json`: one JSON document `{ version, files, summary }` written at the end (compact, one line).
 * Inputs that could not be read are not in `files`: they are reported on stderr and make the exit code 2.
 * Each file's object is turned into JSON text as it arrives and only the text is kept: the document at
 * the end is those texts joined (the same bytes as stringifying it whole), so the last file is not
 * followed by a pause to serialise them all, and the objects die young instead of filling the heap.
 */
export class JsonFormatter implements Formatter {
  private readonly files: string[] = [];

  constructor(private readonly context: Pick<FormatterContext, 'write'>) {}

  file(outcome: FileOutcome): void {
    const json = resultJson(outcome);
    if (json !== undefined) this.files.push(json);
  }

  finish(summary: RunSummary): void {
    const files = this.files.join(',');
    this.context.write(`{"version":${jsonContractVersion},"files":[${files}],"summary":${JSON.stringify(contractSummary(summary))}}\n`);
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
    const json = resultJson(outcome);
    if (json !== undefined) this.context.write(`${json}\n`);
  }

  finish(summary: RunSummary): void {
    this.context.write(`${JSON.stringify({ version: jsonContractVersion, summary: contractSummary(summary) })}\n`);
  }
}

/** A file's contract object as JSON text: as it came (see `FileOutcome.resultJson`), or serialised here. */
function resultJson(outcome: FileOutcome): string | undefined {
  return outcome.resultJson ?? (outcome.result && JSON.stringify(outcome.result));
}
