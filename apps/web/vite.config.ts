import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The page and its check worker, bundled from the workspace packages' TypeScript sources. `base: './'`
 * keeps every URL relative, so `dist/` works from any folder of any static host.
 */
export default defineConfig({
  base: './',
  resolve: { conditions: ['@nianbao/source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  preview: { host: '127.0.0.1' },
});
