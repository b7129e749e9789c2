import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateIrCache } from '../../src/commands/template-cache.js';
import { cacheDirectory } from '../../src/program/cache-directory.js';

describe('where compiled templates are cached', () => {
  it('NIANBAO_CACHE_DIR, then XDG_CACHE_HOME, then the platform cache folder', () => {
    expect(cacheDirectory({ NIANBAO_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe(path.resolve('/c'));
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe(path.join('/x', 'nianbao'));
    expect(cacheDirectory({}, 'linux', '/home/u')).toBe(path.join('/home/u', '.cache', 'nianbao'));
    expect(cacheDirectory({}, 'darwin', '/Users/u')).toBe(path.join('/Users/u', 'Library', 'Caches', 'nianbao'));
    expect(cacheDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toBe(
      path.join('C:\\Users\\u\\AppData\\Local', 'nianbao', 'Cache'),
    );
  });

  it('is off with --no-cache or NIANBAO_CACHE=0, and run from sources only in an explicit directory', async () => {
    expect(await templateIrCache({ cache: false }, { NIANBAO_CACHE_DIR: '/c' })).toBeUndefined();
    expect(await templateIrCache({}, { NIANBAO_CACHE_DIR: '/c', NIANBAO_CACHE: '0' })).toBeUndefined();
    // These tests run the sources (no build hash): the user's cache folder is not used.
    expect(await templateIrCache({}, { XDG_CACHE_HOME: '/x' })).toBeUndefined();
    expect(await templateIrCache({}, { NIANBAO_CACHE_DIR: '/c' })).toBeDefined();
  });
});
