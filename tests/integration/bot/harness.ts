import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/server/config';
import { startServer, type RunningServer } from '../../../src/server/create-server';

/**
 * A stand-in for the Bot Connector service: records every activity the bot sends
 * (POST /v3/conversations/:id/activities) or updates (PUT …/activities/:activityId), with the
 * time it arrived, and answers 429 with Retry-After on a share of requests when told to.
 */
export interface Recorded {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId?: string;
  at: number;
  status: number;
  body: any;
}

export interface Connector {
  url: string;
  recorded: Recorded[];
  /** Successful sends only (status 2xx). */
  delivered(): Recorded[];
  throttle(rate: number, retryAfterSeconds?: number, random?: () => number): void;
  close(): Promise<void>;
}

export async function startConnector(): Promise<Connector> {
  const app = express();
  app.use(express.json({ limit: '2mb' }));
  const recorded: Recorded[] = [];
  let rate = 0;
  let retryAfter = 1;
  let rnd: () => number = Math.random;
  let n = 0;
  const handle = (method: 'POST' | 'PUT') => (req: express.Request, res: express.Response) => {
    const conversationId = decodeURIComponent(String(req.params.id));
    const throttled = rate > 0 && rnd() < rate;
    const status = throttled ? 429 : method === 'POST' ? 201 : 200;
    recorded.push({ method, conversationId, ...(req.params.aid ? { activityId: String(req.params.aid) } : {}), at: Date.now(), status, body: req.body });
    if (throttled) {
      res.status(429).set('Retry-After', String(retryAfter)).json({ error: { code: 'TooManyRequests', message: 'Throttled' } });
      return;
    }
    res.status(status).json({ id: String(req.params.aid ?? `act-${++n}`) });
  };
  app.post('/v3/conversations/:id/activities', handle('POST'));
  app.put('/v3/conversations/:id/activities/:aid', handle('PUT'));
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    recorded,
    delivered: () => recorded.filter((r) => r.status < 300),
    throttle: (r, secs = 1, random = Math.random) => {
      rate = r;
      retryAfter = secs;
      rnd = random;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Harness {
  server: RunningServer;
  connector: Connector;
  dataDir: string;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The demo's clock: 22 Sep 2021, after September's reminder day and before its due day. */
export const DEMO_NOW = '2021-09-22T09:00:00+03:00';

/** A local server on the demo data, its clock starting at `now` (default DEMO_NOW), and a recording connector. */
export async function startHarness(o: { now?: string } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-bot-'));
  const connector = await startConnector();
  const server = await startServer(loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: o.now ?? DEMO_NOW, LOG_LEVEL: 'silent' }));
  return {
    server,
    connector,
    dataDir,
    post: async (activity) => {
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: async () => {
      await server.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BOT = { id: '28:tavoitteet-bot', name: 'Tavoitteet' };
export const TENANT = 'tenant-0001';

let seq = 0;
/** Teams-shaped activities, as the Bot Connector delivers them. */
export const activities = {
  teamInstall(serviceUrl: string, teamId: string, installer: { aadObjectId: string; name: string }, locale = 'fi-FI') {
    return {
      type: 'conversationUpdate',
      id: `f:${++seq}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      locale,
      from: { id: `29:${installer.aadObjectId}`, aadObjectId: installer.aadObjectId, name: installer.name },
      recipient: BOT,
      conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      membersAdded: [{ id: BOT.id }],
      channelData: { eventType: 'teamMemberAdded', team: { id: teamId, name: 'Team' }, channel: { id: teamId }, tenant: { id: TENANT } },
    };
  },
  teamRemove(serviceUrl: string, teamId: string) {
    return { ...activities.teamInstall(serviceUrl, teamId, { aadObjectId: 'x', name: 'x' }), membersAdded: undefined, membersRemoved: [{ id: BOT.id }], channelData: { eventType: 'teamMemberRemoved', team: { id: teamId }, tenant: { id: TENANT } } };
  },
  personalInstall(serviceUrl: string, user: { aadObjectId: string; name: string }, locale = 'fi-FI') {
    return {
      type: 'conversationUpdate',
      id: `f:${++seq}`,
      channelId: 'msteams',
      serviceUrl,
      locale,
      from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name },
      recipient: BOT,
      conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
      membersAdded: [{ id: BOT.id }, { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId }],
      channelData: { tenant: { id: TENANT } },
    };
  },
  personalRemove(serviceUrl: string, user: { aadObjectId: string; name: string }) {
    return { ...activities.personalInstall(serviceUrl, user), membersAdded: undefined, membersRemoved: [{ id: BOT.id }] };
  },
  message(serviceUrl: string, user: { aadObjectId: string; name: string }, text: string, locale = 'en-US') {
    return {
      type: 'message',
      id: `m:${++seq}`,
      channelId: 'msteams',
      serviceUrl,
      locale,
      text,
      from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name },
      recipient: BOT,
      conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    };
  },
  cardAction(serviceUrl: string, user: { aadObjectId: string; name: string }, conversationId: string, verb: string, data: Record<string, unknown>, replyToId?: string, locale = 'fi-FI') {
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i:${++seq}`,
      channelId: 'msteams',
      serviceUrl,
      locale,
      from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name },
      recipient: BOT,
      conversation: { id: replyToId ? `${conversationId};messageid=${replyToId}` : conversationId, conversationType: 'channel', tenantId: TENANT },
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data } },
      channelData: { tenant: { id: TENANT }, team: { id: conversationId }, channel: { id: conversationId } },
    };
  },
};
