import * as vscode from 'vscode';
import type { ReportStatus } from '@nianbao/language-server/protocol';

/**
 * The status bar item of the active report: its template, year and number of errors, from the server's
 * `nianbao/status` notifications. Hidden for documents that are not reports. Also sets the
 * `nianbao.isReport` context key used by the menus.
 */
export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 100);
  private readonly statuses = new Map<string, ReportStatus>();
  private readonly listeners: Array<(status: ReportStatus) => void> = [];
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = vscode.l10n.t('nianbao report');
    this.item.command = 'nianbao.chooseTemplate';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.statuses.delete(document.uri.toString())),
    );
  }

  /** Records a status from the server. */
  update(status: ReportStatus): void {
    const key = vscode.Uri.parse(status.uri).toString();
    this.statuses.set(key, status);
    this.render();
    for (const listener of this.listeners) listener(status);
  }

  /** The last status of a document. */
  statusOf(uri: vscode.Uri): ReportStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  /** Calls `listener` on every status received. */
  onStatus(listener: (status: ReportStatus) => void): void {
    this.listeners.push(listener);
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    // No text editor in front (a webview, the Problems panel): keep showing the last report's status.
    if (!editor) return;
    const status = this.statusOf(editor.document.uri);
    void vscode.commands.executeCommand('setContext', 'nianbao.isReport', Boolean(status?.isReport));
    if (!status?.isReport) {
      this.item.hide();
      return;
    }
    const template = status.template?.id ?? vscode.l10n.t('no template');
    const year = status.year !== null ? ` · ${status.year}` : '';
    const icon = status.errors > 0 ? '$(error)' : status.warnings > 0 ? '$(warning)' : '$(pass)';
    this.item.text = `$(law) ${template}${year} ${icon} ${status.errors}`;
    this.item.tooltip = [
      status.template ? `${status.template.title} (${status.template.id})` : vscode.l10n.t('No template fits this report.'),
      status.agency ?? '',
      vscode.l10n.t('{0} errors, {1} warnings', status.errors, status.warnings),
      status.templateChoice === 'auto' ? vscode.l10n.t('Template detected automatically; click to choose.') : vscode.l10n.t('Template chosen; click to change.'),
    ]
      .filter((line) => line !== '')
      .join('\n');
    this.item.backgroundColor =
      status.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
