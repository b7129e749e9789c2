// Bundles the `nianbao` command (src/bin.ts) with @nianbao/core (from its TypeScript sources) and every
// runtime dependency into dist/bin.js and its chunks in dist/chunks/, so that the package installs and runs
// without the repository, and a cold start reads a few files instead of hundreds of modules.
// dist/bin.js is a small launcher: it turns on Node's module compile cache, then imports the rest, which
// must therefore be in other files (the cache only applies to modules compiled after it is on). Each
// dynamic import (a command, the template compiler) is a chunk of its own, so `nianbao --help` does not
// read the core, and `nianbao validate` does not read Langium. Prints the size of each file.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

rmSync(path.join(root, 'dist/chunks'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/bin.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Workspace packages are bundled from their TypeScript sources.
  conditions: ['@nianbao/source'],
  define: { NIANBAO_CLI_VERSION: JSON.stringify(version) },
  // CommonJS dependencies (mammoth, …) call require() for Node built-ins: give each ES module one.
  banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module';\nconst require = __nianbaoCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
let total = 0;
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  total += output.bytes;
  if (output.bytes > 50_000 || file === 'dist/bin.js') console.log(`${file} ${(output.bytes / 1024).toFixed(0)} KiB`);
}
console.log(`dist/bin.js and dist/chunks: ${(total / 1024).toFixed(0)} KiB`);
