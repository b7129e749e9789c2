// First: the young generation's sizes are set before anything else is loaded.
import { beforeWorkerStart, workerYoungGenerationMb } from './young-generation.js';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNianbaoServer } from '../create-server.js';
import { FileBaselineStore } from './file-baseline-store.js';
import { ProjectTemplateSets } from '../reports/project-template-sets.js';
import { WorkerReportChecker } from './worker-report-checker.js';

// The Node entry of the language server (bundled to out/server.cjs): stdio, IPC or a socket, as the client
// chooses on the command line (`--stdio`, `--node-ipc`, `--socket=N`).
// The engine needs Node ≥ 22.12 (as the CLI); on an older Node it would read reports wrongly: refuse at once.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `nianbao-language-server: 需要 Node.js 22.12 或更高版本，当前为 ${process.versions.node}。` +
      ` / nianbao-language-server needs Node.js 22.12 or later; this is ${process.versions.node}.\n`,
  );
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);

// Last line of defence: whatever a handler or a promise does, the server logs it and stays up.
process.on('uncaughtException', (error) => console.error('nianbao: uncaught exception', error));
process.on('unhandledRejection', (reason) => console.error('nianbao: unhandled rejection', reason));

// Reports are checked in a worker thread: the server answers requests (hover, completion…) meanwhile. It
// starts at once, so that loading the core in it overlaps with the server's own start.
const checker = new WorkerReportChecker(undefined, undefined, () => {
  beforeWorkerStart();
  return { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb } };
});
checker.prestart();
createNianbaoServer(
  connection,
  NodeFileSystem,
  (location) => new FileBaselineStore(location),
  (recheck) => new ProjectTemplateSets(recheck),
  checker,
);
