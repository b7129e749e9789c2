import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/out/**', '**/node_modules/**', '**/generated/**', '**/.turbo/**', '**/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // End-to-end drivers pass functions to the browser page (page.evaluate).
    files: ['apps/vscode/e2e/**', 'apps/web/src/**', 'apps/web/test/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
