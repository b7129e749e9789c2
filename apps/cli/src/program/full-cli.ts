import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultJobs } from '../checks/default-jobs.js';
import { earlyStartEntriesPerJob, folderEntriesOf, namesJobs, requestedJobsOf, startCheckWorkers, type StartedCheckWorkers } from '../checks/check-worker-script.js';
import { cacheDirectory, cachesEnabled } from './cache-directory.js';
import { codeCacheKey, runBundleWithCodeCache, type CodeCacheControl } from './code-cache-bundle.js';
import { enterEfficiencyMode } from './efficiency-mode.js';
import { keepYoungGenerationSmall } from './young-generation.js';
import { sizeOldGeneration } from './old-generation.js';
import { markOldGenerationAtOnce } from './atomic-marking.js';

/** Set by the bundler (scripts/bundle.mjs): a hash of `cli.cjs`, the whole command line in one file. */
declare const NIANBAO_BUNDLE_HASH: string;

/**
 * Runs the whole command line (`dist/cli.cjs`, beside this file) on `process.argv`: the commands that check
 * reports or compile templates, and the check workers. With the caches on, its compiled code comes from V8's
 * code cache taken at the end of an earlier run of the same command (see `runBundleWithCodeCache`): most
 * of the cold start of a check is compiling the engine's functions. A check worker thread has a cache file
 * of its own (`check-worker`), which the first worker to check a batch writes when it is missing; the main
 * thread of a run that started its workers early keeps one of its own too (`validate-dispatch`, …), and a
 * main thread whose checks ran elsewhere than its key expects writes none (see `checksRunOn`). On the
 * main thread V8 is first put in efficiency mode (see `enterEfficiencyMode`), its old generation made to
 * grow more and that of the workers it may start to start larger (see `sizeOldGeneration`) and marked in
 * one pause rather than in steps (see `markOldGenerationAtOnce`), and its young generation kept
 * small (see `keepYoungGenerationSmall`; a run of many files lets it grow, see `youngGenerationForRun`).
 * @param launcher the launcher's URL (what worker threads start from)
 * @param command the command run (it keys the code cache)
 * @param worker whether this is a check worker thread
 */
export async function runFullCli(launcher: URL, command: string, worker: boolean): Promise<void> {
  if (!worker) {
    enterEfficiencyMode(process.execArgv);
    sizeOldGeneration(process.execArgv);
    markOldGenerationAtOnce(process.execArgv);
  }
  const early = worker ? undefined : startEarlyWorkers(launcher, command, process.argv.slice(3));
  // V8's flags are the process's: kept small, the young generation of the workers started early would be
  // scavenged over and over while they load (measured: their gain gone, 4 % more CPU); their run, of many
  // files, lets it grow anyway (see `youngGenerationForRun`).
  if (!worker && !early) keepYoungGenerationSmall(process.execArgv);
  const bundle = fileURLToPath(new URL('./cli.cjs', import.meta.url));
  const cache = cachesEnabled(process.env)
    ? {
        directory: path.join(cacheDirectory(process.env), 'code'),
        bundleHash: NIANBAO_BUNDLE_HASH,
        // A run that started its workers early hands them its checks: its own code, the dispatching,
        // is kept apart from that of a run checking on this thread (it would lack the checks).
        key: worker ? 'check-worker' : `${codeCacheKey(command, process.argv.slice(2), process.cwd())}${early ? '-dispatch' : ''}`,
        write: worker ? ('request' as const) : ('exit' as const),
        checksOnWorkers: !worker && early !== undefined,
      }
    : undefined;
  const { exports, control } = runBundleWithCodeCache(bundle, cache);
  await (exports.main as (launcher: URL, codeCache: CodeCacheControl, early?: StartedCheckWorkers) => Promise<void>)(launcher, control, early);
}

/**
 * The check workers of a `validate` or `audit` on folders, started at once (at most one per core): their
 * start-up — Node's, then loading the command line — runs beside the main thread's own instead of after it,
 * when the inputs are known. With `--jobs N` (N ≥ 2), on folders holding at least
 * {@link earlyStartEntriesPerJob} entries per job; without the option, as many as the run would take for
 * as many files as the folders hold entries (see `defaultJobs`), when that is two or more. They wait for
 * their settings; a run with fewer files than jobs stops the ones it does not need. A run on a file or a
 * handful of them starts none: there, workers that end up unused, or used for a moment, cost more than they
 * save (they are stopped only at exit).
 */
function startEarlyWorkers(launcher: URL, command: string, args: readonly string[]): StartedCheckWorkers | undefined {
  if (command !== 'validate' && command !== 'audit') return undefined;
  let jobs: number;
  if (namesJobs(args)) {
    const requested = requestedJobsOf(args);
    if (requested === undefined || requested < 2 || folderEntriesOf(args) < requested * earlyStartEntriesPerJob) return undefined;
    jobs = requested;
  } else {
    jobs = defaultJobs(folderEntriesOf(args));
    if (jobs < 2) return undefined;
  }
  return startCheckWorkers(launcher, Math.min(jobs, availableParallelism()));
}
