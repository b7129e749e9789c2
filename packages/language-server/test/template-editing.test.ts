import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  CompletionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspSession, repoRoot, serverPath } from './lsp-harness.js';

/**
 * The template side of the language server driven over stdio as an editor drives it: renaming dotted ids,
 * codes and versions on every diagnostic, closing buffers that are not template files on disk, error
 * responses that arrive as errors, completion scoped to a rule's table.
 */

const tmp = path.join(os.tmpdir(), 'nianbao-lsp-editing');
let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

/** Two tables; table t1 has a row group `results` with a total of its own. */
const grouped = `template demo-groups {
    title "示例模板"
    notice "示例〔2026〕2号"
    years 2026 onward
    section overview "一、总体情况" prose
    section numbers "二、统计情况" table t1, t2
    table t1 "办理表" {
        columns {
            column person "自然人"
            column total "总计"
        }
        rows {
            row received "收到"
            group results "办理结果" {
                row granted "公开"
                row refused "不公开"
                row total "合计"
            }
        }
    }
    table t2 "复议表" {
        columns {
            column upheld "维持"
            column corrected "纠正"
        }
        rows {
            row cases ""
        }
    }
    rule R1 on t1 error {
        title "合计" en "Total"
        message "合计不对。" en "The total is wrong."
        for each column:
            [results.total, column] = sum([leaves(results) except results.total, column])
    }
    rule R2 on t1 error {
        title "不超过" en "At most"
        message "超过收到数。" en "More than received."
        for each column:
            [results.total, column] <= [received, column]
    }
}
`;

function at(document: TextDocument, needle: string, occurrence = 0, delta = 1) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = document.getText().indexOf(needle, index + 1);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return document.positionAt(index + delta);
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
}

const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1);

