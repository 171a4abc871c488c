import { toLocale, type PersonRecord } from '../domain';
import { forgetPerson, rememberPerson } from '../commands';
import type { BotDeps, InboundActivity } from './deps';
import { conversationRefOf } from './deps';

/**
 * A personal install or uninstall, turned into the People-list commands: Teams tells us the
 * Entra id and display name; the role directory may know the UPN and the name the lists use.
 */
export async function rememberInstaller(deps: Pick<BotDeps, 'ctx' | 'roles'>, a: InboundActivity): Promise<PersonRecord | undefined> {
  const id = a.from.aadObjectId;
  if (!id) return undefined;
  const known = deps.roles.known(id);
  // The list needs some name; with none known the UPN or the id stands in (greetings skip those: `greetingName`).
  return rememberPerson(deps.ctx, {
    key: id,
    name: (await personName(deps, a)) ?? known?.upn ?? id,
    ...(known?.upn ? { upn: known.upn } : {}),
    conversation: conversationRefOf(a),
    language: toLocale(a.locale, 'fi'),
  });
}

export async function forgetInstaller(deps: Pick<BotDeps, 'ctx'>, a: InboundActivity): Promise<void> {
  const id = a.from.aadObjectId;
  if (id) await forgetPerson(deps.ctx, id);
}

const looksLikeId = (text: string, a: InboundActivity) =>
  text === a.from.id || text === a.from.aadObjectId || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) || /^\d+:/.test(text);

/**
 * A person's name as people know it, never an id: the role directory's (demo users), the name
 * Teams sent (on the activity or its membersAdded entry), the People list's from an earlier
 * install, or a development group's member or owner list. Undefined when nothing names them —
 * Agents Playground and some install events send only ids.
 */
export async function personName(deps: Pick<BotDeps, 'ctx' | 'roles'>, a: InboundActivity): Promise<string | undefined> {
  const id = a.from.aadObjectId;
  const real = (n: string | undefined) => (n && n.trim() && !looksLikeId(n.trim(), a) ? n.trim() : undefined);
  const added = a.membersAdded?.find((m) => (id && m.aadObjectId === id) || m.id === a.from.id);
  const direct = real(id ? deps.roles.known(id)?.name : undefined) ?? real(a.from.name) ?? real(added?.name);
  if (direct || !id) return direct;
  const stored = await deps.ctx.repo.people.find(id);
  if (stored && real(stored.value.name) && stored.value.name !== stored.value.upn) return stored.value.name;
  const { items: groups } = await deps.ctx.repo.groups.list();
  for (const g of groups) {
    const p = [...g.value.members, ...g.value.owners].find((x) => x.id === id);
    if (real(p?.name)) return p!.name;
  }
  return undefined;
}

/** The name to greet someone by: their stored name unless it is only their UPN or id standing in. */
export function greetingName(person: PersonRecord | undefined, a: InboundActivity): string | undefined {
  if (!person) return undefined;
  const name = person.name.trim();
  return name && name !== person.key && name !== person.upn && !looksLikeId(name, a) ? name : undefined;
}
