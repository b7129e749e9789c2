import { describe, expect, it } from 'vitest';
import { serverEnvironment } from '../../src/launch.js';

describe('serverEnvironment', () => {
  it('adds two malloc arenas, and keeps a value the user set', () => {
    expect(serverEnvironment({ PATH: '/bin' })).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(serverEnvironment({ MALLOC_ARENA_MAX: '8' })).toEqual({});
  });
});
