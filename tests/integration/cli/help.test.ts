import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every command-line tool answers --help (issue 13, item 21: `npm run remind -- --help` said
 * "Unknown option"): usage on stdout, exit status 0, and nothing done — no database created, no
 * tenant reached (the settings point at an empty folder and a mode that would otherwise fail).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-help-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(tool: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${tool}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, MODE: 'local', DATA_DIR: dataDir, BOT_ENDPOINT: 'http://127.0.0.1:9/api/messages' },
  });
}

describe('--help', () => {
  for (const tool of ['seed', 'provision', 'remind', 'playground', 'package', 'import', 'export']) {
    it(`prints the usage of npm run ${tool} and exits 0 without doing anything`, { timeout: 60_000 }, () => {
      const r = run(tool, '--help');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`npm run ${tool}`);
      expect(readdirSync(dataDir)).toEqual([]);
    });
  }

  it('answers -h too', { timeout: 60_000 }, () => {
    expect(run('package', '-h')).toMatchObject({ status: 0, stdout: expect.stringContaining('--mode') });
  });
});
