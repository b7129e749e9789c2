#!/usr/bin/env node
import module from 'node:module';

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
// and compiling of the light program. Must run before it is imported, hence this small launcher.
module.enableCompileCache?.();

/** Set by the bundler (scripts/bundle.mjs): a hash of `cli.cjs`, the whole command line in one file. */
declare const NIANBAO_BUNDLE_HASH: string | undefined;

// Built, the CLI is three files beside this launcher (see scripts/bundle.mjs): the commands that check
// reports (and their worker threads) run from cli.cjs, the whole command line in one file, with V8's code
// cache (full-cli.js); the light ones (--help, templates, …) from main.js, which hands any other command
// over to cli.cjs. Unbuilt (from the sources), everything runs from nianbao.ts.
const launcher = new URL(import.meta.url);
const { checkWorkerArgument } = await import('./checks/check-worker-script.js');
const command = process.argv[2] ?? '';
const isWorker = command === checkWorkerArgument;
const checksReports = isWorker || command === 'validate' || command === 'extract' || command === 'audit';
if (checksReports && typeof NIANBAO_BUNDLE_HASH === 'string') {
  const { runFullCli } = await import('./program/full-cli.js');
  await runFullCli(launcher, command, isWorker);
} else {
  const { main } = await import('./nianbao.js');
  await main(launcher);
}
