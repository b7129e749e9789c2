import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPath } from './lsp-harness.js';

// The same server in a browser: out/browser-server.js in a Web Worker of headless Chromium, spoken to with
// JSON-RPC messages over postMessage (no file system, no Node). Needs Debian's chromium (apt-get install
// chromium, or apps/vscode/e2e/install.sh); skipped with a message when it is not installed.
const chromium = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const bundle = path.resolve(import.meta.dirname, '..', 'out', 'browser-server.js');
const available = existsSync(chromium);
const reason = `skipped: ${chromium} is not installed (apt-get install chromium)`;

const page = `<!DOCTYPE html><html><body><script>
  const worker = new Worker('/browser-server.js');
  window.received = [];
  worker.onmessage = (event) => window.received.push(event.data);
  worker.onerror = (event) => window.received.push({ workerError: String(event.message) });
  window.send = (message) => worker.postMessage(message);
</script></body></html>`;

describe.skipIf(!available)(`the server in a browser Web Worker${available ? '' : ` — ${reason}`}`, () => {
  it('initialises, checks seed 003 and publishes its R2 errors', async () => {
    const script = readFileSync(bundle);
    const server = http.createServer((request, response) => {
      const isScript = request.url === '/browser-server.js';
      response.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html; charset=utf-8' });
      response.end(isScript ? script : page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const profile = mkdtempSync(path.join(os.tmpdir(), 'nianbao-chromium-'));
    const { chromium: launcher } = await import('playwright-core');
    const context = await launcher.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      await tab.goto(`http://127.0.0.1:${port}/`);
      const send = (message: unknown) =>
        tab.evaluate((m) => (globalThis as unknown as { send(m: unknown): void }).send(m), message);
      const waitFor = (predicate: string, timeout = 20000) =>
        tab.waitForFunction(`window.received.find(${predicate})`, undefined, { timeout }).then((handle) => handle.jsonValue());
      await send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnostics: { debounceMs: 0 } } } });
      const initialized = (await waitFor('(m) => m.id === 1 || m.workerError')) as { result?: { capabilities: { hoverProvider?: boolean } }; workerError?: string };
      expect(initialized.workerError).toBeUndefined();
      expect(initialized.result?.capabilities.hoverProvider).toBe(true);
      await send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const uri = 'inmemory:///003.md';
      await send({
        jsonrpc: '2.0',
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8') } },
      });
      const published = (await waitFor(
        `(m) => m.method === 'textDocument/publishDiagnostics' && m.params.diagnostics.length > 0`,
      )) as { params: { diagnostics: Array<{ data?: { rule?: string }; message: string }> } };
      const r2 = published.params.diagnostics.filter((d) => d.data?.rule === 'R2');
      expect(r2.length).toBe(2);
      expect(r2[0].message).toContain('（七）总计');
    } finally {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60000);
});

if (!available) console.info(`language-server browser test: ${reason}`);
