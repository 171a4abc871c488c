import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Local-only parts (the emulator, better-sqlite3, the demo dataset, src/server/local) are loaded
 * with a dynamic import in local mode only. Proved in a child process whose every module
 * resolution is recorded by a loader hook (ESM, and CommonJS packages imported from ESM), plus the
 * CommonJS require cache: a static import of local mode anywhere on the tenant path fails this.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const LOCAL_ONLY = [/\/src\/emulator\//, /\/src\/server\/local\//, /\/src\/demo\//, /\/node_modules\/better-sqlite3\//];

function start(mode: 'tenant' | 'local') {
  const dir = mkdtempSync(join(tmpdir(), `tavoitteet-${mode}-start-`));
  const log = join(dir, 'modules.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(FIXTURES, 'record-modules.mjs'), join(FIXTURES, 'start-mode.ts'), mode], {
      env: { ...process.env, MODULE_LOG: log, DATA_DIR: join(dir, 'data') },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { health: { status: string; mode: string }; messagesStatus: number; commonJs: string[] };
    const modules = [...new Set([...readFileSync(log, 'utf8').split('\n').filter(Boolean), ...out.commonJs.map((p) => `file://${p}`)])];
    return { ...out, modules, localOnly: modules.filter((m) => LOCAL_ONLY.some((re) => re.test(m))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a tenant-mode start', () => {
  it('serves /healthz and the bot endpoint with dummy tenant settings, never loading the emulator, SQLite or the demo data', () => {
    const r = start('tenant');
    expect(r.health).toMatchObject({ status: 'ok', mode: 'tenant' });
    // The bot is mounted and asks for a Bot Service token (nothing reached Entra ID to get there).
    expect(r.messagesStatus).toBe(401);
    expect(r.modules.some((m) => m.endsWith('/src/server/compose.ts'))).toBe(true);
    expect(r.localOnly).toEqual([]);
  }, 120_000);

  it('is measured by a recorder that does see the local-only modules when local mode loads them', () => {
    const r = start('local');
    expect(r.health).toMatchObject({ status: 'ok', mode: 'local' });
    expect(r.localOnly).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/src\/emulator\/index\.ts$/), expect.stringMatching(/\/src\/server\/local\/local-mode\.ts$/), expect.stringMatching(/better-sqlite3/)]),
    );
  }, 120_000);
});
