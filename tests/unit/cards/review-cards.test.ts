import { describe, expect, it } from 'vitest';
import { buildGroupCard, buildMeetingSummaryCard, VERBS, type MeetingSummaryModel } from '../../../src/cards';
import { groupModel, LINKS } from './fixtures';
import { expectValidCard } from './validate-card';

type Any = Record<string, any>;
const findAll = (node: unknown, pred: (n: Any) => boolean, out: Any[] = []): Any[] => {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === 'object') {
    if (pred(node as Any)) out.push(node as Any);
    Object.values(node).forEach((v) => findAll(v, pred, out));
  }
  return out;
};
const texts = (c: unknown) => findAll(c, (n) => n.type === 'TextBlock').map((n) => n.text as string);

const followUp = { reviewKey: 'rv-1', goalCode: '3.1', ask: 'Tuokaa [linkki](http://x) suunnitelma', meetingDate: '2021-09-22', dueDate: '2021-10-15', overdue: false };

describe('follow-ups in the group reminder card', () => {
  it('says what the leadership team asked and by when, in the group language, with Mark done carrying the note', () => {
    const c = buildGroupCard(groupModel({ locale: 'sv', followUps: [followUp] }));
    expectValidCard(c);
    expect(texts(c)).toContain('**3.1** Ledningsgruppen bad 22.9.2021: Tuokaa \\[linkki\\]\\(http\u200b://x\\) suunnitelma, senast 15.10.2021');
    const mark = findAll(c.body, (n) => n.verb === VERBS.followUpDone);
    expect(mark).toHaveLength(1);
    expect(mark[0]).toMatchObject({ title: 'Markera som klar', data: { reviewKey: 'rv-1', groupKey: groupModel().ref.groupKey } });
  });

  it('marks an overdue follow-up and gives a reader no button', () => {
    const c = buildGroupCard(groupModel({ locale: 'fi', view: 'reader', followUps: [{ ...followUp, overdue: true }] }));
    expectValidCard(c);
    expect(texts(c).find((t) => t.includes('Johtoryhmä pyysi'))).toContain('Määräaika on mennyt');
    expect(findAll(c.body, (n) => n.verb === VERBS.followUpDone)).toEqual([]);
  });
});

const summary: MeetingSummaryModel = {
  locale: 'fi',
  planTitle: { fi: 'Kasvatuksen ja oppimisen suunnitelma', sv: 'Planen för fostran och lärande' },
  period: '2021-09',
  meetingDate: '2021-09-22',
  decisions: [
    { goalKey: 'g1', goalCode: '1.1', goalTitle: 'Digitaidot', text: 'Jatketaan', followUp: { ask: 'Raportoikaa', groupName: { fi: 'TVT-ryhmä', sv: 'IKT-gruppen' }, dueDate: '2021-10-15' } },
    { goalKey: 'g2', goalCode: '2.4', goalTitle: 'Hyvinvointi', text: 'Ennallaan' },
  ],
};

describe('review summary card', () => {
  it('lists the decisions with their follow-ups and a link to each goal, as a valid 1.5 card', () => {
    const c = buildMeetingSummaryCard(summary, LINKS);
    expectValidCard(c);
    const t = texts(c);
    expect(t[0]).toBe('Johtoryhmän katselmointi 22.9.2021: päätökset');
    expect(t[1]).toBe('Kasvatuksen ja oppimisen suunnitelma · jakso 9/2021 · 2 päätöstä');
    expect(t).toContain('Pyydetty ryhmältä TVT-ryhmä: Raportoikaa, määräaika 15.10.2021');
    expect(findAll(c.body, (n) => n.type === 'Action.OpenUrl').map((n) => n.url)).toEqual([`${LINKS.publicUrl}/goals/g1`, `${LINKS.publicUrl}/goals/g2`]);
  });

  it('names the group in a channel copy, in Swedish', () => {
    const c = buildMeetingSummaryCard({ ...summary, locale: 'sv', groupName: { fi: 'TVT-ryhmä', sv: 'IKT-gruppen' }, decisions: summary.decisions.slice(0, 1) }, LINKS);
    expectValidCard(c);
    expect(texts(c)[0]).toBe('Ledningsgruppens genomgång 22.9.2021: begärt av IKT-gruppen');
    expect(texts(c)).toContain('Begärt av IKT-gruppen: Raportoikaa, senast 15.10.2021');
  });

  it('says so when the review decided nothing', () => {
    const c = buildMeetingSummaryCard({ ...summary, locale: 'en', decisions: [] }, LINKS);
    expectValidCard(c);
    expect(texts(c)).toContain('The review recorded no decisions.');
  });
});
