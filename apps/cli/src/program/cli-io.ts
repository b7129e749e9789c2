/** An output stream as the CLI uses it. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The process surroundings a command runs in (injectable, so commands can be run in-process by tests). */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: AsyncIterable<Uint8Array | string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The real process streams. Standard input is opened when first read: `process.stdin` makes a stream of
 * the descriptor on first use (node:net for a pipe, file streams and node:fs/promises for a file), which a
 * run on named files never needs.
 */
export function processIo(): CliIo {
  const stdin: AsyncIterable<Uint8Array | string> = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
  return { stdout: process.stdout, stderr: process.stderr, stdin, env: process.env, cwd: process.cwd() };
}
