import { EmptyFileSystem } from 'langium';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createNianbaoServer } from '../create-server.js';

// The browser entry of the language server (bundled to out/browser-server.js): the same server in a Web
// Worker, talking to its page through postMessage, without a file system (workspace templates come from the
// documents the client opens).
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

createNianbaoServer(connection, EmptyFileSystem);
