import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNianbaoServer } from '../create-server.js';

// The Node entry of the language server (bundled to out/server.cjs): stdio, IPC or a socket, as the client
// chooses on the command line (`--stdio`, `--node-ipc`, `--socket=N`).
const connection = createConnection(ProposedFeatures.all);

// Last line of defence: whatever a handler or a promise does, the server logs it and stays up.
process.on('uncaughtException', (error) => console.error('nianbao: uncaught exception', error));
process.on('unhandledRejection', (reason) => console.error('nianbao: unhandled rejection', reason));

createNianbaoServer(connection, NodeFileSystem);
