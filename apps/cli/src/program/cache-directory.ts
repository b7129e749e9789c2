import os from 'node:os';
import path from 'node:path';

/**
 * The directory of the user's cache for nianbao: `NIANBAO_CACHE_DIR`, else `$XDG_CACHE_HOME/nianbao`, else
 * the platform's cache folder (`~/.cache/nianbao`; on macOS `~/Library/Caches/nianbao`; on Windows
 * `%LOCALAPPDATA%\nianbao\Cache`). It holds compiled templates (`template-ir/`) and the compiled code of
 * the command line (`code/`); `NIANBAO_CACHE=0` turns both off.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.NIANBAO_CACHE_DIR) return path.resolve(env.NIANBAO_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'nianbao');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'nianbao', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'nianbao');
  return path.join(home, '.cache', 'nianbao');
}

/** False when the user turned the caches off (`NIANBAO_CACHE=0`). */
export function cachesEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.NIANBAO_CACHE !== '0';
}
