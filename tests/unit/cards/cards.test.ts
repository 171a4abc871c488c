import { describe, expect, it } from 'vitest';
import { REALISATION_SCALE } from '../../../src/domain';
import {
  parseCommand,
  buildDigestCard,
  buildHelpCard,
  buildLinkedCard,
  buildPersonalReminderCard,
  buildPersonalWelcomeCard,
  buildRefusalCard,
  buildStatusCard,
  buildWelcomeCard,
  esc,
  t,
  VERBS,
} from '../../../src/cards';
import { LINKS } from './fixtures';
import { expectValidCard, validateCard } from './validate-card';

describe('the card validator', () => {
  it('rejects what a 1.5 host would not render', () => {
    expect(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).join()).toMatch(/Unknown element type/);
    expect(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }] }).join()).toMatch(/colour/);
    expect(validateCard({ type: 'AdaptiveCard', version: '1.6', body: [] }).join()).toMatch(/version/);
  });
});

describe('welcome card', () => {
  it('offers the groups to link with an Action.Execute', () => {
    const c = buildWelcomeCard({ locale: 'fi', groups: [{ key: 'ict', name: { fi: 'Tieto', en: 'ICT' } }, { key: 'wb', name: { fi: 'Hyvinvointi' } }] });
    expectValidCard(c);
    expect(c.body[2]).toMatchObject({ type: 'Input.ChoiceSet', id: 'groupKey', choices: [{ title: 'Tieto', value: 'ict' }, { title: 'Hyvinvointi', value: 'wb' }] });
    expect(c.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: VERBS.link, title: 'Yhdistä kanava' });
  });
  it('says so when there are no groups yet, and confirms a link', () => {
    expectValidCard(buildWelcomeCard({ locale: 'en', groups: [] }));
    const linked = buildLinkedCard('sv', { fi: 'Tieto', sv: 'IKT' });
    expectValidCard(linked);
    expect(JSON.stringify(linked)).toContain('månadspåminnelserna för IKT');
    expectValidCard(buildPersonalWelcomeCard('en', 'Aino *Virtanen*'));
  });
});

describe('refusal card', () => {
  it('is polite, localized and offers a way back', () => {
    const c = buildRefusalCard('en', 'checkIn', { planKey: 'p', groupKey: 'g', period: '2021-09' });
    expectValidCard(c);
    expect(JSON.stringify(c)).toContain('You cannot report on this goal');
    expect(c.actions?.[0]).toMatchObject({ verb: VERBS.refresh, data: { planKey: 'p', groupKey: 'g', period: '2021-09' } });
    expectValidCard(buildRefusalCard('fi', 'link'));
  });
});

describe('personal reminder and escalation', () => {
  const goals = [{ key: 'g-1', code: '1', title: 'Goal one', openUnits: [{ fi: 'Varhaiskasvatus', en: 'Early childhood' }], state: 'overdue' as const }];
  it('links each goal to the tab in Teams and in a browser', () => {
    const c = buildPersonalReminderCard({ locale: 'en', kind: 'escalation', planTitle: { fi: 'T', en: 'Goals 2021' }, period: '2021-09', dueDate: '2021-10-05', goals }, LINKS);
    expectValidCard(c);
    const s = JSON.stringify(c);
    expect(s).toContain('Overdue check-ins for 9/2021');
    const urls = JSON.stringify(c).match(/"url":"[^"]+"/g);
    expect(urls).toEqual([
      `"url":"https://teams.microsoft.com/l/entity/app-1/goals?context=${encodeURIComponent('{"subEntityId":"goal:g-1"}')}"`,
      '"url":"https://tavoitteet.example.fi/goals/g-1"',
    ]);
  });
  it('has a gentler personal variant', () => {
    const c = buildPersonalReminderCard({ locale: 'fi', kind: 'personal', planTitle: { fi: 'Tavoitteet' }, period: '2021-09', dueDate: '2021-10-05', goals }, LINKS);
    expectValidCard(c);
    expect(JSON.stringify(c)).toContain('viimeistään 5.10.2021');
  });
});

