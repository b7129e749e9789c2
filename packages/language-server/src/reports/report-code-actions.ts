import type { CodeAction, CodeActionParams, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { CodeActionKind } from 'vscode-languageserver-protocol';
import { serverMessage } from '../l10n/index.js';
import type { ServerLocale } from '../settings/index.js';
import { diagnosticSource, isReportDiagnosticData, type LspSuggestion } from './lsp-diagnostics.js';
import type { CheckedReport } from './report-service.js';
import { acknowledgeFindingCommand, type AcknowledgeFindingArguments } from './finding-baseline.js';

/** The kind of the "acknowledge this finding" action: a quick fix that writes the baseline file. */
export const acknowledgeActionKind = `${CodeActionKind.QuickFix}.nianbao.acknowledge`;

/**
 * Quick fixes from the suggestions of the findings under the cursor (the ones the client sends, else the
 * stored ones that overlap the range), as versioned workspace edits so a stale fix cannot be applied to a
 * newer text; and a "fix all" source action applying the first suggestion of every finding whose edits do
 * not overlap.
 */
export function reportCodeActions(report: CheckedReport, params: CodeActionParams, locale: ServerLocale): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // The client's copies may come from the publication made before the fixes were verified: the stored
    // diagnostic of the same finding (fingerprint) carries them.
    const findingKey = (d: Diagnostic): string | undefined =>
      isReportDiagnosticData(d.data) && d.data.fingerprint ? `${d.data.fingerprint}\u0000${String(d.message)}` : undefined;
    const stored = new Map<string, Diagnostic>();
    for (const d of report.diagnostics) {
      const key = findingKey(d);
      if (key !== undefined) stored.set(key, d);
    }
    const fromClient = params.context.diagnostics
      .filter((d) => d.source === diagnosticSource && isReportDiagnosticData(d.data) && d.data.version === report.version)
      .map((d) => stored.get(findingKey(d) ?? '') ?? d);
    const diagnostics = fromClient.length > 0 ? fromClient : report.diagnostics.filter((d) => overlaps(d.range, params.range));
    for (const diagnostic of diagnostics) {
      const data = diagnostic.data;
      if (!isReportDiagnosticData(data)) continue;
      data.suggestions.forEach((suggestion, index) => {
        actions.push({
          title: suggestion.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: versionedEdit(report, suggestion.edits),
        });
      });
      if (data.fingerprint && data.report) {
        const argument: AcknowledgeFindingArguments = {
          uri: report.uri,
          fingerprint: data.fingerprint,
          report: data.report,
          code: typeof diagnostic.code === 'string' ? diagnostic.code : String(diagnostic.code ?? ''),
          ...(data.rule !== undefined && { rule: data.rule }),
          message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        };
        const title = serverMessage(locale, 'acknowledge');
        actions.push({
          title,
          kind: acknowledgeActionKind,
          diagnostics: [diagnostic],
          command: { title, command: acknowledgeFindingCommand, arguments: [argument] },
        });
      }
    }
  }
  if (wants(CodeActionKind.SourceFixAll)) {
    const edits = fixAllEdits(report.diagnostics);
    if (edits.length > 0 && (only || actions.length > 0)) {
      actions.push({
        title: serverMessage(locale, 'fixAll'),
        kind: CodeActionKind.SourceFixAll,
        edit: versionedEdit(report, edits),
      });
    }
  }
  return dedupe(actions);
}

function versionedEdit(report: CheckedReport, edits: TextEdit[]): CodeAction['edit'] {
  return { documentChanges: [{ textDocument: { uri: report.uri, version: report.version }, edits }] };
}

/** The first suggestion of every finding, skipping suggestions whose edits overlap ones already taken. */
function fixAllEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data;
    if (!isReportDiagnosticData(data)) continue;
    const suggestion: LspSuggestion | undefined = data.suggestions[0];
    if (!suggestion) continue;
    const fresh = suggestion.edits.filter((edit) => !seen.has(editKey(edit)));
    if (fresh.some((edit) => taken.some((other) => overlaps(edit.range, other.range, true)))) continue;
    for (const edit of fresh) {
      seen.add(editKey(edit));
      taken.push(edit);
    }
  }
  return taken;
}

function editKey(edit: TextEdit): string {
  const { start, end } = edit.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}=${edit.newText}`;
}

function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = `${action.kind}|${action.title}|${JSON.stringify(action.edit ?? action.command)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when two ranges share a position (strictly: share more than a boundary). */
function overlaps(a: Range, b: Range, strict = false): boolean {
  if (strict) return before(a.start, b.end) && before(b.start, a.end);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
