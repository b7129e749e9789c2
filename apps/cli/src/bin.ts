#!/usr/bin/env node
import module from 'node:module';

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
