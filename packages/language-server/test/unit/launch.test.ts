import { describe, expect, it } from 'vitest';
import { serverEnvironment } from '../../src/launch.js';

describe('serverEnvironment', () => {
  it('adds one malloc arena and fixed 256 KB mmap and trim thresholds', () => {
    expect(serverEnvironment({ PATH: '/bin' })).toEqual({ MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '262144', MALLOC_TRIM_THRESHOLD_: '262144' });
  });

  it('keeps each value the user set', () => {
    expect(serverEnvironment({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_MMAP_THRESHOLD_: '262144', MALLOC_TRIM_THRESHOLD_: '262144' });
    expect(serverEnvironment({ MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '0' })).toEqual({});
  });
});
