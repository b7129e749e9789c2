import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { systemReason } from '../i18n/system-reason.js';
import type { Translator } from '../i18n/translate.js';
import { CliError } from '../program/cli-error.js';
import { isReportFile, reportExtensions } from './supported-files.js';

/** The display name of standard input. */
export const stdinPath = '<stdin>';

/** One input of a run: a file on disk, or standard input. */
export type Input =
  | { kind: 'file'; /** Path to open. */ file: string; /** Path to show. */ path: string }
  | { kind: 'stdin'; path: typeof stdinPath };

/**
 * Expands the command line's operands into inputs, in order, without duplicates:
 * `-` is standard input; an existing file is taken as it is (whatever its extension); a directory is
 * walked recursively for report files, leaving out `node_modules` and hidden folders (as ESLint does: a
 * project's dependencies are never reports); anything else that looks like a glob is expanded (report
 * files only, `node_modules` left out unless the pattern names it). Directory and glob results are sorted by code point so that runs are deterministic.
 * A missing file, or a glob that matches nothing, is a usage failure ({@link CliError}).
 */
export async function collectInputs(operands: readonly string[], cwd: string, t: Translator): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string, shown: string) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', file: key, path: shown });
  };
  let stdinTaken = false;
  for (const operand of operands) {
    // An empty operand (an unset shell variable) would otherwise resolve to the current directory.
    if (operand === '') throw new CliError(t('file-not-found', { path: '""' }));
    if (operand === '-') {
      if (stdinTaken) throw new CliError(t('stdin-twice'));
      stdinTaken = true;
      inputs.push({ kind: 'stdin', path: stdinPath });
      continue;
    }
    const stats = await stat(path.resolve(cwd, operand)).catch((error: NodeJS.ErrnoException) => {
      // A link loop or a file we may not look at is named as such, not as a missing file.
      if (error.code === 'ELOOP' || error.code === 'EACCES') throw new CliError(t('unreadable', { path: operand, reason: systemReason(error, t) }));
      return undefined;
    });
    if (stats?.isDirectory()) {
      await readdir(path.resolve(cwd, operand)).catch((error: unknown) => {
        throw new CliError(t('unreadable', { path: operand, reason: systemReason(error, t) }));
      });
      const { glob } = await globber();
      const found = await glob(`**/*.{${reportExtensions.join(',')}}`, {
        cwd: path.resolve(cwd, operand),
        caseSensitiveMatch: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**'],
      });
      if (found.length === 0) throw new CliError(t('no-files-matched', { pattern: operand }));
      for (const relative of found.sort(byCodePoint)) add(path.join(operand, relative), path.join(operand, relative));
    } else if (stats) {
      add(operand, operand);
    } else if ((await globber()).isDynamicPattern(operand)) {
      const { glob } = await globber();
      // node_modules is left out here too, unless the pattern names it.
      const ignore = operand.includes('node_modules') ? [] : ['**/node_modules/**'];
      const found = (await glob(operand, { cwd, followSymbolicLinks: false, ignore })).filter(isReportFile).sort(byCodePoint);
      if (found.length === 0) throw new CliError(t('no-files-matched', { pattern: operand }));
      for (const file of found) add(file, path.isAbsolute(file) ? file : path.normalize(file));
    } else {
      throw new CliError(t('file-not-found', { path: operand }));
    }
  }
  return inputs;
}

/**
 * The glob library, loaded when a directory or pattern is to be expanded: a run on named files (an
 * editor's or a hook's single file, where start-up time counts) does not pay for loading it.
 */
function globber(): Promise<typeof import('tinyglobby')> {
  return import('tinyglobby');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
