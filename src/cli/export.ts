import { config as loadDotenv } from 'dotenv';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DomainError, pickText } from '../domain';
import { exportReport, REPORT_FORMATS, reportRequestSchema } from '../reports';
import { buildServices, ConfigError, loadConfig } from '../server';

/**
 * `npm run export -- --plan vantaa-ko-2021 --period 2021-08 --format docx --lang sv --out raportti.docx`
 * The board report as a file, from the same model and writers as the dashboard's download, on the
 * configured site (locally: the emulator database under DATA_DIR, created with the demo data on
 * first use). `--list-plans` prints the plan keys. Runs on the services alone: no HTTP server.
 */
const USAGE = `Usage: npm run export -- --plan <key> --period YYYY-MM [--format ${REPORT_FORMATS.join('|')}] [--lang fi|sv|en] [--out <file>]
                         [--theme <key>] [--group <key>] [--unit <key>] [--status <value>|none]
       npm run export -- --list-plans

  --plan      the plan's key (see --list-plans)
  --period    the snapshot month: the report shows each unit's latest check-in at or before it
  --format    docx (default), xlsx or csv
  --lang      the report's language, fi (default), sv or en
  --out       where to write the file; default <plan>_<period>_<lang>.<format> in this folder
  --theme, --group, --unit, --status
              the dashboard's filters: a theme (with its sub-themes), a responsible group, a
              service area, an overall status value on the plan's scale or "none"`;

loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });

const options = {
  plan: { type: 'string' },
  period: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  theme: { type: 'string' },
  group: { type: 'string' },
  unit: { type: 'string' },
  status: { type: 'string' },
  'list-plans': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

let parsed: ReturnType<typeof parseArgs<{ options: typeof options }>>;
try {
  parsed = parseArgs({ options });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  console.error(USAGE);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { out, 'list-plans': listPlans, help: _help, ...request } = values;
const req = listPlans ? undefined : reportRequestSchema.safeParse(request);
if (req && !req.success) {
  for (const i of req.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
  console.error(USAGE);
  process.exit(2);
}

try {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const services = await buildServices(config);
  try {
    if (!req) {
      const plans = await services.repo.plans.list();
      for (const p of plans.items.map((x) => x.value).sort((a, b) => b.periodStart.localeCompare(a.periodStart))) {
        console.log(`${p.key}\t${p.periodStart} – ${p.periodEnd}\t${pickText(p.title, 'fi')}`);
      }
      if (plans.items.length === 0) console.log('No plans on this site.');
    } else {
      const file = await exportReport(services.board, req.data, services.clock.now());
      const path = out ?? file.fileName;
      writeFileSync(path, file.bytes);
      const counts = file.report.counts.map((c) => `${c.status?.label ?? 'not reported'} ${c.count}`).join(', ');
      console.log(`${path}: ${file.report.goalCount} goals as of ${req.data.period} in ${req.data.lang} (${counts}), ${file.bytes.length} bytes`);
    }
  } finally {
    await services.close();
  }
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  if (e instanceof DomainError) {
    console.error(`${e.kind}: ${e.message}`);
    process.exit(e.kind === 'NotFound' || e.kind === 'Invalid' ? 2 : 1);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
