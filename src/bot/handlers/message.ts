import { buildHelpCard, buildStatusCard, COMMAND_WORDS, type Card } from '../../cards';
import { currentPeriod, defaultPlan, helsinkiDate, isInvolved, toLocale } from '../../domain';
import type { BotDeps, InboundActivity } from '../deps';
import { loadPlanData, personalGoals } from '../views';

/** Messages in a personal chat: `help` and `status` in fi/sv/en; anything else gets the help with a hint. */
export async function onMessage(deps: BotDeps, a: InboundActivity): Promise<Card> {
  const locale = toLocale(a.locale);
  const word = (a.text ?? '')
    .replace(/<at>[^<]*<\/at>/g, '')
    .trim()
    .toLowerCase()
    .split(/\s+/)[0] ?? '';
  if ((COMMAND_WORDS.status as readonly string[]).includes(word)) return statusReply(deps, a);
  return buildHelpCard(locale, !(COMMAND_WORDS.help as readonly string[]).includes(word));
}

async function statusReply(deps: BotDeps, a: InboundActivity): Promise<Card> {
  const locale = toLocale(a.locale);
  const id = a.from.aadObjectId;
  const today = helsinkiDate(deps.ctx.clock.now());
  const plans = (await deps.repo.plans.list()).items.map((p) => p.value);
  // The plan whose reporting is live today (the latest-starting one when several are).
  const plan = defaultPlan(plans, today);
  if (!plan || !id) return buildStatusCard({ locale, period: today.slice(0, 7), goals: [], known: false }, deps.links);
  const d = await loadPlanData(deps.board, deps.ctx, plan.key, currentPeriod(plan, today));
  const known = d.goals.some((g) => isInvolved(id, g, d.groups));
  return buildStatusCard({ locale, period: d.period, goals: personalGoals(d, id, 'involved'), known }, deps.links);
}
