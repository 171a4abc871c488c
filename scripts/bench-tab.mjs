// Part of `npm run bench` (which builds the tab first): the tab's initial JS (gzip) and time to
// data in Chromium on the demo dataset. Skipped with a clear line when no Chromium is installed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('/usr/bin/chromium')) {
  console.log('tab bench skipped: no /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(0);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['tsx', 'scripts/measure-tab.ts']);
