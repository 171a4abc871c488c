// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';

/**
 * The dependency direction of docs/architecture.md, enforced:
 *   domain ← ports ← commands, graph, cards ← bot, tab ← server (the composition root), cli
 * commands use ports, never graph; the bot never imports server or graph; the tab never imports
 * server, bot or commands (it sends commands over HTTP) and its features never import each other;
 * only the local-mode composition (src/server/local) and tests import the emulator; no import circles.
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
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'import-x/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'boundaries/include': ['src/**/*', 'manifest/**/*'],
      'boundaries/elements': [
        layer('manifest', 'manifest'),
        layer('domain', 'src/domain'),
        layer('ports', 'src/ports'),
        layer('commands', 'src/commands'),
        layer('graph', 'src/graph'),
        layer('cards', 'src/cards'),
        layer('reports', 'src/reports'),
        layer('demo', 'src/demo'),
        layer('emulator', 'src/emulator'),
        { type: 'local-root', pattern: 'src/server/local' },
        layer('server', 'src/server'),
        layer('bot', 'src/bot'),
        { type: 'tab-app', pattern: 'src/tab/app' },
        { type: 'tab-feature', pattern: 'src/tab/features/*', capture: ['feature'] },
        layer('tab', 'src/tab'),
        layer('cli', 'src/cli'),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} must not import {{to.type}} (see docs/architecture.md: domain ← ports ← commands, graph, cards ← bot, tab ← server, cli)',
          policies: [
            { from: { element: { type: 'domain' } }, allow: { to: { element: { types: { anyOf: ['domain'] } } } } },
            { from: { element: { type: 'manifest' } }, allow: { to: { element: { types: { anyOf: ['manifest'] } } } } },
            { from: { element: { type: 'ports' } }, allow: { to: { element: { types: { anyOf: ['ports', 'domain'] } } } } },
            { from: { element: { type: 'commands' } }, allow: { to: { element: { types: { anyOf: ['commands', 'domain', 'ports'] } } } } },
            { from: { element: { type: 'graph' } }, allow: { to: { element: { types: { anyOf: ['graph', 'domain', 'ports', 'manifest'] } } } } },
            { from: { element: { type: 'cards' } }, allow: { to: { element: { types: { anyOf: ['cards', 'domain', 'ports'] } } } } },
            // Board report writers (docx, xlsx, csv) over the domain's report model.
            { from: { element: { type: 'reports' } }, allow: { to: { element: { types: { anyOf: ['reports', 'domain', 'ports'] } } } } },
            { from: { element: { type: 'demo' } }, allow: { to: { element: { types: { anyOf: ['demo', 'domain', 'ports', 'commands'] } } } } },
            { from: { element: { type: 'emulator' } }, allow: { to: { element: { types: { anyOf: ['emulator'] } } } } },
            { from: { element: { type: 'local-root' } }, allow: { to: { element: { types: { anyOf: ['local-root', 'server', 'domain', 'ports', 'demo', 'emulator', 'commands', 'graph'] } } } } },
            { from: { element: { type: 'server' } }, allow: { to: { element: { types: { anyOf: ['server', 'local-root', 'domain', 'ports', 'commands', 'graph', 'cards', 'reports', 'bot', 'manifest'] } } } } },
            { from: { element: { type: 'bot' } }, allow: { to: { element: { types: { anyOf: ['bot', 'domain', 'ports', 'commands', 'cards', 'manifest'] } } } } },
            // The shell composes the features (one route table); shared tab code never imports a feature.
            { from: { element: { type: 'tab-app' } }, allow: { to: { element: { types: { anyOf: ['tab-app', 'tab-feature', 'tab', 'domain', 'ports', 'manifest', 'cards'] } } } } },
            { from: { element: { type: 'tab-feature' } }, allow: { to: { element: { types: { anyOf: ['tab', 'domain', 'ports', 'manifest', 'cards'] } } } } },
            { from: { element: { type: 'tab-feature' } }, allow: { to: { element: { type: 'tab-feature', captured: { feature: '{{from.captured.feature}}' } } } } },
            { from: { element: { type: 'tab' } }, allow: { to: { element: { types: { anyOf: ['tab', 'domain', 'ports', 'graph', 'manifest', 'cards'] } } } } },
            { from: { element: { type: 'cli' } }, allow: { to: { element: { types: { anyOf: ['cli', 'server', 'local-root', 'domain', 'ports', 'commands', 'graph', 'cards', 'reports', 'bot', 'demo', 'manifest'] } } } } },
          ],
        },
      ],
      // No import circles anywhere in the house (type-only imports count: they are still a knot to untie).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
