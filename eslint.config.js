// Lint rules that keep the architecture honest: each folder may only import from the
// worlds it lives in (see docs/architecture.md in this repo and README's layout table).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here.' }));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain is pure: it runs in the renderer, a Web Worker, the CLI and Vitest alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode,
            { name: 'react', message: 'shared/ is framework-free.' },
            { name: 'react-dom', message: 'shared/ is framework-free.' },
            { name: 'dexie', message: 'shared/ must not touch storage; use renderer/db.' },
            { name: 'electron', message: 'shared/ must not depend on the desktop shell.' },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*', 'dexie-react-hooks'], message: 'shared/ is framework-free.' },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'shared/ must not import the outer layers.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer is a web page: no Node, no Electron (it reaches the platform through the bridge).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, { name: 'electron', message: 'Use the bridge (renderer/platform).' }],
          patterns: [
            { group: ['electron/*'], message: 'Use the bridge (renderer/platform).' },
            { group: ['**/electron/**', '**/cli/**'], message: 'The renderer must not import the shell or the CLI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'The shell stays thin: no renderer code.' }] },
      ],
    },
  },
);
