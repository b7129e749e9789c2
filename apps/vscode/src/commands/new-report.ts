import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  listTemplatesRequest,
  newReportRequest,
  type NewReport,
  type TemplateSummary,
} from '@nianbao/language-server/protocol';

/** Creates a new (unsaved) report from a template: the skeleton with every heading and table to fill in. */
export async function newReport(client: LanguageClient): Promise<void> {
  const templates = (await client.sendRequest<TemplateSummary[] | null>(listTemplatesRequest)) ?? [];
  if (templates.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No template is available.'));
    return;
  }
  const lastYear = new Date().getFullYear() - 1;
  const current = templates.filter((t) => t.years.from <= lastYear && (t.years.to === undefined || t.years.to >= lastYear));
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({
      id: template.id,
      label: template.title,
      description: template.id,
      detail: template.notice,
      picked: current.includes(template),
    })),
    { title: vscode.l10n.t('New annual report'), placeHolder: vscode.l10n.t('Choose the template of the new report') },
  );
  if (!picked) return;
  const yearText = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('Report year'),
    value: String(lastYear),
    validateInput: (value) => (/^\d{4}$/u.test(value.trim()) ? undefined : vscode.l10n.t('A year such as {0}', lastYear)),
  });
  if (yearText === undefined) return;
  const agency = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('Agency name (optional)'),
  });
  if (agency === undefined) return;
  const skeleton = await client.sendRequest<NewReport | null>(newReportRequest, {
    template: picked.id,
    year: Number(yearText.trim()),
    agency,
  });
  if (!skeleton) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report skeleton could not be created.'));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: skeleton.languageId, content: skeleton.text });
  await vscode.window.showTextDocument(document);
}
