import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
/** The built CLI (the root `npm test` builds before testing). */
export const cliBin = path.join(repoRoot, 'apps/cli/dist/bin.js');
/** The seed reports, unchanged copies of the published texts. */
export const seedsDir = path.join(repoRoot, 'examples/seeds');

/** The cache directory of the CLI runs of a test file, so that tests never write to the user's cache. */
const testCache = mkdtempSync(path.join(tmpdir(), 'nianbao-test-cache-'));
process.on('exit', () => rmSync(testCache, { recursive: true, force: true }));

/** What a CLI run gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process (as a user would), with colour off unless asked for. */
export function runCli(
  args: string[],
  options: { input?: string | Uint8Array; cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[]; timeoutMs?: number } = {},
): CliRun {
  if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: build first (npx turbo run build)`);
  const run = spawnSync(process.execPath, [...(options.nodeOptions ?? []), cliBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, NIANBAO_LOCALE: undefined, NIANBAO_CACHE_DIR: testCache, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The seed file names, in order. */
export const seedNames = [
  '000_ef504471c9854329.txt',
  '001_58b691fd784472d5.txt',
  '002_f8f28e4c849350e4.txt',
  '003_136fd1d98cf7f7a0.txt',
  '004_94a1ddae1680c43d.txt',
] as const;

/** Path of a seed relative to the repository root (as the CLI prints it when run from there). */
export function seedPath(index: number): string {
  return path.join('examples/seeds', seedNames[index]);
}
