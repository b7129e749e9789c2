import { checkWorkerArgument, type StartedCheckWorkers } from './checks/check-worker-script.js';
import type { CodeCacheControl } from './program/code-cache-bundle.js';
import { setRunCodeCache } from './program/run-code-cache.js';

/**
 * The `nianbao` command, started by the launcher `bin.ts` (which is also what worker threads run): on the
 * main thread it runs the command line and sets the exit code; on a worker thread it serves checks.
 * @param launcher the URL of the launcher, for the worker threads of `--jobs N`
 * @param codeCache the code cache the command line runs with, if any (see `runFullCli`)
 * @param early check workers the launcher started before loading the command line (see `runFullCli`)
 */
export async function main(launcher: URL, codeCache?: CodeCacheControl, early?: StartedCheckWorkers): Promise<void> {
  setRunCodeCache(codeCache);
  if (process.argv[2] === checkWorkerArgument && !(await import('node:worker_threads')).isMainThread) {
    await import('./checks/check-worker.js');
    return;
  }
  const { setCheckWorkerScript, setStartedCheckWorkers } = await import('./checks/check-worker-script.js');
  setCheckWorkerScript(launcher);
  setStartedCheckWorkers(early);
  const { processIo } = await import('./program/cli-io.js');
  const { run } = await import('./program/run.js');

  // A closed pipe (`nianbao validate … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  process.exitCode = await run(process.argv.slice(2), processIo());
}
