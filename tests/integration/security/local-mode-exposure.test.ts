import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, startServer, type Config } from '../../../src/server';
import { hostOf } from '../../../src/server/config';
import { checkLocalHost } from '../../../src/server/listen';
import { recordingLogger, startSecureServer, type LogLine } from './harness';

/**
 * Local mode mints admin tokens for anyone and runs an unauthenticated bot: it must not be
 * reachable from the network unless someone opted in knowingly, and its bot never sends off the
 * machine.
 */
const nonLoopbackAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host, port, timeout: 1500 });
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
    socket.once('timeout', () => {
      socket.destroy();
      ok(false);
    });
  });
}

describe('local mode and the network', () => {
  it('binds 127.0.0.1 when HOST is not set, and is not reachable on the machine’s other addresses', async () => {
    const s = await startSecureServer({ LOG_LEVEL: 'silent' });
    try {
      expect(s.server.host).toBe('127.0.0.1');
      expect(await reachable('127.0.0.1', s.server.port)).toBe(true);
      const lan = nonLoopbackAddress();
      if (lan) expect(await reachable(lan, s.server.port)).toBe(false);
    } finally {
      await s.stop();
    }
  }, 60_000);

  it('refuses to start on a non-loopback HOST without the explicit opt-in, naming it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-exposed-'));
    try {
      const config = loadConfig({ MODE: 'local', PORT: '0', HOST: '0.0.0.0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      await expect(startServer(config)).rejects.toThrow(/LOCAL_ALLOW_NETWORK=expose-demo-tokens-to-the-network/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('with the opt-in, says so in a WARN line at start', () => {
    const lines: LogLine[] = [];
    const config = loadConfig({ MODE: 'local', HOST: '0.0.0.0', LOCAL_ALLOW_NETWORK: 'expose-demo-tokens-to-the-network' });
    checkLocalHost(config, '0.0.0.0', recordingLogger(lines));
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/LOCAL MODE ON THE NETWORK/) })]);
    expect(() => loadConfig({ MODE: 'local', LOCAL_ALLOW_NETWORK: 'yes' })).toThrow(/LOCAL_ALLOW_NETWORK/);
  });

  it('defaults local mode to loopback and a tenant to every interface (it sits behind the platform’s front end)', () => {
    expect(hostOf(loadConfig({ MODE: 'local' }))).toBe('127.0.0.1');
    expect(hostOf({ ...loadConfig({ MODE: 'local' }), MODE: 'tenant' } as unknown as Config)).toBe('0.0.0.0');
  });

  it('lets the local bot take activities only with a loopback serviceUrl', async () => {
    const s = await startSecureServer({ LOG_LEVEL: 'silent' });
    try {
      const member = s.users.find((u) => u.roles.length === 0)!;
      const activity = (serviceUrl: string) => ({
        type: 'message',
        id: 'm-1',
        channelId: 'msteams',
        serviceUrl,
        text: 'help',
        from: { id: `29:${member.id}`, aadObjectId: member.id, name: member.name },
        recipient: { id: '28:bot', name: 'Tavoitteet' },
        conversation: { id: `a:personal-${member.id}`, conversationType: 'personal' },
      });
      for (const url of ['http://10.1.2.3:8080/', 'https://smba.trafficmanager.net/emea/', 'http://127.0.0.1.nip.io/', 'http://[::ffff:10.0.0.1]/']) {
        const r = await fetch(`${s.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(url)) });
        expect(r.status, url).toBe(400);
        expect(((await r.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('serviceUrl');
      }
    } finally {
      await s.stop();
    }
  }, 60_000);

  it('keeps its clock across a restart on the same data folder instead of going back to APP_NOW', async () => {
    const first = await startSecureServer({ LOG_LEVEL: 'silent' });
    const before = Date.parse(((await (await fetch(`${first.url}/healthz`)).json()) as { now: string }).now);
    await first.stop({ keepData: true });
    await new Promise((r) => setTimeout(r, 1100));
    const second = await startSecureServer({ LOG_LEVEL: 'silent' }, { dataDir: first.dataDir });
    try {
      const after = Date.parse(((await (await fetch(`${second.url}/healthz`)).json()) as { now: string }).now);
      expect(after - before).toBeGreaterThanOrEqual(1000);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
