/**
 * Builds the tab and starts the real app server (local mode: emulator + demo data) on a free port
 * with a fresh temporary DATA_DIR, in-process through `startServer` (buildServices, then listen).
 * Reusable by any e2e suite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface E2eServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export function buildTab(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync('dist/tab/index.html')) return;
  // The production build users get: vitest sets NODE_ENV=test, which a child build inherits, and
  // Vite then bundles React's development build (shell 239 KiB gzip instead of 172).
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-e2e-'));
  const { loadConfig, startServer } = await import('../../../src/server');
  const config = loadConfig({
    MODE: 'local',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    APP_NOW: '2021-09-22T09:00:00+03:00',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const server = await startServer(config);
  const url = server.url.replace('0.0.0.0', '127.0.0.1').replace(/\/$/, '');
  await waitForHealth(url);
  return {
    url,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server at ${url} did not become healthy: ${last}`);
}
