import { readFileSync } from 'node:fs';

/** Set by the bundler (scripts/bundle.mjs) in the bundled CLI, which has no package.json beside it to read. */
declare const NIANBAO_CLI_VERSION: string | undefined;

let cached: string | undefined = typeof NIANBAO_CLI_VERSION === 'string' ? NIANBAO_CLI_VERSION : undefined;

/** The version of the `@nianbao/cli` package (read from its package.json, next to `src/` and `dist/`). */
export function cliVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    cached = manifest.version;
  }
  return cached;
}
