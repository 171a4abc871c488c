// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The dependency direction of DESIGN.md, enforced:
 *   domain ← commands, graph, cards ← server, bot, tab, cli
 * commands use ports, never graph; tab never imports server, bot or commands (it sends commands
 * over HTTP); only the local-mode composition root (and tests) import the emulator.
 */
const layer = (type, pattern) => ({ type, pattern, mode: 'folder' });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-results/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
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
        { type: 'local-root', pattern: 'src/server/local-mode.ts', mode: 'file' },
        layer('server', 'src/server'),
        layer('bot', 'src/bot'),
        layer('tab', 'src/tab'),
        layer('cli', 'src/cli'),
      ],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type} (see DESIGN.md: domain ← commands, graph, cards ← server, bot, tab, cli)',
          rules: [
            { from: 'domain', allow: ['domain'] },
            { from: 'manifest', allow: ['manifest'] },
            { from: 'commands', allow: ['commands', 'domain'] },
            { from: 'graph', allow: ['graph', 'domain', 'manifest', 'commands'] },
            { from: 'cards', allow: ['cards', 'domain'] },
            { from: 'demo', allow: ['demo', 'domain', 'commands'] },
            { from: 'emulator', allow: ['emulator'] },
            { from: 'local-root', allow: ['server', 'domain', 'demo', 'emulator', 'commands', 'graph'] },
            { from: 'server', allow: ['server', 'local-root', 'domain', 'commands', 'graph', 'cards', 'bot', 'demo', 'manifest'] },
            { from: 'bot', allow: ['bot', 'domain', 'commands', 'graph', 'cards', 'demo', 'manifest', 'server'] },
            { from: 'tab', allow: ['tab', 'domain', 'graph', 'manifest', 'cards'] },
            { from: 'cli', allow: ['cli', 'server', 'domain', 'commands', 'graph', 'cards', 'bot', 'demo', 'manifest'] },
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
