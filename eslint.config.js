// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The dependency direction of DESIGN.md, enforced:
 *   domain ← commands, graph, cards ← server, bot, tab, cli
 * commands use ports, never graph; tab never imports server, bot or commands (it sends commands
 * over HTTP); only the local-mode composition root (and tests) import the emulator.
 */
const layer = (type, pattern) => ({ type, pattern });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-results/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests poke at raw HTTP bodies; `any` there is honest.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'manifest/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'boundaries/include': ['src/**/*', 'manifest/**/*'],
      'boundaries/elements': [
        layer('manifest', 'manifest'),
        layer('domain', 'src/domain'),
        layer('commands', 'src/commands'),
        layer('graph', 'src/graph'),
        layer('cards', 'src/cards'),
        layer('demo', 'src/demo'),
        layer('emulator', 'src/emulator'),
        { type: 'local-root', pattern: 'src/server/local' },
        layer('server', 'src/server'),
        layer('bot', 'src/bot'),
        layer('tab', 'src/tab'),
        layer('cli', 'src/cli'),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} must not import {{to.type}} (see DESIGN.md: domain ← commands, graph, cards ← server, bot, tab, cli)',
          policies: [
            { from: { element: { type: 'domain' } }, allow: { to: { element: { types: { anyOf: ['domain'] } } } } },
            { from: { element: { type: 'manifest' } }, allow: { to: { element: { types: { anyOf: ['manifest'] } } } } },
            { from: { element: { type: 'commands' } }, allow: { to: { element: { types: { anyOf: ['commands', 'domain'] } } } } },
            { from: { element: { type: 'graph' } }, allow: { to: { element: { types: { anyOf: ['graph', 'domain', 'manifest', 'commands'] } } } } },
            { from: { element: { type: 'cards' } }, allow: { to: { element: { types: { anyOf: ['cards', 'domain'] } } } } },
            { from: { element: { type: 'demo' } }, allow: { to: { element: { types: { anyOf: ['demo', 'domain', 'commands'] } } } } },
            { from: { element: { type: 'emulator' } }, allow: { to: { element: { types: { anyOf: ['emulator'] } } } } },
            { from: { element: { type: 'local-root' } }, allow: { to: { element: { types: { anyOf: ['server', 'domain', 'demo', 'emulator', 'commands', 'graph'] } } } } },
            { from: { element: { type: 'server' } }, allow: { to: { element: { types: { anyOf: ['server', 'local-root', 'domain', 'commands', 'graph', 'cards', 'bot', 'demo', 'manifest'] } } } } },
            { from: { element: { type: 'bot' } }, allow: { to: { element: { types: { anyOf: ['bot', 'domain', 'commands', 'graph', 'cards', 'demo', 'manifest', 'server'] } } } } },
            { from: { element: { type: 'tab' } }, allow: { to: { element: { types: { anyOf: ['tab', 'domain', 'graph', 'manifest', 'cards'] } } } } },
            { from: { element: { type: 'cli' } }, allow: { to: { element: { types: { anyOf: ['cli', 'server', 'domain', 'commands', 'graph', 'cards', 'bot', 'demo', 'manifest'] } } } } },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no framework, platform or I/O packages.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https'], message: 'src/domain is pure: no Node APIs' },
            { group: ['react', 'react-*', '@fluentui/*', '@microsoft/*', '@azure/*', 'express', 'better-sqlite3', 'jose'], message: 'src/domain is pure: only zod' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/domain does no I/O' }, { name: 'process', message: 'src/domain reads no environment' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass randomness in; the domain is deterministic' },
        { object: 'Date', property: 'now', message: 'Pass the clock in (`now`/`today`)' },
      ],
    },
  },
);
