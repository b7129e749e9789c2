import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, type PackedInstall } from '../../../scripts/pack-install.js';
import { fileUri, LspSession, seedPath } from './lsp-harness.js';

/**
 * The language server for editors other than VS Code: `npm pack` of this package, `npm install --global` of
 * the tarball into an empty prefix, offline, then `nianbao-language-server --stdio` started as an editor
 * would (the installed command, not `node file`) checks seed 003 over LSP.
 */
const packageRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
let installed: PackedInstall;
let session: LspSession | undefined;
beforeAll(() => {
  installed = packAndInstall(packageRoot);
}, 180_000);
afterEach(async () => {
  await session?.stop();
  session = undefined;
});
afterAll(() => installed?.remove());

describe('the packed language server installed outside the repository', () => {
  it('needs no registry package and states the Node versions', () => {
    expect(installed.manifest.dependencies ?? {}).toEqual({});
    expect(installed.manifest.engines?.node).toBe('>=22.12');
  });

  it('runs as nianbao-language-server --stdio and publishes the failed equations of seed 003', async () => {
    session = await LspSession.start({
      initializationOptions: { diagnostics: { debounceMs: 0 } },
      command: { file: path.join(installed.prefix, 'bin', 'nianbao-language-server'), env: installed.env },
    });
    const uri = fileUri(path.join(installed.work, 'report.md'));
    await session.open(uri, 'markdown', readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8'));
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'arithmetic/equation'));
    expect(published.diagnostics.filter((d) => d.code === 'arithmetic/equation').length).toBeGreaterThanOrEqual(2);
  });

  it('is refused by an older Node with a clear message', () => {
    const result = installed.runWithOlderNode('nianbao-language-server', ['--stdio']);
    if (!result) return;
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs Node.js 22.12 or later');
  });
});
