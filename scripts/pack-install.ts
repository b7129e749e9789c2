import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The system's Node, older than the one the repository brings on the development machines (Node 20). */
const systemNode = '/usr/bin/node';

/** A workspace package packed with `npm pack` and installed from its tarball into a temporary global prefix. */
export interface PackedInstall {
  /** The temporary folder holding everything (remove it with {@link PackedInstall.remove}). */
  root: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The global prefix it was installed into (`bin/`, `lib/node_modules/`). */
  prefix: string;
  /** An empty folder to run commands in. */
  work: string;
  /** The installed package's manifest. */
  manifest: { name: string; version: string; dependencies?: Record<string, string>; engines?: { node?: string } };
  /** Runs an installed command from `work`, with only this Node's folder and the system's on PATH. */
  run(command: string, args: string[]): SpawnSyncReturns<string>;
  /**
   * Runs an installed command with the system's Node (`/usr/bin/node`) when that is older than 22.12, as
   * someone with an old Node would; undefined (and a note on the console) when there is no such Node.
   */
  runWithOlderNode(command: string, args: string[]): SpawnSyncReturns<string> | undefined;
  /** The environment commands run with (no trace of the repository). */
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/**
 * Packs the package at `packageDir` (`npm pack`) and installs the tarball as people outside the repository
 * would (`npm install --global`), into an empty prefix, `--offline`: the package must need nothing from a
 * registry. Node is the one running this code; npm is the one beside it, else the system's.
 */
export function packAndInstall(packageDir: string): PackedInstall {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-pack-'));
  const prefix = path.join(root, 'prefix');
  const work = path.join(root, 'work');
  mkdirSync(work);
  const nodeDir = path.dirname(process.execPath);
  const env: NodeJS.ProcessEnv = {
    HOME: root,
    PATH: `${nodeDir}:/usr/local/bin:/usr/bin:/bin`,
    NO_COLOR: '1',
    npm_config_cache: path.join(root, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  const npm = existsSync(path.join(nodeDir, 'npm')) ? path.join(nodeDir, 'npm') : 'npm';
  const spawn = (command: string, args: string[], cwd: string): SpawnSyncReturns<string> => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
    if (result.error) throw result.error;
    return result;
  };
  const fail = (what: string, result: SpawnSyncReturns<string>): never => {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  };
  const packed = spawn(npm, ['pack', '--json', '--pack-destination', root], packageDir);
  if (packed.status !== 0) fail('npm pack', packed);
  const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  const tarball = path.join(root, filename);
  const installed = spawn(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], work);
  if (installed.status !== 0) fail('npm install --global of the tarball', installed);
  const name = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { name: string }).name;
  const manifest = JSON.parse(readFileSync(path.join(prefix, 'lib', 'node_modules', name, 'package.json'), 'utf8')) as PackedInstall['manifest'];
  return {
    root,
    tarball,
    prefix,
    work,
    manifest,
    env,
    run: (command, args) => spawn(path.join(prefix, 'bin', command), args, work),
    runWithOlderNode: (command, args) => {
      const old = spawnSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' });
      const [major = 99, minor = 0] = (old.error ? '99' : old.stdout.trim()).split('.').map(Number);
      if (major > 22 || (major === 22 && minor >= 12)) {
        console.info(`no Node older than 22.12 at ${systemNode}: the refusal is not exercised here`);
        return undefined;
      }
      return spawnSync(systemNode, [path.join(prefix, 'bin', command), ...args], { cwd: work, encoding: 'utf8', input: '' });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
