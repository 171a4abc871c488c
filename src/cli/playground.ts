import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitWithHelpIfAsked } from './help';

/**
 * `npm run playground`: Microsoft 365 Agents Playground (the local Teams-like bot tester) against
 * the running app server's bot endpoint, on the msteams channel, so a person can see the cards and
 * press their buttons without a tenant. Start the server first (`npm start`, local mode).
 * Without a display the Playground would try to open a browser and exit; TEAMSAPPTESTER_BROWSER=none
 * keeps it serving its UI at http://localhost:56150 (open it in any browser, or headless Chromium).
 */
exitWithHelpIfAsked(`Usage: npm run playground [-- <Agents Playground options>]

Microsoft 365 Agents Playground against the running app's bot endpoint on the msteams channel,
to try the cards without a tenant. Start the server first (npm start).

  BOT_ENDPOINT      the bot endpoint (default http://localhost:$PORT/api/messages, PORT 3978)
  PLAYGROUND_PORT   the Playground's own port (default 56150)
  --help, -h        this text; the Playground's own options go after a second --`);
const endpoint = process.env.BOT_ENDPOINT ?? `http://localhost:${process.env.PORT ?? '3978'}/api/messages`;
const bin = resolve('node_modules/.bin/agentsplayground');
if (!existsSync(bin)) {
  console.error('Agents Playground is not installed: npm install (it is a devDependency, @microsoft/m365agentsplayground).');
  process.exit(1);
}
const env = { ...process.env };
if (!env.DISPLAY && !env.WAYLAND_DISPLAY && process.platform === 'linux') env.TEAMSAPPTESTER_BROWSER ??= 'none';

console.log(`Agents Playground → ${endpoint} (channel msteams). UI: http://localhost:${env.PLAYGROUND_PORT ?? '56150'}`);
const child = spawn(bin, ['-e', endpoint, '-c', 'msteams', '-p', env.PLAYGROUND_PORT ?? '56150', ...process.argv.slice(2)], { stdio: 'inherit', env });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
