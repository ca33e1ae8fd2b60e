import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers import one way: app → features → store → core (see ../shared/design.md §2).
const REACT_AND_STATE = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'src/core is pure TypeScript: no React.',
  },
  { group: ['zustand', 'zustand/*'], message: 'src/core is pure TypeScript: no zustand.' },
  { group: ['@tanstack/*'], message: 'src/core is pure TypeScript: no UI libraries.' },
];
const UPPER_LAYERS = (...names) =>
  names.map((n) => ({
    group: [`**/${n}/*`, `**/${n}`],
    message: `this layer must not import src/${n}.`,
  }));
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'fetch',
  'HTMLElement',
  'Blob',
  'File',
  'FileReader',
].map((name) => ({ name, message: 'src/core runs in Node, workers and the page: no DOM.' }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'test-results-*',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Finding, escaping and refusing control characters in untrusted text is part of the job.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'untrusted text is rendered as React text only',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'untrusted text is rendered as React text only',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...REACT_AND_STATE,
            ...UPPER_LAYERS('store', 'features', 'components', 'workers', 'cli', 'app'),
            {
              group: ['node:*', 'fs', 'path'],
              message: 'src/core runs in the browser too: no Node modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: UPPER_LAYERS('features', 'components', 'app', 'cli') },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: UPPER_LAYERS('app', 'cli') }] },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: UPPER_LAYERS('store', 'features', 'app', 'cli', 'core') },
      ],
    },
  },
  {
    files: ['src/workers/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...REACT_AND_STATE, ...UPPER_LAYERS('store', 'features', 'components', 'app')],
        },
      ],
    },
  },
);
