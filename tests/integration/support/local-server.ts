import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer, type ListenOptions, type RunningServer } from '../../../src/server';

export interface DemoUserInfo {
  id: string;
  upn: string;
  name: string;
  roles: string[];
  description: { fi: string; sv: string; en: string };
}

export interface TestServer {
  server: RunningServer;
  url: string;
  users: DemoUserInfo[];
  token(userId: string): Promise<{ accessToken: string; graphToken: string }>;
  api(path: string, init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * Starts the real server in local mode on a free port with a fresh emulator database and the demo
 * data; `listen` as for the server itself (e.g. another built tab to serve).
 */
export async function startTestServer(env: Record<string, string> = {}, listen: ListenOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-it-'));
  const config = loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'silent', ...env });
  const server = await startServer(config, listen);
  const url = server.url;
  const users = (await (await fetch(`${url}/local/users`)).json()) as DemoUserInfo[];
  const tokens = new Map<string, { accessToken: string; graphToken: string }>();
  const token = async (userId: string) => {
    const cached = tokens.get(userId);
    if (cached) return cached;
    const r = await fetch(`${url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
    if (!r.ok) throw new Error(`token for ${userId}: ${r.status}`);
    const t = (await r.json()) as { accessToken: string; graphToken: string };
    tokens.set(userId, t);
    return t;
  };
  const api: TestServer['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const r = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers,
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
    const text = await r.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep text */
    }
    return { status: r.status, body, headers: r.headers };
  };
  return {
    server,
    url,
    users,
    token,
    api,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
