import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { serverEnvironment } from '@nianbao/language-server/launch';
import { serverSettings } from './client-settings.js';

/** Documents the server sees: templates, and Markdown / plain text that may be reports (files and unsaved). */
export const documentSelector = ['file', 'untitled'].flatMap((scheme) =>
  ['nianbao-template', 'markdown', 'plaintext'].map((language) => ({ scheme, language })),
);

/**
 * Starts the bundled language server (out/server.cjs, over IPC, in the environment it is best started with:
 * glibc's malloc tuned, see `@nianbao/language-server/launch`) and its client.
 */
export async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('out/server.cjs');
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions: serverSettings(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.nbt') },
    outputChannelName: 'nianbao',
  };
  const client = new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('nianbao') || !client.isRunning()) return;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { nianbao: serverSettings() } });
    }),
  );
  await client.start();
  return client;
}
