// Latency of the bundled language server: from didChange to the publishDiagnostics of that version, on a
// 50 KB and a 1 MB report (seed 003 with its prose repeated), with the debounce off (the check itself) and at
// its default (150 ms, what a user sees). Targets: p95 ≤ 50 ms (50 KB) and ≤ 500 ms (1 MB), measured
// without debounce. Prints one JSON line. Run after the build: `node packages/language-server/bench/latency-bench.mjs`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.dirname(here);
const repoRoot = path.resolve(packageRoot, '..', '..');
const server = path.join(packageRoot, 'out', 'server.cjs');
const seed = readFileSync(path.join(repoRoot, 'examples', 'seeds', '003_136fd1d98cf7f7a0.txt'), 'utf8');
const edits = Number(process.env.NIANBAO_BENCH_EDITS ?? 30);
const targets = { '50KB': 50, '1MB': 500 };

if (!existsSync(server)) {
  console.error(`latency-bench: ${server} is missing; build first`);
  process.exit(1);
}

/** Seed 003 grown to `bytes` (UTF-8) by repeating the paragraphs of its first section. */
function reportOfSize(bytes) {
  const start = seed.indexOf('一、总体情况');
  const end = seed.indexOf('二、主动公开政府信息情况');
  const prose = seed.slice(start + '一、总体情况'.length, end);
  const head = seed.slice(0, end);
  const tail = seed.slice(end);
  const parts = [head];
  let size = Buffer.byteLength(seed);
  while (size < bytes) {
    parts.push(prose);
    size += Buffer.byteLength(prose);
  }
  return parts.join('') + tail;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label, text, debounceMs) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params);
    }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { diagnostics: { debounceMs } },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const uri = pathToFileURL(path.join(repoRoot, `bench-${label}.md`)).toString();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

  let version = 1;
  const first = published(version);
  const opened = performance.now();
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  const firstDiagnostics = await first;
  const openMs = performance.now() - opened;

  // Each edit flips one table value (the first digit after （七）总计) between 0 and 2: the findings change.
  const anchor = text.indexOf('（七）总计');
  const digitAt = anchor + text.slice(anchor).search(/\d/u);
  const before = text.slice(0, digitAt);
  const line = before.split('\n').length - 1;
  const character = digitAt - (before.lastIndexOf('\n') + 1);
  let current = text[digitAt];
  const times = [];
  for (let i = 0; i < edits; i++) {
    version += 1;
    const next = current === '0' ? '2' : '0';
    const done = published(version);
    const sent = performance.now();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: next }],
    });
    await done;
    times.push(performance.now() - sent);
    current = next;
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  times.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return {
    size: label,
    bytes: Buffer.byteLength(text),
    debounceMs,
    edits,
    openMs: round(openMs),
    findings: firstDiagnostics.diagnostics.length,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times.at(-1)),
  };
}

const results = [];
for (const [label, bytes] of [['50KB', 50 * 1024], ['1MB', 1024 * 1024]]) {
  const text = reportOfSize(bytes);
  for (const debounceMs of [0, 150]) results.push(await measure(label, text, debounceMs));
}
const pass = results.filter((r) => r.debounceMs === 0).every((r) => r.p95 <= targets[r.size]);
console.log(JSON.stringify({ bench: 'lsp-latency', unit: 'ms', targets, pass, results }));
