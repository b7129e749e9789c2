// Bundles the Node entry of the language server into one CommonJS file, out/server.cjs.
// Langium is ESM-only and VS Code loads CommonJS, so the server ships bundled: format cjs, platform node,
// no top-level await and no import.meta.url in the server code.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const watch = process.argv.includes('--watch');

const options = {
  absWorkingDir: root,
  entryPoints: ['src/node/main.ts'],
  outfile: 'out/server.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  // Workspace packages are bundled from their TypeScript sources.
  conditions: ['@nianbao/source'],
  sourcemap: true,
  sourcesContent: false,
  minify: false,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
};

if (watch) {
  const { context } = await import('esbuild');
  const ctx = await context(options);
  await ctx.watch();
} else {
  const result = await build({ ...options, metafile: true });
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`out/server.cjs ${(bytes / 1024).toFixed(0)} KiB`);
}
