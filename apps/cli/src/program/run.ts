import { CommanderError } from 'commander';
import { localeOfArgv } from '../i18n/locale.js';
import { createTranslator } from '../i18n/translate.js';
import { CliError, ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { createProgram } from './create-program.js';

/**
 * Runs the `nianbao` command line and returns the exit code. Never throws: usage errors and I/O
 * failures become one line on stderr and exit code 2 (a stack trace only with `NIANBAO_DEBUG=1`).
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return done ? ExitCode.ok : ExitCode.failure;
    }
    if (error instanceof CliError) {
      io.stderr.write(`nianbao: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    const t = createTranslator(localeOfArgv(argv, io.env));
    io.stderr.write(`nianbao: ${t('internal-error', { reason: message.split('\n')[0] })}\n`);
    if (io.env.NIANBAO_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return ExitCode.failure;
  }
}
