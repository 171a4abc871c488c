/**
 * A narrative's language travels from the check-in API to the board report (issue 9): a check-in
 * sent with `language: 'sv'` is stored with it, and the Finnish report of its period marks that
 * narrative as Swedish (w:lang sv-FI on its run, "ruotsiksi" beside its status); a language the
 * app does not speak is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInvolved, type Goal, type Group } from '../../../src/domain';
import { paragraphTexts, zipParts } from '../../unit/report/support';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

let t: TestServer;
let member: DemoUserInfo;
let leader: DemoUserInfo;
let goal: Goal;
beforeAll(async () => {
  t = await startTestServer();
  const repo = t.server.services.repo;
  const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
  const groups: Group[] = (await repo.groups.list()).items.map((g) => g.value);
  member = t.users.find((u) => u.roles.length === 0 && goals.some((g) => isInvolved(u.id, g, groups) && g.units.length > 0))!;
  goal = goals.find((g) => isInvolved(member.id, g, groups) && g.units.length > 0)!;
  leader = t.users.find((u) => u.roles.includes('leader'))!;
});
afterAll(async () => t?.stop());

const SWEDISH = 'Arbetet framskrider enligt planen och utbildningarna har börjat.';

describe('a narrative’s language, from the check-in to the report', () => {
  it('is stored with the check-in and marked in the Finnish report of its period', async () => {
    const { accessToken } = await t.token(member.id);
    const unit = goal.units[0]!;
    const r = await t.api('/api/check-ins', { token: accessToken, body: { goalKey: goal.key, period: '2021-09', unit, status: 1, narrative: SWEDISH, language: 'sv', submissionId: 'it-narrative-language-sv' } });
    expect(r.status).toBe(201);
    expect(r.body.value.language).toBe('sv');
    const stored = (await t.server.services.repo.checkIns.list({ goalKey: goal.key })).items.map((i) => i.value).find((c) => c.submissionId === 'it-narrative-language-sv');
    expect(stored?.language).toBe('sv');

    const report = await fetch(`${t.url}/api/reports?plan=vantaa-ko-2021&period=2021-09&format=docx&lang=fi`, { headers: { authorization: `Bearer ${(await t.token(leader.id)).accessToken}` } });
    expect(report.status).toBe(200);
    const doc = zipParts(new Uint8Array(await report.arrayBuffer()))['word/document.xml'] ?? '';
    const run = new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*${SWEDISH.slice(0, 24)}(?:(?!</w:r>)[\\s\\S])*</w:r>`).exec(doc)?.[0] ?? '';
    expect(run).toContain('<w:lang w:val="sv-FI"/>');
    expect(paragraphTexts(doc).some((p) => p.startsWith(`${unit} (`) && p.includes('ruotsiksi): Arbetet framskrider'))).toBe(true);
  });

  it('refuses a narrative language the app does not speak, naming the field', async () => {
    const { accessToken } = await t.token(member.id);
    const r = await t.api('/api/check-ins', { token: accessToken, body: { goalKey: goal.key, period: '2021-09', unit: goal.units[0], status: 1, narrative: 'Es geht voran.', language: 'de', submissionId: 'it-narrative-language-de' } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['language']);
  });
});
