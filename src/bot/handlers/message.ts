import { buildHelpCard, buildStatusCard, parseCommand, type Card } from '../../cards';
import { currentPeriod, defaultPlan, helsinkiDate, isInvolved, LOCALES, type Locale } from '../../domain';
import type { BotDeps, InboundActivity } from '../deps';
import { loadPlanData, personalGoals } from '../views';

/** A BCP 47 tag's language when it is one of ours (`sv-FI` → sv), else undefined. */
function ourLocale(tag: string | undefined): Locale | undefined {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : undefined;
}

/**
 * The language to answer in: the command word's when it is one language's only (someone who
 * writes "ohje" reads Finnish, whatever their Teams client is set to); else the activity's locale
 * (the Teams client's language); else the language stored for the person at install; else Finnish.
 */
export async function replyLocale(deps: Pick<BotDeps, 'repo'>, a: InboundActivity, wordLocale: Locale | undefined): Promise<Locale> {
  const fromWord = wordLocale ?? ourLocale(a.locale);
  if (fromWord) return fromWord;
  const id = a.from.aadObjectId;
  const stored = id ? (await deps.repo.people.find(id))?.value.language : undefined;
  return stored ?? 'fi';
}

/** Messages in a personal chat: help and status in fi/sv/en ("ohje", "tila", "hjälp", "status"…); anything else gets the help with a hint. */
export async function onMessage(deps: BotDeps, a: InboundActivity): Promise<Card> {
  const { command, locale: wordLocale } = parseCommand(a.text);
  const locale = await replyLocale(deps, a, wordLocale);
  if (command === 'status') return statusReply(deps, a, locale);
  return buildHelpCard(locale, command !== 'help');
}

async function statusReply(deps: BotDeps, a: InboundActivity, locale: Locale): Promise<Card> {
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