describe('leader digest', () => {
  it('counts goals per status, lists overdue goals and changes, and links the dashboard', () => {
    const c = buildDigestCard(
      {
        locale: 'en',
        planKey: 'p',
        planTitle: { fi: 'T', en: 'Goals 2021' },
        period: '2021-09',
        previousPeriod: '2021-08',
        scale: REALISATION_SCALE,
        counts: [
          { status: 2, count: 4 },
          { status: 1, count: 5 },
          { status: 'none', count: 1 },
        ],
        overdue: [{ key: 'g', code: '3', title: 'Late goal', units: [{ fi: 'Perusopetus', en: 'Basic education' }] }],
        changes: [{ key: 'g2', code: '4', title: 'Better goal', from: 1, to: 2 }],
      },
      LINKS,
    );
    expectValidCard(c);
    expect(c.body[2]).toEqual({ type: 'FactSet', facts: [{ title: 'Fully realised', value: '4' }, { title: 'Partially realised', value: '5' }, { title: 'Not reported', value: '1' }] });
    const s = JSON.stringify(c);
    expect(s).toContain('Overdue (1)');
    expect(s).toContain('Late goal — Basic education');
    expect(s).toContain('Partially realised → Fully realised');
    expect(c.actions?.[0]).toMatchObject({ type: 'Action.OpenUrl', url: 'https://tavoitteet.example.fi/dashboard?plan=p&period=2021-09' });
  });
});

describe('help and status replies', () => {
  it('answers in the user’s language', () => {
    expectValidCard(buildHelpCard('sv'));
    expect(JSON.stringify(buildHelpCard('sv'))).toContain('Vad jag kan göra');
    expect(JSON.stringify(buildHelpCard('fi', true))).toContain('En ymmärtänyt');
    const s = buildStatusCard({ locale: 'en', period: '2021-09', known: true, goals: [] }, LINKS);
    expectValidCard(s);
    expect(JSON.stringify(s)).toContain('Nothing is due from you in period 9/2021.');
    expectValidCard(buildStatusCard({ locale: 'en', period: '2021-09', known: false, goals: [] }, LINKS));
  });
  it('has every text in all three languages', () => {
    for (const l of ['fi', 'sv', 'en'] as const) expect(t(l, 'form.submit')).not.toBe('');
    expect(t('fi', 'form.submit')).toBe('Lähetä');
  });
});

describe('escaping user text', () => {
  it.each([
    ['[x](https://evil)', '\\[x\\]\\(https\u200b://evil\\)'],
    ['<at>All</at>', '\\<at\\>All\\</at\\>'],
    ['@channel hello', '@\u200bchannel hello'],
    ['*bold* _it_ ~s~ `code`', '\\*bold\\* \\_it\\_ \\~s\\~ \\`code\\`'],
    ['1. first', '1\\. first'],
    ['- item', '\\- item'],
    ['# title', '\\# title'],
    ['plain text, 13.4 %', 'plain text, 13.4 %'],
  ])('escapes %j', (input, expected) => {
    expect(esc(input)).toBe(expected);
  });
});

describe('command words', () => {
  it('are understood in Finnish, Swedish and English, telling the language when only one has the word', () => {
    expect(parseCommand('ohje')).toEqual({ command: 'help', locale: 'fi' });
    expect(parseCommand('Tila')).toEqual({ command: 'status', locale: 'fi' });
    expect(parseCommand('hjälp')).toEqual({ command: 'help', locale: 'sv' });
    expect(parseCommand('help')).toEqual({ command: 'help', locale: 'en' });
    expect(parseCommand('status')).toEqual({ command: 'status', locale: undefined });
    expect(parseCommand('?')).toEqual({ command: 'help', locale: undefined });
  });

  it('ignore case, punctuation, an @mention and the Unicode form of ä', () => {
    expect(parseCommand('<at>Tavoitteet</at> Ohje.')).toEqual({ command: 'help', locale: 'fi' });
    expect(parseCommand('HJA\u0308LP!')).toEqual({ command: 'help', locale: 'sv' });
    expect(parseCommand('läge?')).toEqual({ command: 'status', locale: 'sv' });
    expect(parseCommand('mitä kuuluu')).toEqual({ command: undefined, locale: undefined });
  });
});

describe('the personal welcome card', () => {
  it('greets without a name rather than with an empty or missing one', () => {
    expect(JSON.stringify(buildPersonalWelcomeCard('fi', undefined))).toContain('"Hei"');
    expect(JSON.stringify(buildPersonalWelcomeCard('sv', '  '))).toContain('"Hej"');
    expect(JSON.stringify(buildPersonalWelcomeCard('en', 'Aino'))).toContain('Hello Aino');
  });
});
