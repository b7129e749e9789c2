import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspSession, repoRoot } from './lsp-harness.js';

const tmp = path.join(os.tmpdir(), 'nianbao-lsp-inheritance');
let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const nextRevision = readFileSync(path.join(repoRoot, 'grammars/examples/next-revision.nbt'), 'utf8');

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.message === 'string' ? d.message : d.message.value}`);

describe('a template that extends another, over stdio', () => {
  it('resolves the names it inherits (tables, sections, rows, columns): no false unresolved references', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'next-revision.nbt'));
    await session.open(uri, 'nianbao-template', nextRevision);
    const published = await session.waitForDiagnostics(uri, () => true, 20000);
    expect(summary(published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error))).toEqual([]);
    expect(summary(published.diagnostics.filter((d) => d.code === 'unresolved-reference'))).toEqual([]);
  });

  it('still reports a reference to a part the patches removed, at the reference', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'next-revision-removed.nbt'));
    const text = nextRevision.replace(
      '[cases, column] = sum([cases, leaves(parent(column)) except column])',
      '[cases, column] = sum([cases, leaves(parent(column)) except column]) + [cases, litigation.afterReview.total]',
    );
    expect(text).not.toBe(nextRevision);
    await session.open(uri, 'nianbao-template', text);
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 20000);
    const unresolved = published.diagnostics.filter((d) => d.code === 'unresolved-reference');
    expect(summary(unresolved)).toHaveLength(1);
    const at = text.indexOf('litigation.afterReview.total');
    const line = text.slice(0, at).split('\n').length - 1;
    expect(unresolved[0].range.start.line).toBe(line);
  });

});
