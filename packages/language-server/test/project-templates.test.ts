import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportStatus } from '../src/protocol.js';
import { fileUri, LspSession, repoRoot } from './lsp-harness.js';

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('project templates in the language server (bundled server over stdio)', () => {
  it('detects a report as the template of the nearest nianbao.config.json, as the CLI does, and finds its broken total', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-project-'));
    mkdirSync(path.join(project, 'templates'));
    mkdirSync(path.join(project, 'reports'));
    copyFileSync(path.join(repoRoot, 'grammars/examples/next-revision.nbt'), path.join(project, 'templates', 'next-revision.nbt'));
    writeFileSync(path.join(project, 'nianbao.config.json'), JSON.stringify({ templates: ['templates'] }));
    const report = readFileSync(path.join(repoRoot, 'examples/next-revision-2025.md'), 'utf8').replace(
      '| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |',
      '| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 2 |',
    );
    const file = path.join(project, 'reports', 'broken.md');
    writeFileSync(file, report);
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const uri = fileUri(file);
    await session.open(uri, 'markdown', report);
    const status = await session.waitForNotification<ReportStatus>('nianbao/status', (s) => s.uri === uri && s.template?.id === 'example-next-revision', 30000);
    expect(status.template?.id).toBe('example-next-revision');
    // Until the project's templates are loaded the report is checked among the built-in ones (as 2021, with
    // many errors); then again, as the configured template: two errors, both on the broken cell.
    const line = report.split('\n').findIndex((text) => text.startsWith('| 4.申请人撤回申请'));
    const published = await session.waitForDiagnostics(
      uri,
      (p) => {
        const errors = p.diagnostics.filter((d) => d.severity === 1);
        return errors.length === 2 && errors.every((d) => d.range.start.line === line);
      },
      30000,
    );
    expect(published.diagnostics.some((d) => String(d.message).includes('（一）至（六）各项之和'))).toBe(true);
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    expect(errors.length).toBe(2);
    expect(errors.every((d) => d.range.start.line === line)).toBe(true);
  });

  it('adds the templates of the nianbao.templates setting (the CLI\'s --templates) to detection, relative to the workspace folder', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-setting-'));
    mkdirSync(path.join(workspace, 'formats'));
    mkdirSync(path.join(workspace, 'reports'));
    copyFileSync(path.join(repoRoot, 'grammars/examples/next-revision.nbt'), path.join(workspace, 'formats', 'next-revision.nbt'));
    const report = readFileSync(path.join(repoRoot, 'examples/next-revision-2025.md'), 'utf8');
    const file = path.join(workspace, 'reports', 'report.md');
    writeFileSync(file, report);
    // No configuration file: only the setting names the template directory.
    session = await LspSession.start({ rootPath: workspace, initializationOptions: { diagnostics: { debounceMs: 0 }, templates: ['formats'] } });
    const uri = fileUri(file);
    await session.open(uri, 'markdown', report);
    const status = await session.waitForNotification<ReportStatus>('nianbao/status', (s) => s.uri === uri && s.template?.id === 'example-next-revision', 30000);
    expect(status.template?.id).toBe('example-next-revision');
  });
});
