import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer, type RunningServer } from '../../../src/server';
import type { Logger } from '../../../src/ports';

/** One log line as the server wrote it. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  extra?: unknown;
}

export interface SecureServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  lines: LogLine[];
  users: { id: string; upn: string; name: string; roles: string[] }[];
  /** The demo user's API and Graph tokens (from /local/token). */
  token(userId: string): Promise<{ accessToken: string; graphToken: string }>;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

export function recordingLogger(lines: LogLine[]): Logger {
  const at = (level: LogLine['level']) => (msg: string, extra?: unknown) => {
    lines.push({ level, msg, ...(extra !== undefined ? { extra } : {}) });
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The real server in local mode (fresh emulator, demo data) with every log line recorded. */
export async function startSecureServer(env: Record<string, string> = {}, o: { dataDir?: string } = {}): Promise<SecureServer> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'tavoitteet-sec-'));
  const lines: LogLine[] = [];
  const config = loadConfig({ MODE: 'local', PORT: '0', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', ...env });
  const server = await startServer(config, { logger: recordingLogger(lines) });
  const users = (await (await fetch(`${server.url}/local/users`)).json()) as SecureServer['users'];
  const tokens = new Map<string, { accessToken: string; graphToken: string }>();
  return {
    server,
    url: server.url,
    dataDir,
    lines,
    users,
    token: async (userId) => {
      const cached = tokens.get(userId);
      if (cached) return cached;
      const r = await fetch(`${server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
      if (!r.ok) throw new Error(`token for ${userId}: ${r.status}`);
      const t = (await r.json()) as { accessToken: string; graphToken: string };
      tokens.set(userId, t);
      return t;
    },
    stop: async ({ keepData = false } = {}) => {
      await server.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts of items in every list, straight from the emulator's lists through the repository. */
export async function listCounts(server: RunningServer): Promise<Record<string, number>> {
  const r = server.services.repo;
  const [plans, themes, goals, checkIns, reviews, groups, units, people] = await Promise.all([
    r.plans.list(),
    r.themes.list(),
    r.goals.list(),
    r.checkIns.list(),
    r.reviews.list(),
    r.groups.list(),
    r.units.list(),
    r.people.list(),
  ]);
  return {
    plans: plans.items.length,
    themes: themes.items.length,
    goals: goals.items.length,
    checkIns: checkIns.items.length,
    reviews: reviews.items.length,
    groups: groups.items.length,
    units: units.items.length,
    people: people.items.length,
  };
}
