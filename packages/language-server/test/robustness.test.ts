import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol';
import { fileUri, LspSession, repoRoot, seedPath } from './lsp-harness.js';

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const tmp = path.join(os.tmpdir(), 'nianbao-lsp');

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the server never crashes (bundled server over stdio)', () => {
  it('publishes nothing for an ordinary README.md and keeps answering', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const uri = fileUri(path.join(tmp, 'README.md'));
    await session.open(uri, 'markdown', readme);
    // A report opened after it is checked: so the README had its turn too.
    const reportUri = fileUri(path.join(tmp, 'after-readme.md'));
    await session.open(reportUri, 'markdown', readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8'));
    await session.waitForDiagnostics(reportUri, (p) => p.diagnostics.length > 0);
    expect(session.publishedFor(uri).every((p) => p.diagnostics.length === 0)).toBe(true);
    for (const method of [HoverRequest.method, DocumentSymbolRequest.method, CompletionRequest.method]) {
      const answer = await session.request(method, { textDocument: { uri }, position: { line: 0, character: 1 } });
      expect(answer ?? null).toBeNull();
    }
    const tokens = await session.request<{ data: number[] }>(SemanticTokensRequest.method, { textDocument: { uri } });
    expect(tokens.data).toEqual([]);
    expect(session.exited).toBeUndefined();
  });

  it('checks a report run into one line (crawled page text) but not the notices that define the format', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    // Without nianbao.reports.include: the content alone decides.
    const noticeUris: string[] = [];
    for (const name of ['2019-guobangongkaibanhan-60.txt', '2021-guobangongkaibanhan-30.txt']) {
      const uri = fileUri(path.join(tmp, name));
      noticeUris.push(uri);
      await session.open(uri, 'plaintext', readFileSync(path.join(repoRoot, 'packages', 'language-server', 'test', 'fixtures', 'notices', name), 'utf8'));
    }
    const seed = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8').replace(/\s*\n\s*/gu, ' ');
    const reportUri = fileUri(path.join(tmp, 'crawled-003.txt'));
    await session.open(reportUri, 'plaintext', seed);
    // Seed 003's wrong total (R1/R2) is found in the one-line text too.
    const published = await session.waitForDiagnostics(reportUri, (p) =>
      p.diagnostics.some((d) => ['R1', 'R2'].includes((d.data as { rule?: string } | undefined)?.rule ?? '')),
    );
    expect(published.diagnostics.length).toBeGreaterThan(0);
    // The notices were opened first and checked before the report: nothing was published for them.
    for (const uri of noticeUris) expect(session.publishedFor(uri).every((p) => p.diagnostics.length === 0)).toBe(true);
    expect(session.exited).toBeUndefined();
  });

  it('survives 200 random edits of a report and still answers', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const uri = fileUri(path.join(tmp, 'random-edits.md'));
    let document = await session.open(uri, 'markdown', readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8'));
    await session.waitForDiagnostics(uri);
    const next = random(20261124);
    const pieces = ['0', '7', '12', '|', '\t', '\n', '（七）总计', '、', '一、总体情况\n', '万元', ' ', '\r\n', '𠮷', '-', '表'];
    for (let i = 0; i < 200; i++) {
      const length = document.getText().length;
      const start = Math.floor(next() * (length + 1));
      const end = Math.min(length, start + (next() < 0.5 ? Math.floor(next() * 40) : 0));
      const text = next() < 0.3 ? '' : pieces[Math.floor(next() * pieces.length)].repeat(1 + Math.floor(next() * 3));
      document = await session.change(uri, [
        { range: { start: document.positionAt(start), end: document.positionAt(end) }, text },
      ]);
      if (i % 25 === 0) {
        // Requests interleaved with edits must still be answered.
        await session.request(HoverRequest.method, { textDocument: { uri }, position: document.positionAt(start) });
      }
    }
    // The random text may have stopped being a report (its findings are then withdrawn once, at whatever
    // version the server happened to check), so end with the report itself: that version must be checked.
    document = await session.change(uri, [{ text: readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8') }]);
    const last = document.version;
    const final = await session.waitForDiagnostics(uri, (p) => p.version === last);
    expect(final.diagnostics.some((d) => d.code === 'arithmetic/equation')).toBe(true);
    const position = document.positionAt(Math.floor(document.getText().length / 2));
    await session.request(HoverRequest.method, { textDocument: { uri }, position });
    await session.request(CodeActionRequest.method, {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    await session.request(InlayHintRequest.method, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } },
    });
    await session.request(FoldingRangeRequest.method, { textDocument: { uri } });
    const symbols = await session.request<DocumentSymbol[] | null>(DocumentSymbolRequest.method, { textDocument: { uri } });
    expect(symbols === null || Array.isArray(symbols)).toBe(true);
    expect(session.exited).toBeUndefined();
  });

  it('takes odd documents in its stride: empty, binary-looking, one huge line, unknown schemes', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const odd: Array<[string, string, string]> = [
      [fileUri(path.join(tmp, 'empty.md')), 'markdown', ''],
      [fileUri(path.join(tmp, 'binary.txt')), 'plaintext', '\u0000\u0001\ufffd\ud800'.repeat(500)],
      [fileUri(path.join(tmp, 'line.txt')), 'plaintext', '一、总体情况 二、主动公开政府信息情况 '.repeat(20000)],
      ['untitled:Untitled-1', 'markdown', '# 政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n'],
      [fileUri(path.join(tmp, 'weird.json')), 'json', '{"a": 1}'],
      [fileUri(path.join(tmp, 'garbage.nbt')), 'nianbao-template', '}}}{{{ template ][ 🙂 "unterminated'],
    ];
    for (const [uri, languageId, text] of odd) await session.open(uri, languageId, text);
    await session.waitForDiagnostics(odd[5][0], (p) => p.diagnostics.length > 0);
    for (const [uri] of odd) {
      await session.request(HoverRequest.method, { textDocument: { uri }, position: { line: 0, character: 3 } });
      await session.request(DocumentSymbolRequest.method, { textDocument: { uri } });
    }
    expect(session.exited).toBeUndefined();
  });
});
