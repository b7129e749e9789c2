import { checkWorkerScript } from '../checks/check-worker-script.js';

/**
 * The commands of the light program (`dist/main.js`, which serves `--help`, `--version` and `templates`)
 * that need the engine or the template compiler: the bundler puts these in place of the command modules
 * (see scripts/bundle.mjs). Each runs the whole command line again, from the start, in the full one
 * (`dist/cli.cjs`, see `runFullCli`) — as the launcher does at once when the command is the first
 * argument — and answers with its exit code. Nothing has been written when they run.
 */
async function runInFullCli(command: string): Promise<number> {
  const { runFullCli } = await import('./full-cli.js');
  await runFullCli(checkWorkerScript(), command, false);
  return Number(process.exitCode ?? 0);
}

/** `validate`, run by the full command line. */
export const validateCommand = () => runInFullCli('validate');
/** `audit`, run by the full command line. */
export const auditCommand = () => runInFullCli('audit');
/** `extract`, run by the full command line. */
export const extractCommand = () => runInFullCli('extract');
/** `templates` with templates a project adds, run by the full command line. */
export const templatesCommand = () => runInFullCli('templates');
/** `check-template`, run by the full command line. */
export const checkTemplateCommand = () => runInFullCli('check-template');
/** `new`, run by the full command line. */
export const newCommand = () => runInFullCli('new');
