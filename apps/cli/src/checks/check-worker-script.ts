/**
 * The argument worker threads are started with (their `process.argv[2]`): the launcher and `main` tell a
 * worker by it without loading node:worker_threads, which `--help` and `templates` do not need.
 */
export const checkWorkerArgument = '--nianbao-check-worker';

let script = new URL('./check-worker.js', import.meta.url);

/** The module the worker threads of `--jobs N` start from: by default the check-worker module beside this one. */
export function checkWorkerScript(): URL {
  return script;
}

/**
 * Makes the worker threads of later runs start from `entry` instead: the bundled CLI is one file, and its
 * launcher serves checks when it runs off the main thread. (A module of its own, so that setting it does
 * not load the checks and the core.)
 */
export function setCheckWorkerScript(entry: URL): void {
  script = entry;
}
