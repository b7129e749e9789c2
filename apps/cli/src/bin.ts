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
// and compiling of the bundle. Must run before the bundle is imported, hence this small launcher.
module.enableCompileCache?.();

const { main } = await import('./nianbao.js');
await main(new URL(import.meta.url));
