import { defineConfig } from 'vitest/config';

/** One vitest run over every package: each package keeps its tests in `test/` beside `src/`. */
export default defineConfig({
  resolve: { conditions: ['@nianbao/source'] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
