import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidCard } from '../../unit/cards/validate-card';
import { activities, startHarness, type Harness } from './harness';

/**
 * Issue 13, items 19 and 20, through the real server and a recording connector: the bot greets a
 * person by name and never by an id, and answers in the person's language, understanding the
 * commands in Finnish, Swedish and English.
 */
type Any = any;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const VILLE = { aadObjectId: id(4), name: 'Ville Korhonen' }; // member of opintopolut-ohjaus
const JOHANNA = { aadObjectId: id(107), name: 'Johanna Mattila' }; // owner of opintopolut-ohjaus
const STRANGER = { aadObjectId: '00000000-0000-0000-0000-000000000002', name: '' }; // Agents Playground's default user

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** The card the bot sent in answer to one activity in a personal chat. */
async function reply(activity: Record<string, unknown>, user: { aadObjectId: string }): Promise<Any> {
  const conversationId = `a:personal-${user.aadObjectId}`;
  const before = h.connector.recorded.filter((r) => r.conversationId === conversationId).length;
  expect((await h.post(activity)).status).toBe(200);
  const card = h.connector.recorded.filter((r) => r.conversationId === conversationId)[before]?.body.attachments[0].content;
  expectValidCard(card);
  return card;
}
const heading = (card: Any) => card.body[0].text as string;
const withoutName = (a: Any) => ({ ...a, from: { id: a.from.id, aadObjectId: a.from.aadObjectId }, membersAdded: a.membersAdded?.map((m: Any) => ({ id: m.id, aadObjectId: m.aadObjectId })) });

describe('the personal welcome', () => {
  it('greets by name when Teams sends none, from the development group the person is in', async () => {
    const card = await reply(withoutName(activities.personalInstall(h.connector.url, JOHANNA)), JOHANNA);
    expect(heading(card)).toBe('Hei Johanna Mattila');
  });

  it('greets without a name, never with the id, when nobody knows the person', async () => {
    const card = await reply(withoutName(activities.personalInstall(h.connector.url, STRANGER)), STRANGER);
    expect(heading(card)).toBe('Hei');
    expect(JSON.stringify(card)).not.toContain(STRANGER.aadObjectId);
  });
});

describe('commands in the user’s language', () => {
  it('answers "ohje" in Finnish even from an English Teams client', async () => {
    const card = await reply(activities.message(h.connector.url, VILLE, 'ohje', 'en-US'), VILLE);
    expect(heading(card)).toBe('Mitä osaan');
    expect(JSON.stringify(card)).toContain('Komennot: ohje, tila');
  });

  it('answers "tila" with my goals in Finnish', async () => {
    const card = await reply(activities.message(h.connector.url, VILLE, 'tila', 'en-US'), VILLE);
    expect(heading(card)).toContain('Tavoitteesi jaksolla');
  });

  it('understands "Hjälp!" with a capital and punctuation, in Swedish', async () => {
    const card = await reply(activities.message(h.connector.url, VILLE, 'Hjälp!', 'fi-FI'), VILLE);
    expect(heading(card)).toBe('Vad jag kan göra');
  });

  it('answers "status" in the client’s language', async () => {
    expect(heading(await reply(activities.message(h.connector.url, VILLE, 'status', 'sv-FI'), VILLE))).toContain('Dina mål');
    expect(heading(await reply(activities.message(h.connector.url, VILLE, 'status', 'en-GB'), VILLE))).toContain('Your goals');
  });

  it('answers in the language stored at install when the activity carries no locale', async () => {
    await reply(activities.personalInstall(h.connector.url, VILLE, 'sv-FI'), VILLE);
    const { locale: _none, ...message } = activities.message(h.connector.url, VILLE, 'status');
    expect(heading(await reply(message, VILLE))).toContain('Dina mål');
  });

  it('says it did not understand, in the user’s language, with the help', async () => {
    const card = await reply(activities.message(h.connector.url, VILLE, 'mitä kuuluu', 'fi-FI'), VILLE);
    expect(heading(card)).toContain('En ymmärtänyt');
    expect(JSON.stringify(card)).toContain('Mitä osaan');
  });
});
