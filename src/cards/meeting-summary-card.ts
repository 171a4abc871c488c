import { pickText } from '../domain';
import { card, heading, openUrl, text, type Card, type CardElement } from './card';
import { clip, esc } from './escape';
import { formatDate, formatPeriod } from './format';
import { t } from './i18n';
import { browserGoalLink, type LinkTargets } from './links';
import type { MeetingSummaryModel } from './models';

/**
 * The summary the bot posts when the presenter ends a review: the meeting's decisions per goal in
 * agenda order, each with what it asks of which group by when. To the meeting chat the whole
 * meeting; to a group's channel only what was asked of that group, in the group's language.
 */
export function buildMeetingSummaryCard(m: MeetingSummaryModel, links: LinkTargets): Card {
  const L = m.locale;
  const date = formatDate(L, m.meetingDate);
  const title = m.groupName ? t(L, 'summary.groupTitle', { date, group: esc(pickText(m.groupName, L)) }) : t(L, 'summary.title', { date });
  const body: CardElement[] = [
    heading(title),
    text(t(L, 'summary.subtitle', { plan: esc(pickText(m.planTitle, L)), period: formatPeriod(L, m.period), count: m.decisions.length }), { isSubtle: true, spacing: 'None' }),
  ];
  if (m.decisions.length === 0) body.push(text(t(L, 'summary.none')));
  for (const d of m.decisions) {
    const items: CardElement[] = [text(`**${esc(d.goalCode)}** ${esc(clip(d.goalTitle, 200))}`), text(esc(clip(d.text, 1500)), { spacing: 'Small' })];
    if (d.followUp) {
      items.push(
        text(t(L, 'summary.followUp', { group: esc(pickText(d.followUp.groupName, L)), ask: esc(clip(d.followUp.ask, 600)), due: formatDate(L, d.followUp.dueDate) }), {
          spacing: 'Small',
          size: 'Small',
          weight: 'Bolder',
        }),
      );
    }
    items.push({ type: 'ActionSet', actions: [openUrl(t(L, 'summary.open'), browserGoalLink(links, d.goalKey))] });
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return card(body, { fallbackText: m.groupName ? t(L, 'summary.groupTitle', { date, group: pickText(m.groupName, L) }) : t(L, 'summary.title', { date }) });
}
