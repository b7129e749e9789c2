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

// Cache compiled bytecode of the CLI and its dependencies on disk (Node ≥ 22.1): a cold start then
// skips most of the parsing and compiling of the core's modules. Must run before they are imported.
module.enableCompileCache?.();

const { processIo } = await import('./program/cli-io.js');
const { run } = await import('./program/run.js');

// A closed pipe (`nianbao validate … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
