/**
 * One server instance of the scale-out test, in its own process: the real Graph adapter (over
 * HTTP to the one emulator the test serves, as every instance of a municipality reaches the one
 * SharePoint site), the real command context, the real bot reminder runner and the send queue the
 * server builds from SCALE_OUT_INSTANCES (src/server/scale-out.ts). It differs from
 * `buildServices` only in where Graph is: local mode keeps its emulator in-process, which two
 * processes cannot share (see docs/decisions/0007-deployment.md).
 *
 * Protocol on stdio: prints `ready`, waits for one line on stdin (the start signal, so both
 * instances run at the same instant as two schedulers ticking at 9:00 would), runs one reminder
 * pass and prints its report as one JSON line, then exits.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createReminderRunner, fixedRoleSource, roleDirectoryFromUsers, type BotServices } from '../../../src/bot';
import { createBoardReader, createGraphClient, createGraphRepository, createSiteLists } from '../../../src/graph';
import { DEMO_USERS } from '../../../src/demo';
import { createClock } from '../../../src/server/clock';
import { loadConfig } from '../../../src/server/config';
import { createLogger } from '../../../src/server/logger';
import { sendQueueFor } from '../../../src/server/scale-out';
import { scaleLeaders } from './setup';

const env = process.env;
const config = loadConfig({ MODE: 'local', LOG_LEVEL: 'silent', SCALE_OUT_INSTANCES: env.SCALE_OUT_INSTANCES, TEAMS_APP_SENDS_PER_SECOND: env.TEAMS_APP_SENDS_PER_SECOND, APP_NOW: env.APP_NOW });
const graph = createGraphClient({ baseUrl: env.SCALE_GRAPH_URL!, getToken: async () => env.SCALE_GRAPH_TOKEN!, retry: { maxRetries: 6, delaySeconds: 0, maxDelaySeconds: 1 } });
const siteId = env.SCALE_SITE_ID!;
const lists = createSiteLists(graph, siteId);
const repo = createGraphRepository({ client: graph, siteId, lists });
const board = createBoardReader({ client: graph, siteId, lists });
const clock = createClock(config.MODE === 'local' ? config.APP_NOW : undefined);
const log = createLogger('silent');
const services: BotServices = {
  config: { mode: 'local', teamsAppId: config.TEAMS_APP_ID },
  publicUrl: 'http://127.0.0.1:3978',
  log,
  repo,
  board,
  ctx: { repo, clock, newId: randomUUID },
  roles: fixedRoleSource(roleDirectoryFromUsers([...DEMO_USERS, ...scaleLeaders(Number(env.SCALE_LEADERS))])),
};
const queue = sendQueueFor(config);
// When each send leaves this instance (after the queue let it through): the test adds up both instances'.
const sendTimes: number[] = [];
const runner = await createReminderRunner(services, {
  queue,
  env: {},
  wrapSend: (send) => (to, card) => {
    sendTimes.push(Date.now());
    return send(to, card);
  },
});

const lines = createInterface({ input: process.stdin });
console.log('ready');
for await (const _go of lines) break;
const report = await runner.runReminders({ planKey: env.SCALE_PLAN!, period: env.SCALE_PERIOD!, kinds: ['group', 'personal', 'digest'] });
console.log(JSON.stringify({
  planned: report.planned.map((p) => p.key),
  sent: report.sent.map((s) => s.key),
  skipped: report.skipped,
  failed: report.failed,
  attempts: queue.stats.attempts,
  sendTimes,
}));
await runner.close();
process.exit(0);
