// Bundles the `nianbao` command with @nianbao/core (from its TypeScript sources) and every runtime dependency,
// so that the package installs and runs without the repository and a cold start reads a few files instead
// of hundreds of modules:
//   - dist/bin.js, a small launcher: it turns on Node's module compile cache, then imports the rest, which
//     must therefore be in other files (the cache only applies to modules compiled after it is on);
//   - dist/main.js, the light program (--help, --version, templates of the built-in ones) in one ES module
//     file: each module costs about 2 M instructions to load. The commands that need the engine or the
//     template compiler are handed over to cli.cjs there (src/program/delegated-commands.ts);
//   - dist/cli.cjs, the whole command line as one CommonJS file, which dist/full-cli.js runs with V8's code
//     cache for the commands that check reports (see src/program/code-cache-bundle.ts).
// Prints the size of each file.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAsciiOnly } from '../../../scripts/ascii-regexps.mjs';
import { zodEnglishOnly } from '../../../scripts/zod-english-only.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// A hash of everything the template compiler is built from (the core and the template language, and the
// locked dependency versions): compiled templates kept in the user's cache by one build are never used by
// another (see src/commands/template-cache.ts).
const repository = path.resolve(root, '../..');
const buildHash = createHash('sha256');
for (const source of ['packages/core/src', 'packages/template-language/src', 'package-lock.json']) {
  const full = path.join(repository, source);
  const files = source.endsWith('.json') ? [full] : readdirSync(full, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  for (const file of files.sort()) buildHash.update(path.relative(repository, file)).update('\0').update(readFileSync(file)).update('\0');
}
const buildId = buildHash.digest('hex').slice(0, 16);

// commander loads node:child_process (and with it net, dgram, streams: about a tenth of a bare Node start)
// for one thing nianbao never does, running executable subcommands: it gets it on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// node:fs/promises loads some thirty of Node's modules when required (streams, readline, its FileHandle:
// about 5 ms of a 230 ms cold validate), for the few calls a check makes of it (stat an input, read a
// project configuration). In cli.cjs those calls (stat, readFile, readdir) go to node:fs's callback
// functions, which fail with the same errors; any other function loads node:fs/promises on first use.
const fsPromisesOnUse = {
  name: 'fs-promises-on-use',
  setup(build) {
    build.onResolve({ filter: /^(node:)?fs\/promises$/ }, (args) =>
      args.namespace === 'fs-promises-on-use' ? { path: 'node:fs/promises', external: true } : { path: 'fs/promises', namespace: 'fs-promises-on-use' },
    );
    // An ES module, whose exports esbuild binds by name: one the code imports and this lacks fails the build.
    const onFirstUse = ['chmod', 'chown', 'mkdir', 'open', 'realpath', 'rename', 'rm', 'unlink', 'writeFile'];
    build.onLoad({ filter: /.*/, namespace: 'fs-promises-on-use' }, () => ({
      contents: [
        "import * as fs from 'node:fs';",
        'let loaded;',
        "const whole = () => (loaded ??= require('node:fs/promises'));",
        'const viaCallback = (name) => (...args) => new Promise((resolve, reject) => fs[name](...args, (error, value) => (error ? reject(error) : resolve(value))));',
        "export const stat = viaCallback('stat');",
        "export const readFile = viaCallback('readFile');",
        "export const readdir = viaCallback('readdir');",
        ...onFirstUse.map((name) => `export const ${name} = (...args) => whole().${name}(...args);`),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

// In cli.cjs a dynamic import of a Node built-in (`await import('node:crypto')`, loaded only when needed)
// would stay an import() and go through vm's experimental loader hook (a warning on stderr): it becomes a
// require() instead, still on first use.
const dynamicBuiltinsAsRequire = {
  name: 'dynamic-builtins-as-require',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'dynamic-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'dynamic-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// The whole command line as one CommonJS file, which the launcher runs with V8's code cache for the
// commands that check reports (src/program/code-cache-bundle.ts); its hash keys that cache. The file is
// written inside its module wrapper, a function expression (`moduleWrapper` there; on the first line, so
// line numbers stay those of the code): the launcher compiles the text as it reads it, where joining the
// wrapper to the 3 MB text made one more copy of it (about 800 more page faults, a tenth of a run's).
const moduleWrapper = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];
const commonJs = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/nianbao.ts' },
  outfile: 'dist/cli.cjs',
  // Without spaces and comments (names are kept for stack traces): a third less to read at each start.
  minifyWhitespace: true,
  minifySyntax: true,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  conditions: ['@nianbao/source'],
  plugins: [lazyChildProcess, fsPromisesOnUse, dynamicBuiltinsAsRequire, zodEnglishOnly()],
  define: {
    NIANBAO_CLI_VERSION: JSON.stringify(version),
    NIANBAO_BUILD_ID: JSON.stringify(buildId),
    'import.meta.url': '__nianbaoImportMetaUrl',
  },
  banner: { js: `${moduleWrapper[0]}const __nianbaoImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: moduleWrapper[1].trimStart() },
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
});
// Written ASCII-only (see scripts/ascii-regexps.mjs at the repository root), the source map moved to match:
// V8 then holds the 3.4 MB source one byte per character, and the launcher reads it without decoding
// UTF-8 (src/program/code-cache-bundle.ts).
writeAsciiOnly(commonJs.outputFiles);
if (/\bimport\(/.test(readFileSync(path.join(root, 'dist/cli.cjs'), 'utf8').replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
  throw new Error('dist/cli.cjs has a dynamic import(): it would need vm\'s experimental module loader');
}
const bundleHash = createHash('sha256').update(readFileSync(path.join(root, 'dist/cli.cjs'))).digest('hex').slice(0, 16);

rmSync(path.join(root, 'dist/chunks'), { recursive: true, force: true });

// The launcher and the light program, each one ES module file (a module costs about as much to load as
// the code of a small command: `--help` loaded nine, now two). The launcher imports the other two files
// rather than copies of them.
const besideLauncher = {
  name: 'beside-launcher',
  setup(build) {
    build.onResolve({ filter: /^\.\/nianbao\.js$/ }, (args) => (args.importer.endsWith(`${path.sep}bin.ts`) ? { path: './main.js', external: true } : undefined));
    build.onResolve({ filter: /(^|\/)full-cli\.js$/ }, (args) => (args.importer.endsWith('full-cli.ts') ? undefined : { path: './full-cli.js', external: true }));
  },
};
// In the light program, the commands that need the engine or the template compiler are handed over to the
// full one (src/program/delegated-commands.ts), and worker threads never start from it.
const delegatedCommands = path.join(root, 'src/program/delegated-commands.ts');
const lightProgram = {
  name: 'light-program',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/commands\/(validate|audit|extract|templates|check-template|new)-command\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: delegatedCommands } : undefined,
    );
    build.onResolve({ filter: /^\.\/checks\/check-worker\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: 'check-worker', namespace: 'not-here' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'not-here' }, () => ({ contents: "throw new Error('check workers start from cli.cjs');", loader: 'js' }));
  },
};
// An ES module's `import … from 'node:fs'` makes Node build the module's namespace, which reads every
// export — `fs.promises` among them, and with it node:fs/promises, readline and the stream modules (about
// 6 ms of a 40 ms bare start). Required (the banner gives each file a `require`), a built-in is the plain
// CommonJS object, and its lazy parts load only when used. Only for these: esbuild copies a required
// module's property descriptors, and that alone loads node:worker_threads for node:util, for example.
const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(build) {
    const filter = /^node:(buffer|events|fs|module|os|path|process|url|vm)$/;
    build.onResolve({ filter }, (args) => (args.kind === 'import-statement' || args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-require' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
rmSync(path.join(root, 'dist/main.js'), { force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/bin.ts', main: 'src/nianbao.ts', 'full-cli': 'src/program/full-cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Workspace packages are bundled from their TypeScript sources.
  conditions: ['@nianbao/source'],
  plugins: [besideLauncher, lightProgram, lazyChildProcess, builtinsAsRequire],
  define: { NIANBAO_CLI_VERSION: JSON.stringify(version), NIANBAO_BUILD_ID: JSON.stringify(buildId), NIANBAO_BUNDLE_HASH: JSON.stringify(bundleHash) },
  // CommonJS dependencies call require() for Node built-ins: give each ES module one.
  banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module';\nconst require = __nianbaoCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  console.log(`${file} ${(output.bytes / 1024).toFixed(0)} KiB`);
}
console.log(`dist/cli.cjs ${(readFileSync(path.join(root, 'dist/cli.cjs')).length / 1024).toFixed(0)} KiB`);
