import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspSession, repoRoot, seedPath } from './lsp-harness.js';

/**
 * "Acknowledge this finding": the code action writes the baseline file (the one `nianbao audit --baseline`
 * reads, with the same fingerprints) and the finding leaves the published diagnostics; an edit elsewhere
 * does not bring it back; the CLI's audit leaves it out too.
 */
let session: LspSession | undefined;
let workspace: string | undefined;

afterEach(async () => {
  await session?.stop();
  session = undefined;
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  workspace = undefined;
});

describe('acknowledged findings', () => {
  it('acknowledging a finding writes the baseline file and removes it from the diagnostics', async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'nianbao-ack-'));
    const file = path.join(workspace, 'report.txt');
    const text = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');
    writeFileSync(file, text);
    const uri = fileUri(file);
    session = await LspSession.start({ rootPath: workspace });
    expect(session.initializeResult.capabilities.executeCommandProvider?.commands).toContain('nianbao.acknowledgeFinding');
    await session.open(uri, 'plaintext', text);
    const first = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const target = first.diagnostics.find((d) => d.code === 'arithmetic/equation')!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const acknowledge = actions.find((a) => a.command?.command === 'nianbao.acknowledgeFinding');
    expect(acknowledge?.title).toBe('确认此问题（写入基线文件，不再提示）');
    expect(acknowledge?.kind).toBe('quickfix.nianbao.acknowledge');
    const published = session.published.length;
    const answer = await session.request<{ file: string }>('workspace/executeCommand', acknowledge!.command);
    const baselineFile = path.join(workspace, 'nianbao-baseline.json');
    expect(answer.file).toBe(baselineFile);
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { version: number; findings: Array<{ fingerprint: string; code: string; report: string }> };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toHaveLength(1);
    expect(baseline.findings[0]).toMatchObject({ code: 'arithmetic/equation', report: '鹿城公安分局 2020' });

    const same = (d: Diagnostic) => d.code === target.code && d.message === target.message && d.range.start.line === target.range.start.line;
    const second = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length === first.diagnostics.length - 1, 15000, published);
    expect(second.diagnostics.some(same)).toBe(false);

    // An edit elsewhere (a sentence, lines added above): the finding stays acknowledged.
    await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
    const third = await session.waitForDiagnostics(uri, (p) => p.version === 2, 15000);
    expect(third.diagnostics).toHaveLength(first.diagnostics.length - 1);

    // The CLI's audit reads the same file and leaves the same finding out.
    const cli = path.join(repoRoot, 'apps/cli/dist/bin.js');
    // Its caches go into the test's folder, not the user's.
    const env = { ...process.env, NIANBAO_CACHE_DIR: path.join(workspace, '.cache') };
    const run = spawnSync(process.execPath, [cli, 'audit', file, '--baseline', baselineFile, '--format', 'json'], { encoding: 'utf8', env });
    const json = JSON.parse(run.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
    expect(json.files[0].diagnostics).toHaveLength(first.diagnostics.length - 1);
  });
});
