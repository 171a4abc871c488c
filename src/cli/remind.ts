import { config as loadDotenv } from 'dotenv';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { keySchema, periodSchema, REMINDER_KINDS } from '../domain';
import { createReminderRunner } from '../bot';
import { buildServices, ConfigError, loadConfig } from '../server';
import { exitWithHelpIfAsked } from './help';

/**
 * `npm run remind -- --plan X --period 2021-09 [--dry-run] [--kind group|personal|escalation|digest]`
 * One reminder pass by hand, against the configured mode (local: the emulator database under
 * DATA_DIR). It builds the services and the bot's reminder runner — no HTTP server, no port — runs
 * the same code the scheduler runs, prints what it sent or would send, and stops.
 * Safe to repeat: the ReminderLog sends only what is missing.
 */
const argsSchema = z.object({
  plan: keySchema,
  period: periodSchema,
  'dry-run': z.boolean().default(false),
  kind: z.array(z.enum(REMINDER_KINDS)).optional(),
});

exitWithHelpIfAsked(`Usage: npm run remind -- --plan <key> --period YYYY-MM [--dry-run] [--kind ${REMINDER_KINDS.join('|')}]

One reminder pass by hand, the same code the scheduler runs, against the configured mode (locally,
the emulator under DATA_DIR). Safe to repeat: the ReminderLog sends only what is missing.

  --plan      the plan's key, e.g. vantaa-ko-2021
  --period    the reporting period, e.g. 2021-09
  --dry-run   print what would be sent, send nothing
  --kind      only this kind of reminder (repeat for several): ${REMINDER_KINDS.join(', ')}
  --help, -h  this text`);
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });

try {
  const { values } = parseArgs({
    options: { plan: { type: 'string' }, period: { type: 'string' }, 'dry-run': { type: 'boolean' }, kind: { type: 'string', multiple: true } },
  });
  const r = argsSchema.safeParse(values);
  if (!r.success) {
    console.error(`Usage: npm run remind -- --plan <key> --period YYYY-MM [--dry-run] [--kind ${REMINDER_KINDS.join('|')}]`);
    for (const i of r.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
    process.exit(2);
  }
  const args = r.data;
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const services = await buildServices(config);
  try {
    const bot = await createReminderRunner(services.bot);
    const report = await bot.runReminders({
      planKey: args.plan,
      period: args.period,
      ...(args.kind ? { kinds: args.kind } : {}),
      dryRun: args['dry-run'],
      afterSend: (o, id) => console.log(`sent     ${o.kind.padEnd(10)} ${o.summary}  (activity ${id})`),
    });
    const skipped = new Map(report.skipped.map((s) => [s.key, s.reason]));
    if (args['dry-run']) {
      for (const o of report.planned) console.log(`${skipped.has(o.key) ? `skip (${skipped.get(o.key)})` : 'would send'}  ${o.kind.padEnd(10)} ${o.summary}  → ${o.conversation.conversationId}`);
    } else {
      for (const s of report.skipped) console.log(`skipped  ${s.key}: ${s.reason}`);
      for (const f of report.failed) console.log(`FAILED   ${f.key}: ${f.error}`);
    }
    const q = bot.queue.stats;
    console.log(
      `${args.plan} ${args.period}: ${report.planned.length} planned, ${report.sent.length} sent, ${report.skipped.length} skipped, ${report.failed.length} failed` +
        (args['dry-run'] ? ' (dry run: nothing sent)' : `; ${q.attempts} attempts, ${q.retries} retries, ${q.throttled} throttled`),
    );
    if (report.planned.length === 0) console.log('Nothing to send: no linked groups / personal installs with due goals for this plan and period.');
    process.exitCode = report.failed.length ? 1 : 0;
    await bot.close();
  } finally {
    await services.close();
  }
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
