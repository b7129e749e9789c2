import path from 'node:path';
import type { TemplateIrCache } from '@nianbao/core/project';
import { cacheDirectory, cachesEnabled } from '../program/cache-directory.js';
import { cliVersion } from '../program/cli-version.js';
import { runCodeCache } from '../program/run-code-cache.js';

/**
 * Set by the bundler (scripts/bundle.mjs): a hash of the sources of the template compiler the bundle was
 * built from, so that a rebuilt compiler never uses IR an older one wrote.
 */
declare const NIANBAO_BUILD_ID: string | undefined;

/** The option that turns the cache of compiled templates off: `--no-cache`. */
export interface TemplateCacheOptions {
  /** False with `--no-cache`. */
  cache?: boolean;
}

/**
 * The cache of compiled templates for a run (see `DiskTemplateIrCache` in `@nianbao/core/project`), in
 * `template-ir/` of the cache directory (see `cacheDirectory`); none with `--no-cache` or `NIANBAO_CACHE=0`. Run from
 * sources rather than the bundle, there is no build hash to tell compilers apart: the cache is then used
 * only in a directory given explicitly with `NIANBAO_CACHE_DIR`. A run that compiles a template and keeps
 * it writes no code cache (see `CodeCacheControl.unlikeLaterRuns`): the runs after it read the template
 * back and need no compiler (`validate` of one report with a project template: 694 → 670 M instructions).
 */
export async function templateIrCache(options: TemplateCacheOptions, env: NodeJS.ProcessEnv): Promise<TemplateIrCache | undefined> {
  if (options.cache === false || !cachesEnabled(env)) return undefined;
  const buildId = typeof NIANBAO_BUILD_ID === 'string' ? NIANBAO_BUILD_ID : undefined;
  if (buildId === undefined && !env.NIANBAO_CACHE_DIR) return undefined;
  const { DiskTemplateIrCache } = await import('@nianbao/core/project');
  return new DiskTemplateIrCache({
    directory: path.join(cacheDirectory(env), 'template-ir'),
    version: `${cliVersion()}+${buildId ?? 'sources'}`,
    onEntryWritten: () => runCodeCache()?.unlikeLaterRuns(),
  });
}
