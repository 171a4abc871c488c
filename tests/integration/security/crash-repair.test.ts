import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import type { Repository } from '../../../src/ports';
import { buildServices, loadConfig } from '../../../src/server';
import { startSecureServer } from './harness';

/**
 * A server killed (SIGKILL) in the middle of a burst of check-ins can leave a check-in stored and
 * its goal's summary not yet updated. The next start repairs it: afterwards every summary equals
 * its recomputation from CheckIns.
 */
const FIXTURE = fileURLToPath(new URL('./fixtures/serve-until-killed.ts', import.meta.url));

const keys = (x: Record<string, { checkInKey: string }>) => Object.fromEntries(Object.entries(x).map(([slot, e]) => [slot, e.checkInKey]));

async function behind(repo: Repository): Promise<string[]> {
  const out: string[] = [];
  for (const g of (await repo.goals.list()).items) {
    const checkIns = (await repo.checkIns.list({ goalKey: g.value.key })).items.map((c) => c.value);
    if (JSON.stringify(keys(g.value.summary)) !== JSON.stringify(keys(summaryFromCheckIns(checkIns)))) out.push(g.value.key);
  }
  return out;
}

it('after SIGKILL mid-burst and a restart, every goal summary equals its recomputation from CheckIns', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-crash-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) ok((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => fail(new Error(`the server exited (${code}) before it listened`)));
    });
    const users = (await (await fetch(`${url}/local/users`)).json()) as { id: string; roles: string[] }[];
    const admin = users.find((u) => u.roles.includes('admin'))!;
    const { accessToken } = (await (await fetch(`${url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: admin.id }) })).json()) as { accessToken: string };

    // The burst: 220 check-ins on the demo goals' units, 40 at a time; the kill lands after the 60th answer.
    const config = loadConfig({ MODE: 'local', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const targets: { goalKey: string; unit?: string }[] = [];
    {
      const peek = await buildServices(config);
      for (const g of (await peek.repo.goals.list()).items) for (const u of g.value.units.length ? g.value.units : [undefined]) targets.push({ goalKey: g.value.key, ...(u ? { unit: u } : {}) });
      await peek.close();
    }
    let answered = 0;
    let killed = false;
    const one = async (i: number) => {
      const t = targets[i % targets.length]!;
      try {
        await fetch(`${url}/api/check-ins`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ ...t, period: '2021-09', status: 1 + (i % 2), narrative: `Purske ${i}`, submissionId: `crash-${i}-${Date.now().toString(36)}` }),
        });
      } catch {
        /* the server is gone */
      }
      if (++answered === 60 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const queue = Array.from({ length: 220 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (let i = queue.shift(); i !== undefined && !killed; i = queue.shift()) await one(i);
      }),
    );
    if (!killed) child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));

    // What the crash left, read without starting the server (no reconcile ran).
    const inspect = await buildServices(config);
    const stored = (await inspect.repo.checkIns.list()).items.filter((c) => c.value.narrative.startsWith('Purske')).length;
    const left = await behind(inspect.repo);
    await inspect.close();
    console.log(`SIGKILL after 60 answers: ${stored} check-ins stored, ${left.length} goal summaries behind before the restart`);

    const s = await startSecureServer({ LOG_LEVEL: 'silent' }, { dataDir });
    try {
      await s.server.reconciler.started;
      expect(await behind(s.server.services.repo)).toEqual([]);
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
