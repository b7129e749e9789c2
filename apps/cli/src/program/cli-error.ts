/** Exit codes of every nianbao command. */
export const ExitCode = {
  /** No error found (warnings allowed unless `--max-warnings` is exceeded). */
  ok: 0,
  /** Errors found (or too many warnings). */
  problems: 1,
  /** Usage or I/O failure: bad option, missing or unreadable file, unknown template. */
  failure: 2,
} as const;

/** A failure to report as one line on stderr, without a stack trace, with an exit code. */
export class CliError extends Error {
  /**
   * @param message the line to print (already worded in the output locale)
   * @param exitCode the process exit code (default 2)
   */
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
