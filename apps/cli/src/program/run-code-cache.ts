import type { CodeCacheControl } from './code-cache-bundle.js';

/**
 * The code cache of this run of the bundled command line (see `runBundleWithCodeCache`), when it has one:
 * set by `main`, told by the checks when the run's code is worth keeping.
 */
let control: CodeCacheControl | undefined;

/** Sets the code cache of this run (none: the command line runs from its sources, or the caches are off). */
export function setRunCodeCache(codeCache: CodeCacheControl | undefined): void {
  control = codeCache;
}

/** The code cache of this run, if any. */
export function runCodeCache(): CodeCacheControl | undefined {
  return control;
}