describe('template editing over stdio (bundled server)', () => {
  it('renames a nested row by its local name and keeps the group prefix of every reference', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'rename.nbt'));
    const document = await session.open(uri, 'nianbao-template', grouped);
    const first = (await session.waitForDiagnostics(uri)).diagnostics;
    expect(errorsOf(first), JSON.stringify(first.map((d) => d.message))).toEqual([]);

    // From the declaration `row total` of the group: the declaration and the three `results.total`.
    const renamed = await session.request<WorkspaceEdit>(RenameRequest.method, {
      textDocument: { uri },
      position: at(document, 'row total', 0, 5),
      newName: 'subtotal',
    });
    const edits = renamed.changes?.[uri] ?? [];
    expect(edits).toHaveLength(4);
    const text = TextDocument.applyEdits(document, edits);
    expect(text).toContain('row subtotal "合计"');
    expect(text.match(/results\.subtotal/gu)).toHaveLength(3);
    expect(text).toContain('column total "总计"');
    const seen = session.published.length;
    await session.change(uri, [{ text }]);
    expect(errorsOf((await session.waitForDiagnostics(uri, () => true, 15000, seen)).diagnostics)).toEqual([]);

    // From the `results` part of a reference: the group, and the first part of every id under it.
    const current = session.documents.get(uri)!;
    const position = at(current, 'results.subtotal, column] <=', 0, 2);
    const range = await session.request<Range | null>(PrepareRenameRequest.method, { textDocument: { uri }, position });
    expect(range && current.getText().slice(current.offsetAt(range.start), current.offsetAt(range.end))).toBe('results');
    const group = await session.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri }, position, newName: 'outcome' });
    const regrouped = TextDocument.applyEdits(current, group.changes?.[uri] ?? []);
    expect(regrouped).toContain('group outcome "办理结果"');
    expect(regrouped).toContain('[outcome.subtotal, column] = sum([leaves(outcome) except outcome.subtotal, column])');
    expect(regrouped).toContain('[outcome.subtotal, column] <= [received, column]');
    const seen2 = session.published.length;
    await session.change(uri, [{ text: regrouped }]);
    expect(errorsOf((await session.waitForDiagnostics(uri, () => true, 15000, seen2)).diagnostics)).toEqual([]);
  });

  it('gives syntax and linking errors a code', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'codes.nbt'));
    await session.open(uri, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    const linking = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(errorsOf(linking.diagnostics).map((d) => d.code)).toEqual(['unresolved-reference']);

    const seen = session.published.length;
    await session.change(uri, [{ text: grouped.replace('row granted "公开"', 'row granted 公开') }]);
    const syntax = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 15000, seen);
    expect(syntax.diagnostics.every((d) => typeof d.code === 'string' && d.code !== ''), JSON.stringify(syntax.diagnostics)).toBe(true);
    expect(syntax.diagnostics.map((d) => d.code)).toContain('syntax-error');
  });

  it('publishes template diagnostics with the version of the text they are about', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'versions.nbt'));
    await session.open(uri, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    expect((await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0)).version).toBe(1);
    const seen = session.published.length;
    await session.change(uri, [{ text: grouped }]);
    const clean = await session.waitForDiagnostics(uri, (p) => p.version === 2, 15000, seen);
    expect(errorsOf(clean.diagnostics)).toEqual([]);
    expect(session.publishedFor(uri).every((p) => p.version !== undefined)).toBe(true);
  });

  it('keeps serving templates after an untitled template buffer is closed, and withdraws its diagnostics', async () => {
    session = await LspSession.start();
    // VS Code sends exactly this when a user sets an untitled buffer to the template language.
    const untitled = 'untitled:Untitled-1';
    await session.open(untitled, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    const before = await session.waitForDiagnostics(untitled, (p) => p.diagnostics.length > 0);
    expect(errorsOf(before.diagnostics)).toHaveLength(1);
    const seen = session.published.length;
    await session.close(untitled);
    await session.waitForDiagnostics(untitled, (p) => p.diagnostics.length === 0, 15000, seen);

    // A template of another extension, likewise.
    const other = fileUri(path.join(tmp, 'not-a-template.txt'));
    await session.open(other, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    await session.waitForDiagnostics(other, (p) => p.diagnostics.length > 0);
    const seen2 = session.published.length;
    await session.close(other);
    await session.waitForDiagnostics(other, (p) => p.diagnostics.length === 0, 15000, seen2);

    // Later templates are still served: diagnostics, hover, completion.
    const uri = fileUri(path.join(tmp, 'after-close.nbt'));
    const document = await session.open(uri, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(errorsOf(published.diagnostics)).toHaveLength(1);
    const hover = await session.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: at(document, 'row granted', 0, 5) });
    expect(JSON.stringify(hover)).toContain('公开');
    const completion = await session.request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri },
      position: at(document, '[results.total, column] <=', 0, 1),
    });
    expect(labels(completion)).toContain('received');
    expect(session.stderr).not.toContain('no services for the extension');
  });

  it('withdraws the diagnostics of a closed template file that is not on disk', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'never-saved', 'draft.nbt'));
    await session.open(uri, 'nianbao-template', grouped.replace('[received, column]', '[recieved, column]'));
    await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const seen = session.published.length;
    await session.close(uri);
    const withdrawn = await session.waitForDiagnostics(uri, () => true, 15000, seen);
    expect(withdrawn.diagnostics).toEqual([]);
  });

  it('answers a request for a template document it does not know with an error response, not a result', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'nowhere', 'unknown.nbt'));
    const request = session.request<unknown>(DocumentSymbolRequest.method, { textDocument: { uri } });
    const outcome = await request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).toHaveProperty('error');
    const { error } = outcome as { error: unknown };
    expect(error).toBeInstanceOf(ResponseError);
    expect([LSPErrorCodes.ServerCancelled, LSPErrorCodes.RequestFailed, ErrorCodes.InternalError]).toContain((error as ResponseError<unknown>).code);
  });

  it('answers a request cancelled while its template is rebuilt with a cancellation error, not a result', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'cancel.nbt'));
    const official = readFileSync(path.join(repoRoot, 'grammars', 'gov-disclosure-2021.nbt'), 'utf8');
    await session.open(uri, 'nianbao-template', official);
    await session.waitForDiagnostics(uri);
    // An edit starts a rebuild; a request sent with it waits for the rebuild, and is cancelled meanwhile.
    await session.change(uri, [{ text: official.replace('years 2021 onward', 'years 2022 onward') }]);
    const source = new CancellationTokenSource();
    const position = { line: official.split('\n').findIndex((line) => line.includes('row newReceived')), character: 12 };
    const request = session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } }, source.token);
    source.cancel();
    const outcome = await request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('result' in outcome) {
      // The rebuild finished before the cancellation arrived: a real answer, never an error object.
      expect(outcome.result).not.toHaveProperty('code');
    } else {
      expect(outcome.error).toBeInstanceOf(ResponseError);
      expect((outcome.error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    }
  });

  it('bundles one copy of vscode-jsonrpc, so every ResponseError is recognised as one', () => {
    // The bundle is minified: its source map lists the files it was built from.
    const { sources } = JSON.parse(readFileSync(`${serverPath}.map`, 'utf8')) as { sources: string[] };
    const copies = new Set(sources.flatMap((source) => /^(\S*vscode-jsonrpc)\/lib\/common\/connection\.js$/u.exec(source)?.[1] ?? []));
    expect([...copies]).toHaveLength(1);
  });

  it('completes only the ids of the rule\'s table and of the axis at the cursor', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'complete.nbt'));
    const document = await session.open(uri, 'nianbao-template', grouped);
    await session.waitForDiagnostics(uri);
    const rows = await session.request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri },
      position: at(document, '[received, column]', 0, 1),
    });
    expect(labels(rows)).toEqual(expect.arrayContaining(['received', 'results', 'results.granted', 'results.total']));
    expect(labels(rows)).not.toContain('cases');
    expect(labels(rows)).not.toContain('upheld');
    expect(labels(rows)).not.toContain('person');
    const columns = await session.request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri },
      position: at(document, 'column] <=', 0, 0),
    });
    expect(labels(columns)).toEqual(expect.arrayContaining(['person', 'total', 'column']));
    expect(labels(columns)).not.toContain('upheld');
    expect(labels(columns)).not.toContain('received');
  });
});
