import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The command-line tools run on `buildServices` alone: in a child process where opening any port
 * (net.Server.prototype.listen, which every HTTP server goes through) throws and says so, seeding a
 * fresh emulator and a reminder dry run both succeed.
 */
const NO_LISTEN = fileURLToPath(new URL('./fixtures/no-listen.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', NO_LISTEN, script, ...args], {
    env: { ...process.env, MODE: 'local', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command-line tools', () => {
  it('seed fills a fresh local emulator without opening a port', () => {
    const r = cli('src/cli/seed.ts', []);
    expect(r.stderr).not.toContain('OPENED A PORT');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Demo data loaded in ${dataDir}`);
  }, 150_000);

  it('remind --dry-run plans a pass over the seeded data without opening a port', () => {
    const r = cli('src/cli/remind.ts', ['--plan', 'vantaa-ko-2021', '--period', '2021-09', '--dry-run']);
    expect(r.stderr).not.toContain('OPENED A PORT');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^vantaa-ko-2021 2021-09: \d+ planned, 0 sent, \d+ skipped, 0 failed \(dry run: nothing sent\)$/m);
  }, 150_000);

  it('is guarded by a hook that does stop a process that opens a port', () => {
    const r = spawnSync(process.execPath, ['--import', NO_LISTEN, '-e', "require('node:http').createServer().listen(0)"], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('OPENED A PORT');
  }, 60_000);
});
