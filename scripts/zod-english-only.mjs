// An esbuild plugin for the bundles that include zod (the CLI's cli.cjs, the language server's): zod's
// `z.locales` namespace keeps English only.
//
// zod 4's entries re-export every one of its ~45 locales as `z.locales` (`export * as locales`, also in core),
// which no bundler can drop: about 300 KB of error-message tables, a tenth of cli.cjs and of the server,
// read and held at every start. The project never calls `z.locales.*()`: zod formats its own issues with its
// default configuration, English, which zod imports by itself (`locales/en.js`, untouched here). In these
// bundles `z.locales` has `en` only; calling another locale there is a TypeError.
import path from 'node:path';

/**
 * The plugin: zod's `locales/index.js`, imported from zod's own entries, becomes a module that
 * re-exports English only.
 * @returns an esbuild plugin
 */
export function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!/[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)) return undefined;
        return { path: path.join(path.dirname(path.dirname(args.importer)), 'locales', 'index.js'), namespace: 'zod-english-only' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

