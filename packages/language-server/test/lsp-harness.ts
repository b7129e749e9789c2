import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  type InitializeResult,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const packageRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The bundled server the tests talk to (built by `npm run build`). */
export const serverPath = path.join(packageRoot, 'out', 'server.cjs');
/** The repository root. */
export const repoRoot = path.resolve(packageRoot, '..', '..');

/** A seed report of the repository's examples. */
export function seedPath(name: string): string {
  return path.join(repoRoot, 'examples', 'seeds', name);
}

/** A `file:` URI for a (possibly non-existent) path. */
export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).toString();
}

/** Options of a server session. */
export interface SessionOptions {
  initializationOptions?: Record<string, unknown>;
  rootPath?: string;
  /** The command that starts the server (default: this Node on the bundled `out/server.cjs`); `--stdio` is added. */
  command?: { file: string; args?: string[]; env?: NodeJS.ProcessEnv };
}

/**
 * A language-server session over stdio against the bundled server: a real LSP client conversation
 * (initialize, didOpen, didChange, requests), recording every publishDiagnostics and log message.
 */
export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly documents = new Map<string, TextDocument>();
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  stderr = '';
  initializeResult!: InitializeResult;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  /** Spawns the bundled server with `--stdio` and initialises it. */
  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const command = options.command ?? { file: process.execPath, args: [serverPath] };
    if (!options.command && !existsSync(serverPath)) throw new Error(`${serverPath} is missing: run the build first`);
    const child = spawn(command.file, [...(command.args ?? []), '--stdio'], { stdio: 'pipe', env: command.env ?? process.env });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const session = new LspSession(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      session.exited = { code, signal };
      session.wake();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.published.push(params);
      session.wake();
    });
    connection.onNotification(LogMessageNotification.method, (params: LogMessageParams) => {
      session.logs.push(params.message);
    });
    for (const method of ['nianbao/status']) {
      connection.onNotification(method, (params: unknown) => {
        session.notifications.push({ method, params });
        session.wake();
      });
    }
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
    session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: options.initializationOptions ?? {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Opens a document. */
  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return document;
  }

  /** Changes a document (incremental changes, or the full text) and bumps its version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const current = this.documents.get(uri);
    if (!current) throw new Error(`${uri} is not open`);
    const version = current.version + 1;
    const next = TextDocument.update(current, changes, version);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return next;
  }

  /** Closes a document. */
  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sends a request. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * Waits for a publishDiagnostics of `uri` (after `after` publications were already seen) that satisfies
   * `accept`; rejects on timeout or when the server exits.
   */
  async waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 15000,
    after = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.published.slice(after).find((p) => sameUri(p.uri, uri) && accept(p)),
      timeoutMs,
      `diagnostics for ${uri}`,
    );
  }

  /** Waits for a notification `method` whose params satisfy `accept`. */
  async waitForNotification<T>(method: string, accept: (params: T) => boolean = () => true, timeoutMs = 15000): Promise<T> {
    return this.waitFor(
      () => this.notifications.find((n) => n.method === method && accept(n.params as T))?.params as T | undefined,
      timeoutMs,
      `notification ${method}`,
    );
  }

  /** All publications for `uri` so far. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => sameUri(p.uri, uri));
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = probe();
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
          return true;
        }
        if (this.exited) {
          clearTimeout(timer);
          reject(new Error(`server exited (${JSON.stringify(this.exited)}) while waiting for ${what}\n${this.stderr}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}\nlogs:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, timeoutMs);
      const waiter = (): void => {
        if (check()) this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      if (!check()) this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Shuts the server down politely, then kills it if it lingers. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([
          this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ]);
      } catch {
        // the server is gone already
      }
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }
}

function sameUri(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}
