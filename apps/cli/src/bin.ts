#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The engine needs Node ≥ 22.12 (Object.groupBy, Map.groupBy, …); on an older Node it would not fail
// cleanly but read reports wrongly, so refuse at once, in both languages (no locale is known yet).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `nianbao: 需要 Node.js 22.12 或更高版本，当前为 ${process.versions.node}。` +
      ` / nianbao needs Node.js 22.12 or later; this is ${process.versions.node}.\n`,
  );
  process.exit(2);
}

// Cache compiled bytecode of the CLI on disk (Node ≥ 22.1): a cold start then skips most of the parsing
// and compiling of the bundle. Must run before the bundle is imported, hence this small launcher.
module.enableCompileCache?.();

/** Set by the bundler (scripts/bundle.mjs): a hash of `cli.cjs`, the whole command line in one file. */
declare const NIANBAO_BUNDLE_HASH: string | undefined;

// The commands that check reports (and their worker threads) run from cli.cjs with V8's code cache taken
// at the end of an earlier run (see program/code-cache-bundle.ts): most of their cold start is compiling
// the engine's functions. The light commands (--help, templates, …) load only the chunks they need.
const launcher = new URL(import.meta.url);
const { checkWorkerArgument } = await import('./checks/check-worker-script.js');
const command = process.argv[2] ?? '';
const isWorker = command === checkWorkerArgument;
const checksReports = isWorker || command === 'validate' || command === 'extract' || command === 'audit';
if (checksReports && !isWorker) (await import('./program/efficiency-mode.js')).enterEfficiencyMode(process.execArgv);
const bundle = checksReports && typeof NIANBAO_BUNDLE_HASH === 'string' ? fileURLToPath(new URL('./cli.cjs', launcher)) : undefined;
const { cacheDirectory, cachesEnabled } = bundle ? await import('./program/cache-directory.js') : {};
if (bundle && cacheDirectory && cachesEnabled?.(process.env) && existsSync(bundle)) {
  const { codeCacheKey, runBundleWithCodeCache } = await import('./program/code-cache-bundle.js');
  const exports = runBundleWithCodeCache(bundle, {
    directory: path.join(cacheDirectory(process.env), 'code'),
    bundleHash: NIANBAO_BUNDLE_HASH!,
    // Worker threads use the code of a one-file `validate` (the checks) and never write.
    key: isWorker ? 'validate' : codeCacheKey(command, process.argv.slice(2), process.cwd()),
    write: !isWorker,
  });
  await (exports.main as (launcher: URL) => Promise<void>)(launcher);
} else {
  const { main } = await import('./nianbao.js');
  await main(launcher);
}
