import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkChannel } from '../../../src/commands';
import { VERBS } from '../../../src/cards';
import type { Actor } from '../../../src/domain';
import { expectValidCard } from '../../unit/cards/validate-card';
import { activities, startHarness, type Harness } from './harness';

/**
 * Issue 13, items 1 and 16 on the card path (`Action.Execute` to /api/messages): a check-in for a
 * future period is refused by the same rule as the API's, and the card says why in the group's
 * language by the code, not in the command's English.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AINO: Actor = { id: id(1), upn: 'aino.virtanen@demo.vantaa.invalid', name: 'Aino Virtanen', roles: ['admin'] };
const VILLE = { aadObjectId: id(4), name: 'Ville Korhonen' }; // member of opintopolut-ohjaus
const TEAM = '19:opintopolut-period@thread.tacv2';
const PLAN = 'vantaa-ko-2021';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await linkChannel(h.server.services.ctx, AINO, 'opintopolut-ohjaus', { conversationId: TEAM, serviceUrl: h.connector.url, tenantId: 'tenant-0001', teamId: TEAM });
}, 60_000);
afterAll(async () => h?.close());

async function submit(period: string, submissionId: string) {
  const data = { planKey: PLAN, groupKey: 'opintopolut-ohjaus', period, goalKey: 'vantaa-ko-2021.g1', unit: 'KASO', submissionId, status: '2', narrative: 'Hyvin menee.' };
  const r = await h.post(activities.cardAction(h.connector.url, VILLE, TEAM, VERBS.checkIn, data));
  return r.body.value;
}

describe('a check-in from a card', () => {
  it('for December in September is refused, in Finnish, and nothing is written', async () => {
    const card = await submit('2021-12', 'card-future-0001');
    expectValidCard(card);
    const s = JSON.stringify(card);
    expect(s).toContain('Jakson raportointi ei ole vielä auki.');
    expect(s).not.toContain('not open for reporting');
    expect(await h.server.services.repo.findCheckInBySubmission('card-future-0001')).toBeUndefined();
  });
});
