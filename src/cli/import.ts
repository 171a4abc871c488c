import { config as loadDotenv } from 'dotenv';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError, isoDateSchema, keySchema, periodSchema, type Actor } from '../domain';
import { IMPORT_FIELDS, isColumnTarget } from '../domain/import';
import { applyImport, ImportFileError, MAX_IMPORT_BYTES, previewImport, type ImportPreview, type ImportRequest } from '../commands';
import { buildServices, ConfigError, loadConfig } from '../server';

const USAGE = `Usage: npm run import -- <file.xlsx|file.csv> --plan <key> [options]

Imports an existing goal table into a plan (created when it does not exist): themes from heading
rows or a theme column, goals, responsible persons and groups (new groups are created), and the
realization column as a check-in of the period its header names ("Toteuma 8/2021").
Importing the same file again changes nothing; an edited file updates what changed.

  --plan KEY           the plan to import into (created if missing)
  --sheet N|NAME       the sheet (1-based number or name); default: the first with a goal table
  --map "Header=field" read a column as a field, or "Header=ignore"; repeat for several columns.
                       fields: ${IMPORT_FIELDS.join(', ')}
  --period YYYY-MM     the realization's period when the headers name none
  --title TEXT         the new plan's title (default: the title rows above the header)
  --start YYYY-MM-DD   the new plan's first day (default: from the years in the headers)
  --end YYYY-MM-DD     the new plan's last day
  --dry-run            show what would happen and write nothing
  --help               this text

Exit status: 0 imported (or the dry run found no errors), 1 the file has errors, 2 wrong usage.`;

const argsSchema = z.object({
  file: z.string().min(1, 'Name the file to import'),
  plan: keySchema,
  sheet: z.string().optional(),
  map: z
    .array(
      z
        .string()
        .regex(/^.+=.+$/, 'Write it as "Header=field"')
        .refine((m) => isColumnTarget(m.slice(m.lastIndexOf('=') + 1).trim()), { message: `The part after = is not a field: use one of ${IMPORT_FIELDS.join(', ')} or ignore` }),
    )
    .default([]),
  period: periodSchema.optional(),
  title: z.string().min(1).optional(),
  start: isoDateSchema.optional(),
  end: isoDateSchema.optional(),
  'dry-run': z.boolean().default(false),
});

/** The command line runs with the app's own identity, as an admin; check-ins it writes name it as their author. */
const CLI_ACTOR: Actor = { id: 'cli:import', upn: 'import@command-line', name: 'Import (command line)', roles: ['admin'] };

function print(p: ImportPreview, dryRun: boolean): void {
  const d = p.draft;
  console.log(`${p.fileName ?? 'file'} · sheet "${d.sheet}"${d.sheets.length > 1 ? ` (of ${d.sheets.map((s) => `"${s}"`).join(', ')})` : ''}${d.headerRow ? ` · header on row ${d.headerRow}` : ''}`);
  for (const c of d.columns) console.log(`  ${c.letter.padEnd(3)} ${c.header.padEnd(32)} → ${c.field ?? '(not recognised)'}${c.how === 'mapped' ? ' (mapped)' : ''}`);
  console.log(`Plan ${d.plan.key}${d.planIsNew ? ' (new)' : ''}: "${d.plan.title.fi}" ${d.plan.periodStart}–${d.plan.periodEnd}, ${d.plan.cadence}; scale ${d.scale.scale.name.fi} (${d.scale.source})${d.period ? `; check-ins for ${d.period}` : ''}`);
  if (d.newGroups.length) console.log(`New development groups: ${d.newGroups.map((g) => g.name.fi).join('; ')}`);
  for (const r of d.rows.filter((x) => x.kind === 'theme' || x.kind === 'goal')) {
    const status = r.status !== undefined ? `  [${d.scale.scale.levels.find((l) => l.value === r.status)?.label.fi ?? r.status}]` : '';
    console.log(`  row ${String(r.row).padStart(3)}  ${r.kind === 'theme' ? 'theme' : '  goal'} ${(r.code ?? '').padEnd(5)} ${r.text.replace(/\s+/g, ' ').slice(0, 70)}${status}`);
  }
  const c = p.counts;
  const line = (name: string, x: { create: number; update: number; unchanged: number }) => `${name} ${x.create} new, ${x.update} updated, ${x.unchanged} unchanged`;
  console.log([line('themes', c.theme), line('goals', c.goal), line('check-ins', c.checkIn), line('groups', c.group), line('units', c.unit), line('plan', c.plan)].join(' · '));
  for (const ch of p.changes.filter((x) => x.action === 'update')) console.log(`  update ${ch.entity} ${ch.key}${ch.row ? ` (row ${ch.row})` : ''}: ${ch.fields?.join(', ')}`);
  for (const pr of d.problems) console.log(`${pr.severity === 'error' ? 'ERROR  ' : 'warning'} ${pr.message}`);
  if (dryRun) console.log(p.applicable ? 'Dry run: nothing written.' : 'Dry run: the file has errors; fix them (or --map the columns) before importing.');
}

loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true },
      period: { type: 'string' },
      title: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const r = argsSchema.safeParse({ ...values, file: positionals[0] });
  if (!r.success || positionals.length > 1) {
    console.error(USAGE);
    if (positionals.length > 1) console.error(`\n  one file at a time (got ${positionals.length})`);
    for (const i of r.error?.issues ?? []) console.error(`\n  --${i.path.join('.')}: ${i.message}`);
    process.exit(2);
  }
  const args = r.data;
  let size: number;
  try {
    size = statSync(args.file).size;
  } catch {
    console.error(`No file ${args.file}`);
    process.exit(2);
  }
  // Refuse before reading a huge file into memory; readTable says the same for the API.
  if (size > MAX_IMPORT_BYTES) throw new ImportFileError('too-large', `${basename(args.file)} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB`);
  const req: ImportRequest = {
    bytes: readFileSync(args.file),
    fileName: basename(args.file),
    planKey: args.plan,
    ...(args.sheet ? { sheet: args.sheet } : {}),
    mapping: Object.fromEntries(args.map.map((m) => [m.slice(0, m.lastIndexOf('=')).trim(), m.slice(m.lastIndexOf('=') + 1).trim()])),
    ...(args.period ? { period: args.period } : {}),
    ...(args.title ? { title: args.title } : {}),
    ...(args.start ? { periodStart: args.start } : {}),
    ...(args.end ? { periodEnd: args.end } : {}),
  };
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const services = await buildServices(config);
  try {
    const preview = await previewImport(services.ctx, CLI_ACTOR, req);
    print(preview, args['dry-run']);
    if (args['dry-run'] || !preview.applicable) {
      process.exitCode = preview.applicable ? 0 : 1;
    } else {
      const result = await applyImport(services.ctx, CLI_ACTOR, req);
      const n = (e: string, a: string) => result.written.filter((w) => w.entity === e && w.action === a).length;
      console.log(
        result.written.length === 0
          ? `Imported into ${args.plan}: nothing changed (the site already holds this file's content).`
          : `Imported into ${args.plan}: ${n('theme', 'create')} themes, ${n('goal', 'create')} goals, ${n('checkIn', 'create')} check-ins, ${n('group', 'create')} groups, ${n('unit', 'create')} units created; ${result.written.filter((w) => w.action === 'update').length} updated.`,
      );
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
    console.error(`ERROR   ${e.message}`);
    process.exit(1);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
