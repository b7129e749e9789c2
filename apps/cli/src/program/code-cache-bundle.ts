import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Where and under which name the compiled code of a bundle is kept. */
export interface CodeCacheOptions {
  /** The directory of the cache files (created when the first one is written). */
  directory: string;
  /** A hash of the bundle's text: a cache file of another build is never offered to V8. */
  bundleHash: string;
  /** What the process is about to do (the command): each kind of run keeps the code it needs. */
  key: string;
  /**
   * When the cache file is written, if there was none or V8 rejected it: at the end of the process
   * (`exit`), when the bundle asks (`request`: a worker thread, which is terminated rather than ended, once
   * it has checked a first batch), or never (`false`).
   */
  write: 'exit' | 'request' | false;
  /**
   * The run is expected to hand its checks to worker threads (they were started early, see `runFullCli`):
   * its code is the command line without the checks, kept under a key of its own. Only a run whose checks
   * did run where this says writes the file at exit (see {@link CodeCacheControl.checksRunOn}).
   */
  checksOnWorkers?: boolean;
}

/**
 * What a bundle run with a code cache is given (its `main`'s second argument), to say when the compiled code
 * is worth keeping.
 */
export interface CodeCacheControl {
  /** Writes the cache file now, if it is to be written at all (none was there, or V8 rejected it); once. */
  save(): void;
  /**
   * Says where this run's checks ran: when not where the cache's key expects them (see
   * {@link CodeCacheOptions.checksOnWorkers}), nothing is written at exit, as this run's code is not what the
   * later runs of that key need (code without the checks, or with checks the dispatching runs never call).
   */
  checksRunOn(where: 'this-thread' | 'workers'): void;
  /**
   * Says that this run did work the later runs of its key will not do (it compiled a project template,
   * which they read back compiled): nothing is written at exit, and the next run writes the file. Its code
   * would hold the template compiler, about a megabyte more that every later run reads and never calls.
   */
  unlikeLaterRuns(): void;
}

/**
 * The CommonJS module wrapper, its start and its end: on the first line (line numbers in stack traces stay
 * those of the file's code), as scripts/bundle.mjs writes it around the bundle.
 */
export const moduleWrapper = ['(function (exports, require, module, __filename, __dirname) {', '\n})'] as const;

/**
 * Runs a CommonJS bundle (the whole command line in one file) with V8's code cache, kept between runs.
 *
 * Node's module compile cache keeps only the code compiled when a module is loaded — for a bundle, whose
 * modules are functions compiled when first called, almost nothing. Here the cache is taken at the end
 * of a run (`vm.Script#createCachedData`), so it holds the compiled code of every function the run used,
 * and the next run of the same command starts without parsing or compiling them. One file per command,
 * build (hash of the bundle), Node version and architecture; V8 rejects a file that does not fit (it is
 * then written again); beyond 24 files the oldest are removed. Every failure to read or write the cache
 * only means a slower start.
 * @returns the bundle's exports, and what tells when to write the cache
 */
export function runBundleWithCodeCache(bundle: string, cache: CodeCacheOptions | undefined): { exports: Record<string, unknown>; control: CodeCacheControl } {
  // Read as UTF-8 straight into a string (no Buffer on the way); the build writes the bundle ASCII-only,
  // which V8 keeps one byte per character. The build also writes it inside its module wrapper (see
  // `moduleWrapper`): a bundle without one is wrapped here, at the cost of one more copy of its text.
  const text = readFileSync(bundle, 'utf8');
  const source = text.startsWith(moduleWrapper[0]) ? text : `${moduleWrapper[0]}${text}${moduleWrapper[1]}`;
  const prefix = cache && `${cache.bundleHash}-${process.version}-${process.arch}-`;
  const file = cache && path.join(cache.directory, `${prefix}${cache.key.replace(/[^\w-]/g, '_')}.bin`);
  let cachedData: Buffer | undefined;
  if (file) {
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(source, {
    filename: bundle,
    ...(cachedData && { cachedData }),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  let wanted = Boolean(cache?.write && file && (cachedData === undefined || script.cachedDataRejected));
  const control: CodeCacheControl = {
    save: () => {
      if (!wanted) return;
      wanted = false;
      save(file!, cache!.directory, script);
    },
    checksRunOn: (where) => {
      if (cache?.write === 'exit' && (where === 'workers') !== (cache.checksOnWorkers === true)) wanted = false;
    },
    unlikeLaterRuns: () => {
      if (cache?.write === 'exit') wanted = false;
    },
  };
  if (wanted && cache?.write === 'exit') process.once('exit', () => control.save());
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, control };
}

/**
 * The code cache's key for a run of `command`: a run with templates of the project (`--template file.nbt`,
 * `--templates`, or, unless `--no-config`, a `nianbao.config.json` in the working directory, the first
 * input's directory or one of their parents) runs other code (reading compiled templates back, node:zlib for
 * their checksums) than one with the built-in templates only, and each keeps its own; with `--no-cache` such
 * a run compiles its templates every time, so it keeps one of its own too (with the template compiler, which
 * the runs reading them back compiled never call). Only which code is cached depends on it, never a result.
 */
export function codeCacheKey(command: string, args: readonly string[], cwd: string): string {
  const withTemplates = args.some((arg) => arg === '--templates' || arg.startsWith('--templates=') || /\.nbt$/i.test(arg));
  const firstInput = args.slice(1).find((arg) => !arg.startsWith('-'));
  const starts = [cwd, ...(firstInput ? [path.dirname(path.resolve(cwd, firstInput))] : [])];
  const project = withTemplates || (!args.includes('--no-config') && starts.some(hasProjectConfig));
  if (!project) return command;
  return args.includes('--no-cache') ? `${command}-project-no-cache` : `${command}-project`;
}

function hasProjectConfig(directory: string): boolean {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'nianbao.config.json'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

/** Cache files kept at most (several builds and Node versions may share a cache directory). */
const maxFiles = 24;

/** Writes the code cache atomically, then removes the oldest files beyond {@link maxFiles}. */
function save(file: string, directory: string, script: vm.Script): void {
  // Worker threads of one process may write at the same time: each its own temporary file.
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    const files = readdirSync(directory)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => ({ name, time: statSync(path.join(directory, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(maxFiles)) rmSync(path.join(directory, name), { force: true });
  } catch {
    // Not even the temporary file can be removed when the cache directory is unusable (a file, say).
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written there
    }
  }
}
