import { parseOrInvalid, personRecordSchema, type PersonRecord } from '../domain';
import type { CommandContext } from './context';
import { withConcurrencyRetry } from './concurrency';

/**
 * A personal install as the bot saw it: who installed (Entra object id as `key`), where the bot
 * reaches them and in which language. The bot relays an activity that Bot Service authenticated,
 * and the person is the one who installed: there is no other actor to authorize.
 */
export const personalInstallSchema = personRecordSchema.required({ conversation: true, language: true });
export type PersonalInstall = PersonRecord & Required<Pick<PersonRecord, 'conversation' | 'language'>>;

const personIdSchema = personRecordSchema.shape.key;

/**
 * Remembers where the bot reaches a person personally (the People list), on install. Teams sends
 * conversationUpdate and installationUpdate for one install, so this is idempotent: an unchanged
 * record is not written again. A UPN already stored is kept when the install carries none
 * (tenant mode knows only the Entra id).
 */
export async function rememberPerson(ctx: CommandContext, raw: unknown): Promise<PersonRecord> {
  const input: PersonalInstall = parseOrInvalid(personalInstallSchema, raw, 'personal install');
  return withConcurrencyRetry(async () => {
    const existing = await ctx.repo.people.find(input.key);
    // A create that loses a race with the other install activity throws Conflict: the retry updates instead.
    if (!existing) return (await ctx.repo.people.create(input)).value;
    const upn = input.upn ?? existing.value.upn;
    const next: PersonRecord = { ...existing.value, ...input, ...(upn ? { upn } : {}) };
    if (sameRecord(existing.value, next)) return existing.value;
    return (await ctx.repo.people.update(next, existing.etag)).value;
  });
}

/**
 * Forgets a person's conversation when they remove the app, so no more personal sends go there.
 * Their name, UPN and language stay. Answers whether anything was written (nothing when the person
 * is unknown or already forgotten).
 */
export async function forgetPerson(ctx: CommandContext, rawPersonId: unknown): Promise<boolean> {
  const id = parseOrInvalid(personIdSchema, rawPersonId, 'person id');
  return withConcurrencyRetry(async () => {
    const existing = await ctx.repo.people.find(id);
    if (!existing?.value.conversation) return false;
    const { conversation: _dropped, ...rest } = existing.value;
    await ctx.repo.people.update(rest, existing.etag);
    return true;
  });
}

/** Equal field by field, whatever order the list returned the fields in. */
function sameRecord(a: PersonRecord, b: PersonRecord): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sorted(x)]),
    );
  }
  return v;
}
