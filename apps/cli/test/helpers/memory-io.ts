import type { CliIo } from '../../src/program/cli-io.js';

/** The CLI's input and output in memory, for running a command in-process: what it wrote is read back. */
export interface MemoryIo extends CliIo {
  /** Everything written to standard output so far. */
  out: () => string;
  /** Everything written to standard error so far. */
  err: () => string;
}

/** An empty standard input, no environment, the given working directory (default: the process's). */
export function memoryIo(cwd: string = process.cwd()): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: (async function* () {})(),
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}
