import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  listTemplatesRequest,
  setTemplateRequest,
  type TemplateSummary,
} from '@nianbao/language-server/protocol';

/** Lets the user pick the template of the active report (or go back to automatic detection). */
export async function chooseTemplate(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return;
  }
  const templates = (await client.sendRequest<TemplateSummary[] | null>(listTemplatesRequest)) ?? [];
  const items: Array<vscode.QuickPickItem & { id: string }> = [
    { id: 'auto', label: vscode.l10n.t('Detect automatically'), description: 'auto' },
    ...templates.map((template) => ({
      id: template.id,
      label: template.title,
      description: template.id,
      detail: `${template.notice} · ${template.years.from}–${template.years.to ?? ''}${template.origin === 'builtin' ? '' : ` · ${vscode.Uri.parse(template.origin).fsPath}`}`,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Template of this report'),
    placeHolder: vscode.l10n.t('Choose the template to check this report against'),
  });
  if (!picked) return;
  await client.sendRequest(setTemplateRequest, { uri: editor.document.uri.toString(), template: picked.id });
}
