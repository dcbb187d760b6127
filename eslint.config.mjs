import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', '.dist-build-*/', 'storybook-static/', 'node_modules/', 'coverage/', '.data/', 'src/index.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strict, litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'lit/no-template-arrow': 'off',
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='fetch']",
          message: 'Talk to the network only through src/internal/http.ts.',
        },
        {
          selector: 'MemberExpression[object.name=/^(localStorage|sessionStorage)$/]',
          message: 'Use the storage adapter in src/internal/storage.ts.',
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Feed text is data: render it through Lit templates.',
        },
        { selector: "CallExpression[callee.name='unsafeHTML']", message: 'Feed text is data, never HTML.' },
      ],
    },
  },
  {
    files: ['src/internal/http.ts', 'src/internal/storage.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
