import type { IActionSet, IContainer } from '@microsoft/teams.cards';
import { pickText, type Locale } from '../domain';
import { card, heading, openUrl, text, type Card, type CardElement } from './card';
import { clip, esc } from './escape';
import { formatDate, formatPeriod, goalTitleIn } from './format';
import { t } from './i18n';
import { browserGoalLink, teamsGoalLink, type LinkTargets } from './links';
import type { PersonalGoal, PersonalReminderModel, StatusReplyModel } from './models';

/**
 * Personal reminder (on the reminder day) and escalation (after the due date) to a responsible
 * person: their open goals, each with a deep link to the goal in the Teams tab and the same page
 * in a plain browser (for mobile or web clients that block deep links).
 */
export function buildPersonalReminderCard(m: PersonalReminderModel, links: LinkTargets): Card {
  const L = m.locale;
  const plan = esc(pickText(m.planTitle, L));
  const vars = { period: formatPeriod(L, m.period), due: formatDate(L, m.dueDate), plan };
  const title = m.kind === 'escalation' ? t(L, 'escalation.title', vars) : t(L, 'personal.title', vars);
  const lead = m.kind === 'escalation' ? t(L, 'escalation.body', vars) : t(L, 'personal.body', vars);
  return card(
    [heading(title), text(lead, m.kind === 'escalation' ? { color: 'Attention' } : {}), ...m.goals.map((g) => goalBlock(L, g, links))],
    { fallbackText: title },
  );
}

function goalBlock(L: Locale, g: PersonalGoal, links?: LinkTargets): IContainer {
  const units = g.openUnits.filter((u) => u !== undefined).map((u) => esc(pickText(u!, L)));
  const shown = goalTitleIn(g, L);
  const items: CardElement[] = [text(`**${esc(g.code)}** ${esc(clip(shown.text, 300))}`)];
  const state = t(L, g.state === 'overdue' ? 'state.overdue' : g.state === 'done' ? 'state.done' : 'state.due');
  items.push(text(`${state}${units.length ? ` · ${units.join(', ')}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
  if (links) {
    const actions: IActionSet = { type: 'ActionSet', actions: [openUrl(t(L, 'link.teams'), teamsGoalLink(links, g.key)), openUrl(t(L, 'link.browser'), browserGoalLink(links, g.key))] };
    items.push(actions);
  }
  return { type: 'Container', separator: true, items };
}

/** The reply to "status" in a personal chat. */
export function buildStatusCard(m: StatusReplyModel, links: LinkTargets): Card {
  const L = m.locale;
  const period = formatPeriod(L, m.period);
  if (!m.known) return card([heading(t(L, 'status.title', { period })), text(t(L, 'status.unknownUser'))]);
  if (m.goals.length === 0) return card([heading(t(L, 'status.title', { period })), text(t(L, 'status.none', { period }))]);
  return card([heading(t(L, 'status.title', { period })), ...m.goals.map((g) => goalBlock(L, g, links))]);
}

/** The reply to "help" (and to anything the bot does not understand, with a hint first). */
export function buildHelpCard(locale: Locale, unknownCommand = false): Card {
  return card([
    ...(unknownCommand ? [text(t(locale, 'unknown.command'), { color: 'Attention' as const })] : []),
    heading(t(locale, 'help.title')),
    text(t(locale, 'help.body')),
    text(t(locale, 'help.commands'), { isSubtle: true, size: 'Small' }),
  ]);
}
