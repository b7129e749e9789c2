import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The version of the `@nianbao/cli` package (read from its package.json, next to `src/` and `dist/`). */
export function cliVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    cached = manifest.version;
  }
  return cached;
}
