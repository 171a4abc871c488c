import type { IFactSet } from '@microsoft/teams.cards';
import { levelOf, pickText, type Locale, type StatusScale } from '../domain';
import { card, heading, openUrl, text, type Card, type CardElement } from './card';
import { clip, esc } from './escape';
import { formatPeriod, goalTitleIn } from './format';
import { t } from './i18n';
import { dashboardLink, type LinkTargets } from './links';
import type { DigestModel } from './models';

const label = (L: Locale, scale: StatusScale, v: number) => {
  const level = levelOf(scale, v);
  return level ? pickText(level.label, L) : String(v);
};

/** Leaders' digest before the review meeting: counts per status, overdue goals, changes since last period. */
export function buildDigestCard(m: DigestModel, links: LinkTargets): Card {
  const L = m.locale;
  const previous = formatPeriod(L, m.previousPeriod);
  const counts: IFactSet = {
    type: 'FactSet',
    facts: m.counts.map((c) => ({ title: c.status === 'none' ? t(L, 'digest.notReported') : label(L, m.scale, c.status), value: String(c.count) })),
  };
  const body: CardElement[] = [
    heading(t(L, 'digest.title', { plan: esc(pickText(m.planTitle, L)), period: formatPeriod(L, m.period) })),
    text(t(L, 'digest.counts'), { weight: 'Bolder' }),
    counts,
    text(t(L, 'digest.overdue', { count: m.overdue.length }), { weight: 'Bolder', separator: true }),
  ];
  if (m.overdue.length === 0) body.push(text(t(L, 'digest.noOverdue'), { isSubtle: true }));
  for (const g of m.overdue) {
    const units = g.units.filter((u) => u !== undefined).map((u) => esc(pickText(u!, L)));
    body.push(text(`**${esc(g.code)}** ${esc(clip(goalTitleIn(g, L).text, 160))}${units.length ? ` — ${units.join(', ')}` : ''}`, { size: 'Small', spacing: 'Small' }));
  }
  body.push(text(t(L, 'digest.changes', { previous }), { weight: 'Bolder', separator: true }));
  if (m.changes.length === 0) body.push(text(t(L, 'digest.noChanges', { previous }), { isSubtle: true }));
  for (const c of m.changes) {
    const from = c.from === undefined ? t(L, 'digest.notReported') : label(L, m.scale, c.from);
    body.push(text(`**${esc(c.code)}** ${esc(clip(goalTitleIn(c, L).text, 120))}: ${esc(from)} → ${esc(label(L, m.scale, c.to))}`, { size: 'Small', spacing: 'Small' }));
  }
  return card(body, { actions: [openUrl(t(L, 'digest.dashboard'), dashboardLink(links, m.planKey, m.period))], fallbackText: t(L, 'digest.title', { plan: pickText(m.planTitle, L), period: m.period }) });
}
