/** A stream that may be a terminal. */
export interface MaybeTerminal {
  isTTY?: boolean;
}

/**
 * Decides whether to colour output written to a stream: never when `NO_COLOR` is set or `FORCE_COLOR=0`,
 * always when `FORCE_COLOR` is set to anything else, otherwise only when the stream is a terminal.
 * An explicit `--color` / `--no-color` choice overrides all of it.
 */
export function supportsColour(stream: MaybeTerminal, env: NodeJS.ProcessEnv, choice?: boolean): boolean {
  if (choice !== undefined) return choice;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}
