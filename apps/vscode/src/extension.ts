import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportStatusNotification, type ReportStatus } from '@nianbao/language-server/protocol';
import { startClient } from './client/start-client.js';
import { chooseTemplate } from './commands/choose-template.js';
import { newReport } from './commands/new-report.js';
import { TablesPanel } from './commands/show-tables.js';
import { ReportStatusBar } from './status/report-status-bar.js';

let client: LanguageClient | undefined;

/** Starts the language server and registers the commands, the status bar item and the tables view. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const statusBar = new ReportStatusBar();
  context.subscriptions.push(statusBar);
  client = await startClient(context);
  const running = client;
  const tables = new TablesPanel(running);
  context.subscriptions.push(tables);
  statusBar.onStatus((status) => tables.onStatus(status));
  context.subscriptions.push(
    running.onNotification(reportStatusNotification, (status: ReportStatus) => statusBar.update(status)),
    vscode.commands.registerCommand('nianbao.newReport', () => newReport(running)),
    vscode.commands.registerCommand('nianbao.showTables', () => tables.show()),
    vscode.commands.registerCommand('nianbao.chooseTemplate', () => chooseTemplate(running)),
  );
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
