import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DocumentFormattingRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type Diagnostic,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type LocationLink,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspSession, repoRoot, seedPath } from './lsp-harness.js';

const tmp = path.join(os.tmpdir(), 'nianbao-lsp');
let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

/** An invented template, small enough to reason about positions. */
const demo = `template demo-lsp {
    title "示例模板"
    notice "示例〔2026〕1号"
    years 2026 onward
    section overview "一、总体情况" prose
    section numbers "二、统计情况" table t1
    table t1 "统计表" {
        cells count
        columns {
            column a "甲"
            column b "乙"
        }
        rows {
            row first "第一项"
            row second "第二项"
            row total "合计"
        }
    }
    rule R1 on t1 error {
        title "合计" en "Total"
        message "{column}：合计（{rhs}）应等于各项之和（{lhs}）。" en "{column}: total ({rhs}) must equal the sum ({lhs})."
        for each column:
            [first, column] + [second, column] = [total, column]
    }
}
`;

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function positionOf(document: TextDocument, needle: string, occurrence = 0, delta = 1) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = document.getText().indexOf(needle, index + 1);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return document.positionAt(index + delta);
}

describe('templates over stdio (bundled server, Langium)', () => {
  it('reports a broken template at the position of its error, and a fixed one clean', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'broken.nbt'));
    const broken = demo.replace('[second, column] =', '[secnd, column] =');
    const document = await session.open(uri, 'nianbao-template', broken);
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const error = published.diagnostics.find((d) => d.severity === DiagnosticSeverity.Error);
    expect(error, JSON.stringify(published.diagnostics)).toBeDefined();
    const at = document.positionAt(broken.indexOf('secnd'));
    expect(error!.range.start).toEqual(at);
    expect(error!.message).toContain('secnd');

    // A syntax error: the missing closing brace of the rows block.
    const syntax = demo.replace('row total "合计"\n        }', 'row total "合计"\n');
    const seen = session.published.length;
    await session.change(uri, [{ text: syntax }]);
    const second = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 15000, seen);
    expect(second.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);

    const seen2 = session.published.length;
    await session.change(uri, [{ text: demo }]);
    const clean = await session.waitForDiagnostics(uri, () => true, 15000, seen2);
    expect(clean.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });

  it('words template diagnostics in the locale of the server: English with locale en, Chinese after a switch', async () => {
    session = await LspSession.start({ initializationOptions: { locale: 'en' } });
    const uri = fileUri(path.join(tmp, 'broken-en.nbt'));
    // A duplicate row id (a template check) and, since `second` is gone, an unresolved reference (Langium's linker).
    const broken = demo.replace('row second "第二项"', 'row first "第二项"');
    await session.open(uri, 'nianbao-template', broken);
    const isDuplicate = (d: Diagnostic) => d.code === 'duplicate-id';
    const isUnresolved = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code === 'linking-error';
    const en = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some(isDuplicate) && p.diagnostics.some(isUnresolved));
    expect(messageOf(en.diagnostics.find(isDuplicate)!)).toBe('Duplicate row id "first".');
    expect(messageOf(en.diagnostics.find(isUnresolved)!)).toBe(
      'Cannot resolve the reference "second": there is no row, column or quantifier variable of that name.',
    );
    expect(en.diagnostics.every((d) => !/\p{Script=Han}/u.test(messageOf(d).replace(/"[^"]*"/gu, ''))), JSON.stringify(en.diagnostics)).toBe(true);

    // Switching the locale publishes the same diagnostics again, in Chinese, without an edit.
    const seen = session.published.length;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { nianbao: { locale: 'zh-CN' } } });
    const zh = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some(isDuplicate), 15000, seen);
    expect(messageOf(zh.diagnostics.find(isDuplicate)!)).toBe('行 id “first”重复。');
    expect(messageOf(zh.diagnostics.find(isUnresolved)!)).toBe('无法解析引用“second”：没有这个名字的行、列或量词变量。');
    expect(zh.diagnostics.map((d) => d.range)).toEqual(en.diagnostics.map((d) => d.range));

    // A syntax error, worded from Chevrotain's message, in the locale of the moment.
    const seen2 = session.published.length;
    await session.change(uri, [{ text: demo.replace('row total "合计"\n        }', 'row total "合计"\n') }]);
    const syntax = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 15000, seen2);
    expect(syntax.diagnostics.map(messageOf).some((m) => m.startsWith('语法错误：')), JSON.stringify(syntax.diagnostics)).toBe(true);
  });

  it('completes keywords and row ids, goes to definitions, finds references and renames', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'demo.nbt'));
    const document = await session.open(uri, 'nianbao-template', demo);
    await session.waitForDiagnostics(uri);

    // Completion after `[` in the equation: the row ids.
    const inEquation = positionOf(document, '[first, column] +', 0, 1);
    const completion = await session.request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri },
      position: inEquation,
    });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['first', 'second', 'total']));

    // Completion of a template member: keywords.
    const memberStart = document.positionAt(demo.indexOf('    section overview') + 4);
    const keywords = await session.request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri },
      position: memberStart,
    });
    const keywordLabels = (Array.isArray(keywords) ? keywords : keywords.items).map((i) => i.label);
    expect(keywordLabels).toEqual(expect.arrayContaining(['section', 'table', 'rule']));

    // Definition of `second` in the equation: its row declaration.
    const usage = positionOf(document, 'second, column]', 0, 2);
    const definition = await session.request<Array<Location | LocationLink>>(DefinitionRequest.method, {
      textDocument: { uri },
      position: usage,
    });
    expect(definition.length).toBe(1);
    const target = definition[0];
    const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
    expect(range.start).toEqual(document.positionAt(demo.indexOf('row second') + 4));

    // References of `second`: the declaration and the use.
    const references = await session.request<Location[]>(ReferencesRequest.method, {
      textDocument: { uri },
      position: usage,
      context: { includeDeclaration: true },
    });
    expect(references.length).toBeGreaterThanOrEqual(2);

    // Rename `second` → `middle` everywhere.
    const rename = await session.request<WorkspaceEdit>(RenameRequest.method, {
      textDocument: { uri },
      position: usage,
      newName: 'middle',
    });
    const edits = Object.values(rename.changes ?? {}).flat();
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.every((e) => e.newText === 'middle')).toBe(true);
  });

  it('hovers, outlines, highlights and formats a template', async () => {
    session = await LspSession.start();
    const uri = fileUri(path.join(tmp, 'format.nbt'));
    const messy = demo
      .split('\n')
      .map((line) => line.trimStart())
      .join('\n')
      .replace('table t1 "统计表" {', 'table t1 "统计表"{');
    const document = await session.open(uri, 'nianbao-template', messy);
    await session.waitForDiagnostics(uri);

    const hover = await session.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri },
      position: positionOf(document, 'second, column]', 0, 2),
    });
    expect((hover?.contents as { value: string } | undefined)?.value ?? '').toContain('第二项');
    const keywordHover = await session.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri },
      position: positionOf(document, 'notice', 0, 1),
    });
    expect((keywordHover?.contents as { value: string } | undefined)?.value ?? '').toContain('通知');

    const symbols = await session.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
    const flat = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...flat(s.children ?? [])]);
    expect(flat(symbols)).toEqual(expect.arrayContaining(['demo-lsp', 't1', 'R1']));

    const tokens = await session.request<{ data: number[] }>(SemanticTokensRequest.method, { textDocument: { uri } });
    expect(Array.isArray(tokens.data)).toBe(true);

    const edits = await session.request<TextEdit[]>(DocumentFormattingRequest.method, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(edits.length).toBeGreaterThan(0);
    const formatted = TextDocument.applyEdits(document, edits);
    expect(formatted).toContain('\n        cells count\n');
    expect(formatted).toContain('\n            column a "甲"\n');
    expect(formatted).toContain('table t1 "统计表" {');
    // Formatting is stable: formatting the result changes nothing.
    const seen = session.published.length;
    await session.change(uri, [{ text: formatted }]);
    await session.waitForDiagnostics(uri, () => true, 15000, seen);
    const again = await session.request<TextEdit[]>(DocumentFormattingRequest.method, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'nianbao-template', 2, formatted), again)).toBe(formatted);
  });

  it('leaves the official templates as they are written when formatting them', async () => {
    session = await LspSession.start();
    for (const name of ['gov-disclosure-2019.nbt', 'gov-disclosure-2021.nbt']) {
      const uri = fileUri(path.join(tmp, 'official', name));
      const document = await session.open(uri, 'nianbao-template', readFileSync(path.join(repoRoot, 'grammars', name), 'utf8'));
      const published = await session.waitForDiagnostics(uri);
      expect(published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
      const edits = await session.request<TextEdit[]>(DocumentFormattingRequest.method, {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: true },
      });
      expect(TextDocument.applyEdits(document, edits)).toBe(document.getText());
    }
  });

  it('lets a workspace template override a built-in one and re-checks the reports that use it', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const reportUri = fileUri(path.join(tmp, 'override-report.md'));
    await session.open(reportUri, 'markdown', readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8'));
    const before = await session.waitForDiagnostics(reportUri, (p) => p.diagnostics.some((d) => (d.data as { rule?: string })?.rule === 'R2'));
    expect(before.diagnostics.some((d) => messageOf(d).includes('覆盖测试'))).toBe(false);

    const builtin = readFileSync(path.join(repoRoot, 'grammars', 'gov-disclosure-2019.nbt'), 'utf8');
    const marker = 'title "办理结果合计" en "Total of the results"\n        message "';
    expect(builtin).toContain(marker);
    const overridden = builtin.replace(marker, `${marker}覆盖测试：`);
    const templateUri = fileUri(path.join(tmp, 'gov-disclosure-2019.nbt'));
    const seen = session.published.length;
    await session.open(templateUri, 'nianbao-template', overridden);
    const after = await session.waitForDiagnostics(
      reportUri,
      (p) => p.diagnostics.some((d) => messageOf(d).includes('覆盖测试')),
      30000,
      seen,
    );
    const r2 = after.diagnostics.filter((d) => (d.data as { rule?: string })?.rule === 'R2');
    expect(r2.length).toBeGreaterThan(0);
    expect(r2.every((d) => messageOf(d).includes('覆盖测试'))).toBe(true);
  });
});
