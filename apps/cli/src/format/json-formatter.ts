import type { FileOutcome, FixReport, RunSummary } from '../outcome/index.js';
import { contractSummary } from '../outcome/index.js';
import type { Formatter, FormatterContext } from './formatter.js';

/** Version of the JSON contract written by `--format json` and `--format jsonl`. */
export const jsonContractVersion = 1;

/** What `--format json` writes before the first file's object. */
const documentHead = `{"version":${jsonContractVersion},"files":[`;

/**
 * `--format json`: one JSON document `{ version, files, summary }` (compact, one line), written as the
 * files are checked: its head and each file's object (in input order) at once, the summary at the end.
 * The bytes are those of stringifying the whole document, and nothing of a file is kept once it is
 * written, so the output takes no memory however many files a run checks. (It used to keep every file's
 * text for one write at the end, then join them: the output of 4,000 reports of the bench mix is 15 MB,
 * held up to three times over at the end.) The document is complete only when the run ends: a run cut
 * short leaves it unfinished (consumers that read while the run goes on take `jsonl`). Inputs that could
 * not be read are not in `files`: they are reported on stderr and make the exit code 2.
 */
export class JsonFormatter implements Formatter {
  private written = false;

  constructor(private readonly context: Pick<FormatterContext, 'write'>) {}

  file(outcome: FileOutcome): void {
    const json = resultJson(outcome);
    if (json === undefined) return;
    this.context.write(this.written ? `,${json}` : `${documentHead}${json}`);
    this.written = true;
  }

  finish(summary: RunSummary): void {
    this.context.write(`${this.written ? '' : documentHead}],"summary":${JSON.stringify(contractSummary(summary))}}\n`);
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

/**
 * A file's contract object as JSON text: as it came (see `FileOutcome.resultJson`), or serialised here;
 * with `--fix`, ending in what was done to the file (`fix`, see {@link FixReport}) when anything was.
 */
function resultJson(outcome: FileOutcome): string | undefined {
  const json = outcome.resultJson ?? (outcome.result && JSON.stringify(outcome.result));
  if (json === undefined || outcome.fix === undefined) return json;
  return `${json.slice(0, -1)},"fix":${JSON.stringify(fixObject(outcome.fix))}}`;
}

/** The contract's `fix` of a file: the fixes written (`applied`), and why none were (`skipped`), if so. */
function fixObject(fix: FixReport): { applied: number; skipped?: string } {
  return fix.skipped === undefined ? { applied: fix.applied } : { applied: fix.applied, skipped: fix.skipped };
}
