#!/usr/bin/env node
// The `nianbao` command. A small file kept in the repository (not built), so that `npm ci` links the bin
// even before `npm run build` has written dist/ — npm links a workspace's bin only when the file exists at
// install time. It runs the built CLI, or says how to build it. Plain JavaScript that any Node parses: the
// built CLI checks the Node version itself and refuses older ones with a clear message.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'nianbao: 命令行工具尚未构建，请先在仓库根目录运行 npm run build。' +
      ' / nianbao: the CLI is not built yet: run `npm run build` at the root of the repository.\n',
  );
  process.exit(2);
}
await import(cli.href);
