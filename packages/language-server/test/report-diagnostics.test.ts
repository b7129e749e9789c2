import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspSession, seedPath } from './lsp-harness.js';

const seed003 = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');
const reportUri = fileUri(path.join(os.tmpdir(), 'nianbao-lsp', '003_136fd1d98cf7f7a0.md'));

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

/** The lines of the （七）总计 row: from its label to the next row label (四、结转…). */
function totalRowLines(text: string): { from: number; to: number } {
  const document = TextDocument.create('x', 'markdown', 1, text);
  const label = text.indexOf('（七）总计');
  const next = text.indexOf('四、结转', label);
  expect(label).toBeGreaterThan(0);
  expect(next).toBeGreaterThan(label);
  return { from: document.positionAt(label).line, to: document.positionAt(next).line };
}

function arithmeticErrors(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.severity === DiagnosticSeverity.Error &&
      (d.data as { rule?: string } | undefined)?.rule === rule,
  );
}

describe('reports over stdio (bundled server)', () => {
  it('publishes the R1/R2 errors of seed 003 on the （七）总计 row, in Chinese by default', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    await session.open(reportUri, 'markdown', seed003);
    const published = await session.waitForDiagnostics(reportUri, (p) => p.diagnostics.length > 0);
    const rows = totalRowLines(seed003);
    for (const rule of ['R1', 'R2']) {
      const errors = arithmeticErrors(published.diagnostics, rule);
      expect(errors.length, `${rule} errors`).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.source).toBe('nianbao');
        expect(typeof error.code).toBe('string');
        expect(error.range.start.line).toBeGreaterThanOrEqual(rows.from);
        expect(error.range.start.line).toBeLessThanOrEqual(rows.to);
        expect(error.message).toMatch(/[\u4e00-\u9fff]/u);
      }
    }
    // The related locations point into the same document.
    const r2 = arithmeticErrors(published.diagnostics, 'R2')[0];
    expect(r2.relatedInformation?.every((r) => r.location.uri === published.uri)).toBe(true);
    // Findings beyond arithmetic are there too (sections 五 and 六 missing), with their own codes.
    expect(new Set(published.diagnostics.map((d) => d.code)).size).toBeGreaterThan(1);
  });

  it('applies the quick fix of the wrong total and the R1/R2 errors disappear', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    await session.open(reportUri, 'markdown', seed003);
    const first = await session.waitForDiagnostics(reportUri, (p) => arithmeticErrors(p.diagnostics, 'R2').length > 0);
    const target = arithmeticErrors(first.diagnostics, 'R2')[0];
    const actions = await session.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: reportUri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    expect(fix, 'a quick fix for R2').toBeDefined();
    expect(fix.kind).toBe('quickfix');
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    expect(change.textDocument.version).toBe(1);
    // Apply the edits as an editor would: one didChange with the edits, last first.
    const edits = [...(change.edits as TextEdit[])].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    const seen = session.published.length;
    await session.change(
      reportUri,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    const after = await session.waitForDiagnostics(reportUri, (p) => p.version === 2, 15000, seen);
    expect(arithmeticErrors(after.diagnostics, 'R1')).toEqual([]);
    expect(arithmeticErrors(after.diagnostics, 'R2')).toEqual([]);
    // The other findings are still reported.
    expect(after.diagnostics.length).toBeGreaterThan(0);
  });

  it('answers a hover on a table cell with its id, label, value and rules', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const document = await session.open(reportUri, 'markdown', seed003);
    const published = await session.waitForDiagnostics(reportUri, (p) => arithmeticErrors(p.diagnostics, 'R2').length > 0);
    const target = arithmeticErrors(published.diagnostics, 'R2')[0];
    const hover = await session.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: reportUri },
      position: target.range.start,
    });
    expect(hover).not.toBeNull();
    const text = (hover!.contents as { value: string }).value;
    expect(text).toContain('单元格');
    expect(text).toMatch(/`[\w.-]+`/u);
    expect(text).toContain('R2');
    expect(text).toContain('不成立');
    expect(text).toContain('总计');
    // Outside any table: no hover, no error.
    const none = await session.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: reportUri },
      position: document.positionAt(seed003.indexOf('依据') + 1),
    });
    expect(none).toBeNull();
  });

  it('shows the value a wrong total should have as an inlay hint, and offers a fix-all', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    await session.open(reportUri, 'markdown', seed003);
    const published = await session.waitForDiagnostics(reportUri, (p) => arithmeticErrors(p.diagnostics, 'R2').length > 0);
    const hints = await session.request<InlayHint[]>(InlayHintRequest.method, {
      textDocument: { uri: reportUri },
      range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } },
    });
    const rows = totalRowLines(seed003);
    const onTotal = hints.filter((h) => h.position.line >= rows.from && h.position.line <= rows.to);
    expect(onTotal.map((h) => h.label)).toEqual(['应为 2', '应为 2']);
    // Only the likely wrong cells get a hint: the other operands of the failed equations do not.
    expect(hints.length).toBe(onTotal.length);

    const fixAll = await session.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: reportUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(fixAll).toHaveLength(1);
    const edits = (fixAll[0].edit?.documentChanges?.[0] as TextDocumentEdit).edits;
    expect(edits.length).toBe(2);
    expect(published.diagnostics.length).toBeGreaterThan(0);
  });

  it('lists sections and tables as document symbols', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    await session.open(reportUri, 'markdown', seed003);
    await session.waitForDiagnostics(reportUri);
    const symbols = await session.request<DocumentSymbol[]>(DocumentSymbolRequest.method, {
      textDocument: { uri: reportUri },
    });
    const names = symbols.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['一、总体情况', '二、主动公开政府信息情况']));
    const tables = symbols.flatMap((s) => s.children ?? []);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(tables.some((t) => (t.children ?? []).some((row) => row.name.includes('总计')))).toBe(true);
  });

  it('publishes English findings when the locale is en', async () => {
    session = await LspSession.start({ initializationOptions: { locale: 'en', diagnostics: { debounceMs: 0 } } });
    await session.open(reportUri, 'markdown', seed003);
    const published = await session.waitForDiagnostics(reportUri, (p) => p.diagnostics.length > 0);
    const r2 = arithmeticErrors(published.diagnostics, 'R2')[0];
    expect(r2.message).toMatch(/[A-Za-z]{3,}/u);
  });
});
