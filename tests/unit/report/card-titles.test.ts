/**
 * Reminder cards speak the card's language in goal titles too (issue 9): a goal an admin
 * translated shows its Swedish title on a Swedish group's card, one without falls back to Finnish,
 * and the bot's views carry every title in all its languages for the card to choose from.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard, buildGroupCard, buildPersonalReminderCard } from '../../../src/cards';
import { goalTitle } from '../../../src/domain';
import { buildDemoDataset } from '../../../src/demo';
import { groupModel, LINKS } from '../cards/fixtures';
import { expectValidCard } from '../cards/validate-card';

const translated = { key: 'g1', code: '1', title: 'Oppimiskampuksen esiselvitys', titleText: { fi: 'Oppimiskampuksen esiselvitys', sv: 'Förstudie om ett lärcampus' } };
const untranslated = { key: 'g2', code: '2', title: 'Huoltajien osallisuus', titleText: { fi: 'Huoltajien osallisuus' } };
const texts = (card: unknown) => JSON.stringify(card);

describe('goal titles on reminder cards', () => {
  it('shows a Swedish group the Swedish title an admin wrote and the Finnish one where there is none', () => {
    const base = groupModel();
    const card = buildGroupCard(
      groupModel({
        locale: 'sv',
        goals: [
          { ...base.goals[0]!, ...translated },
          { ...base.goals[1]!, ...untranslated },
        ],
      }),
    );
    expectValidCard(card);
    expect(texts(card)).toContain('**1** Förstudie om ett lärcampus');
    expect(texts(card)).not.toContain('Oppimiskampuksen esiselvitys');
    expect(texts(card)).toContain('**2** Huoltajien osallisuus');
  });

  it('shows a Finnish group the Finnish titles', () => {
    const base = groupModel();
    const card = buildGroupCard(groupModel({ locale: 'fi', goals: [{ ...base.goals[0]!, ...translated }] }));
    expect(texts(card)).toContain('**1** Oppimiskampuksen esiselvitys');
    expect(texts(card)).not.toContain('Förstudie');
  });

  it('titles a Swedish person’s reminder and the leaders’ digest in Swedish where they can', () => {
    const personal = buildPersonalReminderCard(
      { locale: 'sv', kind: 'personal', planTitle: { fi: 'Tavoitteet', sv: 'Målen' }, period: '2021-09', dueDate: '2021-10-05', goals: [{ ...translated, openUnits: [undefined], state: 'due' }, { ...untranslated, openUnits: [undefined], state: 'overdue' }] },
      LINKS,
    );
    expectValidCard(personal);
    expect(texts(personal)).toContain('**1** Förstudie om ett lärcampus');
    expect(texts(personal)).toContain('**2** Huoltajien osallisuus');
    const digest = buildDigestCard(
      {
        locale: 'sv',
        planKey: 'p',
        planTitle: { fi: 'Tavoitteet', sv: 'Målen' },
        period: '2021-09',
        previousPeriod: '2021-08',
        scale: groupModel().scale,
        counts: [{ status: 1, count: 2 }],
        overdue: [{ ...translated, units: [undefined] }],
        changes: [{ ...untranslated, from: 1, to: 2 }],
      },
      LINKS,
    );
    expectValidCard(digest);
    expect(texts(digest)).toContain('Förstudie om ett lärcampus');
    expect(texts(digest)).toContain('Huoltajien osallisuus');
  });

  it('gives the bot every demo goal’s title in the languages an admin wrote', () => {
    const demo = buildDemoDataset();
    const g1 = demo.goals.find((g) => g.code === '1')!;
    const g4 = demo.goals.find((g) => g.code === '4')!;
    expect(goalTitle(g1)).toEqual({ fi: g1.title, sv: g1.translations?.sv?.title });
    expect(goalTitle(g4)).toEqual({ fi: g4.title });
  });
});
