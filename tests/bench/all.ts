/**
 * `npm run bench [-- --quick]`: the benchmarks in turn (Graph and commands, emulator, reminder fan-out, tab), with the arguments passed to each
 * (npm appends them to the last command of a script only). `--quick` runs the S size of run.ts and a
 * small emulator micro-benchmark and skips the tab build + browser measurements, to stay under 2 minutes.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const run = (cmd: string, cmdArgs: string[], env: Record<string, string> = {}): void => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// The tab is built first: run.ts times the dashboard at each size in Chromium, and bench-tab measures it.
if (!quick) run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['tsx', 'tests/bench/run.ts', ...args]);
run('npx', ['tsx', 'tests/bench/emulator.ts'], quick ? { BENCH_ITEMS: '2000' } : {});
run('npx', ['tsx', 'tests/bench/fan-out.ts']);
if (quick) console.log('\ntab bench skipped with --quick (npm run bench without it builds the tab and measures it in Chromium)');
else run('node', ['scripts/bench-tab.mjs', ...args]);
