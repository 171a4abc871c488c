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
  return rememberPerson(deps.ctx, {
    key: id,
    name: known?.name ?? a.from.name ?? id,
    ...(known?.upn ? { upn: known.upn } : {}),
    conversation: conversationRefOf(a),
    language: toLocale(a.locale, 'fi'),
  });
}

export async function forgetInstaller(deps: Pick<BotDeps, 'ctx'>, a: InboundActivity): Promise<void> {
  const id = a.from.aadObjectId;
  if (id) await forgetPerson(deps.ctx, id);
}
