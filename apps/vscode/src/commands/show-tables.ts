import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportTablesRequest, type ReportStatus, type ReportTables } from '@nianbao/language-server/protocol';
import { tablesPage } from '../webview/tables-html.js';

/**
 * The "tables" webview: the current report's extracted tables rendered as tables, failing cells
 * highlighted. It follows the report: every new check of it refreshes the page.
 */
export class TablesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Shows the tables of the active editor's report. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
      return;
    }
    this.uri = editor.document.uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('nianbao.tables', vscode.l10n.t('Report tables'), vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type: string; line: number; character: number }) => {
        if (message.type === 'reveal' && this.uri) void this.reveal(this.uri, message.line, message.character);
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  /** Refreshes the page when the report it shows was checked again. */
  onStatus(status: ReportStatus): void {
    if (this.panel && this.uri && vscode.Uri.parse(status.uri).toString() === this.uri.toString()) void this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.uri) return;
    const tables = await this.client.sendRequest<ReportTables | null>(reportTablesRequest, { uri: this.uri.toString() });
    const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    this.panel.title = vscode.l10n.t('Tables: {0}', this.uri.path.split('/').pop() ?? '');
    this.panel.webview.html = tablesPage(
      tables,
      {
        title: vscode.l10n.t('Report tables'),
        notFound: vscode.l10n.t('This table was not found in the report.'),
        noReport: vscode.l10n.t('This document is not checked as an annual report.'),
        legend: vscode.l10n.t('Values as read from the report; cells with findings are highlighted (hover for details, click to go to the cell).'),
      },
      nonce,
      this.panel.webview.cspSource,
    );
  }

  private async reveal(uri: vscode.Uri, line: number, character: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const position = new vscode.Position(line, character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
