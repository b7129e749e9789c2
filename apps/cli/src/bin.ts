#!/usr/bin/env node
import { processIo } from './program/cli-io.js';
import { run } from './program/run.js';

// A closed pipe (`nianbao validate … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
