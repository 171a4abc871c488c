import { unlinkConversation } from '../../commands';
import { conversationRefOf, isPersonal, type BotDeps, type InboundActivity } from '../deps';
import { forgetInstaller, rememberInstaller } from '../people';

/**
 * installationUpdate (add/remove). Teams sends it alongside conversationUpdate; the welcome card
 * goes out from conversationUpdate only, so here we just keep the stored references right. Both
 * writes are idempotent, so receiving both activities is harmless.
 */
export async function onInstallationUpdate(deps: BotDeps, a: InboundActivity): Promise<void> {
  const added = a.action === 'add' || a.action === 'add-upgrade';
  if (isPersonal(a)) {
    if (added) await rememberInstaller(deps, a);
    else await forgetInstaller(deps, a);
    return;
  }
  if (!added) await unlinkConversation(deps.ctx, conversationRefOf(a).conversationId);
}
