// Bundles the language server: the Node entry into one CommonJS file, out/server.cjs (Langium is ESM-only
// and VS Code loads CommonJS, so the server ships bundled: format cjs, platform node, no top-level await and
// no import.meta.url in the server code), and the browser entry into out/browser-server.js (a Web Worker
// script; building it proves the server core stays free of Node-only APIs).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { writeAsciiOnly } from '../../../scripts/ascii-regexps.mjs';
import { zodEnglishOnly } from '../../../scripts/zod-english-only.mjs';

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
  // Minified (function names kept for stack traces; the source maps give the rest): half the size to load
  // and to keep. V8 holds a script with any non-ASCII character as a two-byte string (regular expressions
  // keep their Chinese characters): 8 MB of the server's heap and 5 MB of its check worker's unminified.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
  // zod's locales other than English, never used (see zod-english-only.mjs).
  plugins: [zodEnglishOnly()],
  // out/server.cjs is also the `nianbao-language-server` command of the packed package.
  banner: { js: '#!/usr/bin/env node' },
};

const browserOptions = {
  ...options,
  banner: undefined,
  entryPoints: ['src/browser/main.ts'],
  outfile: 'out/browser-server.js',
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
};

// The worker thread the Node server checks reports in (out/check-worker.cjs, beside out/server.cjs).
const workerOptions = {
  ...options,
  banner: undefined,
  entryPoints: ['src/node/check-worker.ts'],
  outfile: 'out/check-worker.cjs',
};

if (watch) {
  const { context } = await import('esbuild');
  for (const entry of [options, workerOptions]) await (await context(entry)).watch();
} else {
  for (const entry of [options, workerOptions, browserOptions]) {
    const result = await build({ ...entry, write: false });
    // Written ASCII-only (see ascii-regexps.mjs), the source map moved to match.
    const ascii = writeAsciiOnly(result.outputFiles);
    console.log(`${entry.outfile} ${(Buffer.byteLength(ascii.code) / 1024).toFixed(0)} KiB (${ascii.escaped} patterns escaped)`);
  }
  chmodSync(path.join(root, options.outfile), 0o755);
}
