/**
 * `npm run package [-- --mode local|tenant] [-- --out <dir>]`: builds the Teams app package.
 *
 * Reads env/.env then env/.env.local (dotenv: a variable already set wins, so the process
 * environment beats env/.env, which beats env/.env.local), then `package/zip.ts` fills the
 * `${{NAME}}` placeholders of appPackage/manifest.json (`values.ts`, `manifest.ts`), validates the
 * manifest and the sv/en localization files against the bundled Teams schemas (`validate.ts`),
 * checks the icons (`icons.ts`) and writes appPackage/build/appPackage.<mode>.zip. Exits 1 with
 * one line per problem, each naming the bad field.
 */
import { config as loadDotenv } from 'dotenv';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MANIFEST_VERSION } from './package/manifest';
import { PackageError } from './package/problems';
import { buildPackage } from './package/zip';
import { exitWithHelpIfAsked } from './help';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Reads env/.env then env/.env.local into a copy of process.env (earlier sources win). */
function readEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  loadDotenv({ path: [join(repoRoot, 'env/.env'), join(repoRoot, 'env/.env.local')], processEnv: env as Record<string, string>, quiet: true });
  return env;
}

const USAGE = `Usage: npm run package [-- --mode local|tenant] [--out <dir>]

Builds the Teams app package: fills appPackage/manifest.json from env/.env and env/.env.local,
validates it and the sv/en localizations against the Teams schemas, checks the icons and writes
appPackage/build/appPackage.<mode>.zip. Exits 1 naming each bad field.

  --mode      local or tenant (default: MODE from the environment, else local)
  --out       the folder to write the package to (default appPackage/build)
  --help, -h  this text`;

function main(): void {
  exitWithHelpIfAsked(USAGE);
  const { values: args } = parseArgs({ options: { mode: { type: 'string' }, out: { type: 'string' } } });
  const env = readEnv();
  const mode = args.mode ?? env.MODE ?? 'local';
  if (mode !== 'local' && mode !== 'tenant') {
    console.error(`--mode must be local or tenant (got "${mode}")`);
    process.exit(2);
  }
  if (args.mode && (env.MODE ?? 'local') !== mode) {
    console.log(`Note: the environment and env/ files are set up for MODE=${env.MODE ?? 'local'}, so their settings are not used for this ${mode} package.`);
  }
  try {
    const r = buildPackage({ mode, env, ...(args.out ? { outDir: resolve(args.out) } : {}) });
    console.log(`Wrote ${relative(process.cwd(), r.zipPath)} (Teams manifest v${MANIFEST_VERSION}, ${mode} mode)`);
    console.log(`  files: ${r.files.join(', ')}`);
    console.log(`  app id ${r.values.TEAMS_APP_ID}, bot ${r.values.BOT_ID}, Entra app ${r.values.AAD_CLIENT_ID}`);
    console.log(`  tabs at ${r.values.PUBLIC_URL}, API audience ${r.values.API_AUDIENCE}`);
    console.log('  manifest and sv/en localization validated against the bundled schemas; icons checked.');
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main();
