import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run playground`: Microsoft 365 Agents Playground (the local Teams-like bot tester) against
 * the running app server's bot endpoint, on the msteams channel, so a person can see the cards and
 * press their buttons without a tenant. Start the server first (`npm start`, local mode).
 * Without a display the Playground would try to open a browser and exit; TEAMSAPPTESTER_BROWSER=none
 * keeps it serving its UI at http://localhost:56150 (open it in any browser, or headless Chromium).
 */
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
