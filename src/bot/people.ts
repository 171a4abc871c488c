import { toLocale, type PersonRecord } from '../domain';
import { withConcurrencyRetry } from '../commands';
import type { BotDeps, InboundActivity } from './deps';
import { conversationRefOf } from './deps';

/**
 * The People list: where the bot reaches someone personally. Written when a person installs the
 * app (or the bot is added to their personal chat), cleared when they remove it.
 */
export async function rememberPerson(deps: BotDeps, a: InboundActivity): Promise<PersonRecord | undefined> {
  const id = a.from.aadObjectId;
  if (!id) return undefined;
  const known = deps.roles.known(id);
  const record: PersonRecord = {
    key: id,
    name: known?.name ?? a.from.name ?? id,
    ...(known?.upn ? { upn: known.upn } : {}),
    conversation: conversationRefOf(a),
    language: toLocale(a.locale, 'fi'),
  };
  return withConcurrencyRetry(async () => {
    const existing = await deps.repo.people.find(id);
    if (!existing) return (await deps.repo.people.create(record)).value;
    return (await deps.repo.people.update({ ...existing.value, ...record, upn: record.upn ?? existing.value.upn }, existing.etag)).value;
  });
}

export async function forgetPerson(deps: BotDeps, a: InboundActivity): Promise<void> {
  const id = a.from.aadObjectId;
  if (!id) return;
  await withConcurrencyRetry(async () => {
    const existing = await deps.repo.people.find(id);
    if (!existing?.value.conversation) return;
    const { conversation: _dropped, ...rest } = existing.value;
    await deps.repo.people.update(rest, existing.etag);
  });
}
