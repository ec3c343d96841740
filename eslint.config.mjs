// Layering is the design: src/core is pure TypeScript and src/cli is a thin shell over it, so neither
// may reach VS Code; the webview talks to the extension only through typed messages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'src/core and src/cli never import vscode: put VS Code code in src/providers.' }],
  patterns: [{ group: ['**/providers/**', '**/extension'], message: 'core and cli must not depend on VS Code adapters.' }],
};

// The faces (src/cli, src/providers) use a core module only through its public surface,
// src/core/<module>/index.ts; what lies behind it may change without touching them.
const coreInternals = { group: ['**/core/*/*', '!**/core/*/index'], message: 'import the core module itself (its index.ts), not its internals.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'media/dist/**', 'node_modules/**', '.vscode-host/**', 'examples/**/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { ...noVscode, patterns: [...noVscode.patterns, { group: ['**/cli/**'], message: 'core must not depend on the CLI.' }] }] } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { ...noVscode, patterns: [...noVscode.patterns, coreInternals] }] } },
  { files: ['src/providers/**/*.ts', 'src/extension.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [coreInternals] }] } },
  {
    files: ['scripts/**/*.mjs', 'configs/**/*.mjs', 'examples/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', AbortController: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
);
