import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import type { NewReport, ReportStatus, ReportTables, TemplateSummary } from '../src/protocol.js';
import { fileUri, LspSession, repoRoot, seedPath } from './lsp-harness.js';

const tmp = path.join(os.tmpdir(), 'nianbao-lsp');
const seed003 = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');
let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const ruleOf = (d: Diagnostic): string | undefined => (d.data as { rule?: string } | undefined)?.rule;
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe('settings and the nianbao requests (bundled server over stdio)', () => {
  it('lists the templates, renders a new report that checks without errors, and sends its status', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const templates = await session.request<TemplateSummary[]>('nianbao/templates', {});
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['gov-disclosure-2019', 'gov-disclosure-2021']));
    expect(templates.every((t) => t.origin === 'builtin')).toBe(true);

    const skeleton = await session.request<NewReport>('nianbao/newReport', { template: 'gov-disclosure-2021', year: 2024, agency: '示例局' });
    expect(skeleton.languageId).toBe('markdown');
    expect(skeleton.text).toContain('示例局2024年');
    const uri = fileUri(path.join(tmp, 'new-report.md'));
    await session.open(uri, 'markdown', skeleton.text);
    const status = await session.waitForNotification<ReportStatus>('nianbao/status', (s) => s.uri === uri);
    expect(status).toMatchObject({ isReport: true, template: { id: 'gov-disclosure-2021' }, year: 2024, errors: 0 });
    const published = await session.waitForDiagnostics(uri);
    expect(published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });

  it('renders the tables of a report with the failing cells marked, and lets a document choose its template', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const uri = fileUri(path.join(tmp, 'tables.md'));
    await session.open(uri, 'markdown', seed003);
    await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const tables = await session.request<ReportTables>('nianbao/reportTables', { uri });
    expect(tables.template.id).toBe('gov-disclosure-2019');
    const t3 = tables.tables.find((t) => t.rows.some((r) => r.labels.some((l) => l.includes('（七）总计'))))!;
    expect(t3.header.length).toBeGreaterThanOrEqual(2);
    const total = t3.rows.find((r) => r.labels.at(-1)?.includes('（七）总计'))!;
    expect(total.cells.some((c) => c.severity === 'error' && c.messages.length > 0)).toBe(true);
    const fine = t3.rows.find((r) => r.labels.at(-1)?.includes('予以公开'))!;
    expect(fine.cells.every((c) => c.severity !== 'error')).toBe(true);

    // Choosing the other template for this document: checked again at once against it.
    const seen = session.notifications.length;
    await session.request('nianbao/setTemplate', { uri, template: 'gov-disclosure-2021' });
    const status = await session.waitForNotification<ReportStatus>(
      'nianbao/status',
      (s) => s.uri === uri && s.templateChoice === 'document',
    );
    expect(session.notifications.length).toBeGreaterThan(seen);
    expect(status.template?.id).toBe('gov-disclosure-2021');
    await session.request('nianbao/setTemplate', { uri, template: 'auto' });
    const back = await session.waitForNotification<ReportStatus>(
      'nianbao/status',
      (s) => s.uri === uri && s.templateChoice === 'auto' && s.template?.id === 'gov-disclosure-2019',
    );
    expect(back.errors).toBeGreaterThan(0);
  });

  it('checks files matching nianbao.reports.include whatever they contain, against nianbao.template', async () => {
    session = await LspSession.start({
      initializationOptions: {
        diagnostics: { debounceMs: 0 },
        template: 'gov-disclosure-2021',
        reports: { include: ['**/annual/*.txt'] },
      },
    });
    const plain = '这是一份还没有写完的报告草稿。\n';
    const included = fileUri(path.join(tmp, 'annual', 'draft.txt'));
    const other = fileUri(path.join(tmp, 'notes', 'draft.txt'));
    await session.open(other, 'plaintext', plain);
    await session.open(included, 'plaintext', plain);
    const published = await session.waitForDiagnostics(included, (p) => p.diagnostics.length > 0);
    expect(published.diagnostics.some((d) => d.code === 'structure/section-missing')).toBe(true);
    const status = await session.waitForNotification<ReportStatus>('nianbao/status', (s) => s.uri === included);
    expect(status).toMatchObject({ isReport: true, templateChoice: 'setting', template: { id: 'gov-disclosure-2021' } });
    expect(session.publishedFor(other)).toEqual([]);
  });

  it('switches the language of the findings when the settings change', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const uri = fileUri(path.join(tmp, 'locale.md'));
    await session.open(uri, 'markdown', seed003);
    const zh = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => ruleOf(d) === 'R2'));
    expect(messageOf(zh.diagnostics.find((d) => ruleOf(d) === 'R2')!)).toMatch(/[\u4e00-\u9fff]/u);
    const seen = session.published.length;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { nianbao: { locale: 'en' } },
    });
    const en = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => ruleOf(d) === 'R2'), 15000, seen);
    expect(messageOf(en.diagnostics.find((d) => ruleOf(d) === 'R2')!)).toMatch(/must equal/u);
  });

  it('debounces: a burst of edits is checked once, for its last version', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 150 } } });
    const uri = fileUri(path.join(tmp, 'burst.md'));
    let document = await session.open(uri, 'markdown', seed003);
    await session.waitForDiagnostics(uri);
    const seen = session.published.length;
    for (let i = 0; i < 5; i++) {
      document = await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    }
    await session.waitForDiagnostics(uri, (p) => p.version === document.version, 15000, seen);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.published.slice(seen).filter((p) => p.uri === uri).map((p) => p.version)).toEqual([document.version]);
  });

  it('loads the templates of the workspace folder at start-up (they override the built-ins)', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'nianbao-ws-'));
    mkdirSync(path.join(workspace, 'templates'));
    const builtin = readFileSync(path.join(repoRoot, 'grammars', 'gov-disclosure-2019.nbt'), 'utf8');
    const marker = 'title "勾稽关系" en "Balance of applications"\n        message "';
    expect(builtin).toContain(marker);
    writeFileSync(path.join(workspace, 'templates', 'local-2019.nbt'), builtin.replace(marker, `${marker}本地模板：`));
    session = await LspSession.start({ rootPath: workspace, initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const templates = await waitForTemplates(session, (list) => list.some((t) => t.origin !== 'builtin'));
    expect(templates.find((t) => t.id === 'gov-disclosure-2019')?.origin).toContain('local-2019.nbt');
    const uri = fileUri(path.join(workspace, 'report.md'));
    await session.open(uri, 'markdown', seed003);
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => ruleOf(d) === 'R1'));
    expect(published.diagnostics.filter((d) => ruleOf(d) === 'R1').every((d) => messageOf(d).includes('本地模板'))).toBe(true);
  });
});

async function waitForTemplates(
  session: LspSession,
  accept: (list: TemplateSummary[]) => boolean,
  timeoutMs = 15000,
): Promise<TemplateSummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await session.request<TemplateSummary[]>('nianbao/templates', {});
    if (accept(list) || Date.now() > deadline) return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
