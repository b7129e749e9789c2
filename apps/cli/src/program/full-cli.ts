import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, cachesEnabled } from './cache-directory.js';
import { codeCacheKey, runBundleWithCodeCache } from './code-cache-bundle.js';
import { enterEfficiencyMode } from './efficiency-mode.js';

/** Set by the bundler (scripts/bundle.mjs): a hash of `cli.cjs`, the whole command line in one file. */
declare const NIANBAO_BUNDLE_HASH: string;

/**
 * Runs the whole command line (`dist/cli.cjs`, beside this file) on `process.argv`: the commands that check
 * reports or compile templates, and the check workers. With the caches on, its compiled code comes from V8's
 * code cache taken at the end of an earlier run of the same command (see `runBundleWithCodeCache`): most
 * of the cold start of a check is compiling the engine's functions. Off the main thread (a check worker)
 * the cache of a one-file `validate` is used and never written. On the main thread V8 is first put in
 * efficiency mode (see `enterEfficiencyMode`).
 * @param launcher the launcher's URL (what worker threads start from)
 * @param command the command run (it keys the code cache)
 * @param worker whether this is a check worker thread
 */
export async function runFullCli(launcher: URL, command: string, worker: boolean): Promise<void> {
  if (!worker) enterEfficiencyMode(process.execArgv);
  const bundle = fileURLToPath(new URL('./cli.cjs', import.meta.url));
  const cache = cachesEnabled(process.env)
    ? {
        directory: path.join(cacheDirectory(process.env), 'code'),
        bundleHash: NIANBAO_BUNDLE_HASH,
        key: worker ? 'validate' : codeCacheKey(command, process.argv.slice(2), process.cwd()),
        write: !worker,
      }
    : undefined;
  const exports = runBundleWithCodeCache(bundle, cache);
  await (exports.main as (launcher: URL) => Promise<void>)(launcher);
}
