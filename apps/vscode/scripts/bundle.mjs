// Bundles the extension into out/extension.cjs (CommonJS, `vscode` external) and copies the bundled
// language server (packages/language-server/out/server.cjs, and check-worker.cjs, the worker thread it checks
// reports in) beside it, so the .vsix is self-contained.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const serverOut = path.resolve(root, '..', '..', 'packages', 'language-server', 'out');
const server = path.join(serverOut, 'server.cjs');

await build({
  absWorkingDir: root,
  entryPoints: ['src/extension.ts'],
  outfile: 'out/extension.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['vscode'],
  conditions: ['@nianbao/source'],
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});

if (!existsSync(server)) {
  console.error(`missing ${server}: build @nianbao/language-server first`);
  process.exit(1);
}
mkdirSync(path.join(root, 'out'), { recursive: true });
for (const file of ['server.cjs', 'check-worker.cjs']) copyFileSync(path.join(serverOut, file), path.join(root, 'out', file));
console.log('out/extension.cjs, out/server.cjs, out/check-worker.cjs');
