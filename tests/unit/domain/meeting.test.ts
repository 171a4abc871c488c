import { describe, expect, it } from 'vitest';
import {
  agendaPosition,
  buildAgenda,
  canCompleteFollowUp,
  canRunMeeting,
  completeFollowUp,
  followUpIssue,
  followUpStatus,
  meetingMoveIssue,
  meetingSessionSchema,
  openFollowUps,
  reviewSchema,
  stepGoal,
  type FollowUp,
  type Theme,
} from '../../../src/domain';
import { actor, checkIn, goal, group, person, plan } from './fixtures';

const themes: Theme[] = [
  { key: 't1', planKey: 'vantaa-2021', code: '1', order: 1, title: { fi: 'Oppiminen' } },
  { key: 't2', planKey: 'vantaa-2021', code: '2', order: 2, title: { fi: 'Hyvinvointi' } },
];
const at = (period: string) => ({ period, status: 0, at: '2021-09-01T10:00:00+03:00', author: { id: 'a', name: 'A' }, checkInKey: 'x' });

// Four goals: g1 fully on track, g2 partially, g3 nothing reported, g4 two units of which one is behind.
const goals = [
  goal({ key: 'g1', code: '1', themeKey: 't1', summary: { '*': { ...at('2021-09'), status: 2 } }, responsibleGroupKeys: ['ict'] }),
  goal({ key: 'g2', code: '2', themeKey: 't1', summary: { '*': { ...at('2021-09'), status: 1 } }, responsibleGroupKeys: ['hyte'] }),
  goal({ key: 'g3', code: '3', themeKey: 't2', summary: {}, responsibleGroupKeys: ['ict'] }),
  goal({ key: 'g4', code: '4', themeKey: 't2', units: ['VAKA', 'POPE'], summary: { VAKA: { ...at('2021-09'), status: 2 }, POPE: { ...at('2021-08'), status: 0 } }, responsibleGroupKeys: ['hyte'] }),
];
const checkIns = [
  checkIn({ goalKey: 'g1', period: '2021-09', status: 2 }),
  checkIn({ goalKey: 'g2', period: '2021-09', status: 1 }),
  checkIn({ goalKey: 'g4', unit: 'VAKA', period: '2021-09', status: 2 }),
  checkIn({ goalKey: 'g4', unit: 'POPE', period: '2021-08', status: 0 }),
];
const groups = [group('ict'), group('hyte')].map((g) => ({ ...g, name: { fi: g.key === 'ict' ? 'ICT-kehittämisryhmä' : 'Hyvinvointiryhmä' } }));
const input = { plan: plan(), themes, goals, groups, checkIns, period: '2021-09', today: '2021-10-20' };

describe('the review agenda', () => {
  it('puts the worst goals first, with a goal nothing was reported on before any status', () => {
    expect(buildAgenda(input).map((a) => a.goalKey)).toEqual(['g3', 'g4', 'g2', 'g1']);
  });

  it('says which service areas have not reported for the period, and which are overdue', () => {
    const g4 = buildAgenda(input).find((a) => a.goalKey === 'g4')!;
    expect(g4).toMatchObject({ status: 0, missing: ['POPE'], overdue: ['POPE'] });
    expect(buildAgenda({ ...input, today: '2021-09-22' }).find((a) => a.goalKey === 'g4')!.overdue).toEqual([]);
  });

  it('can follow the plan’s themes and goal codes instead', () => {
    expect(buildAgenda({ ...input, order: 'theme' }).map((a) => a.goalKey)).toEqual(['g1', 'g2', 'g3', 'g4']);
  });

  it('can group the goals by responsible group, worst first within each', () => {
    expect(buildAgenda({ ...input, order: 'group' }).map((a) => a.goalKey)).toEqual(['g4', 'g2', 'g3', 'g1']);
  });

  it('can put the goals with the most overdue reports first', () => {
    expect(buildAgenda({ ...input, order: 'overdue' }).map((a) => a.goalKey)).toEqual(['g3', 'g4', 'g2', 'g1']);
    expect(buildAgenda({ ...input, order: 'overdue' }).find((a) => a.goalKey === 'g3')!.overdue).toEqual(['*']);
  });

  it('holds only the chosen development group’s goals when one is chosen', () => {
    expect(buildAgenda({ ...input, groupKey: 'ict' }).map((a) => a.goalKey)).toEqual(['g3', 'g1']);
  });

  it('shows an earlier period as it was then, not with later reports', () => {
    const august = buildAgenda({ ...input, period: '2021-08' });
    expect(august.find((a) => a.goalKey === 'g4')!.status).toBe(0);
    expect(august.find((a) => a.goalKey === 'g1')!.status).toBeUndefined();
  });
});

const session = meetingSessionSchema.parse({
  key: 'MCMxOTptZWV0aW5nX05qZz0=',
  planKey: 'vantaa-2021',
  period: '2021-09',
  goalKeys: ['g3', 'g4', 'g2'],
  currentGoalKey: 'g4',
  updatedBy: { id: 'leader', name: 'Leena' },
  updatedAt: '2021-09-22T09:00:00Z',
});

describe('a meeting session', () => {
  it('defaults to worst first and accepts a Teams meeting id as its key', () => {
    expect(session.order).toBe('worst');
  });

  it('knows where the presenter is and the goals either side', () => {
    expect(agendaPosition(session)).toEqual({ index: 1, count: 3 });
    expect(stepGoal(session, 1)).toBe('g2');
    expect(stepGoal(session, -1)).toBe('g3');
    expect(stepGoal({ ...session, currentGoalKey: 'g2' }, 1)).toBeUndefined();
  });

  it('refuses a move to a goal not on the agenda, or after the review ended', () => {
    expect(meetingMoveIssue(session, 'g2')).toBeUndefined();
    expect(meetingMoveIssue(session, 'g1')).toMatchObject({ code: 'goalKey.notOnAgenda' });
    expect(meetingMoveIssue({ ...session, endedAt: '2021-09-22T10:00:00Z' }, 'g2')).toMatchObject({ code: 'meeting.ended' });
  });

  it('is run by leaders and admins only', () => {
    expect(canRunMeeting(actor('l', ['leader']))).toBe(true);
    expect(canRunMeeting(actor('a', ['admin']))).toBe(true);
    expect(canRunMeeting(actor('s'))).toBe(false);
  });
});

const followUp: FollowUp = { ask: 'Selvittäkää POPE:n koulutustilanne', groupKey: 'hyte', dueDate: '2021-10-31', state: 'open' };

describe('a decision’s follow-up', () => {
  it('belongs to a decision, due on or after the meeting', () => {
    expect(followUpIssue({ kind: 'decision', meetingDate: '2021-09-22' }, { dueDate: '2021-09-22' })).toBeUndefined();
    expect(followUpIssue({ kind: 'comment', meetingDate: '2021-09-22' }, { dueDate: '2021-10-31' })).toMatchObject({ code: 'followUp.onComment' });
    expect(followUpIssue({ kind: 'decision', meetingDate: '2021-09-22' }, { dueDate: '2021-09-21' })).toMatchObject({ path: 'followUp.dueDate', code: 'followUp.dueBeforeMeeting' });
  });

  it('is open until done, and overdue once its date has passed', () => {
    expect(followUpStatus(followUp, '2021-10-31')).toBe('open');
    expect(followUpStatus(followUp, '2021-11-01')).toBe('overdue');
    expect(followUpStatus({ ...followUp, state: 'done' }, '2021-11-01')).toBe('done');
  });

  it('records who marked it done and when, once', () => {
    const done = completeFollowUp(followUp, person('maija', 'Maija'), '2021-10-05T08:00:00Z');
    expect(done).toMatchObject({ state: 'done', doneAt: '2021-10-05T08:00:00Z', doneBy: { id: 'maija', name: 'Maija' } });
    expect(completeFollowUp(done, person('other'), '2021-10-06T08:00:00Z')).toBe(done);
  });

  it('is marked done by the asked group’s members or an admin, not by others', () => {
    const hyte = group('hyte', [person('maija')]);
    expect(canCompleteFollowUp(actor('maija'), hyte)).toBe(true);
    expect(canCompleteFollowUp(actor('boss', ['admin']), hyte)).toBe(true);
    expect(canCompleteFollowUp(actor('leader', ['leader']), hyte)).toBe(false);
  });

  it('lists a group’s open follow-ups, earliest due first', () => {
    const reviews = [
      { key: 'a', createdAt: '2021-09-22T09:00:00Z', followUp: { ...followUp, dueDate: '2021-11-30' } },
      { key: 'b', createdAt: '2021-09-22T09:01:00Z', followUp },
      { key: 'c', createdAt: '2021-09-22T09:02:00Z', followUp: { ...followUp, state: 'done' as const } },
      { key: 'd', createdAt: '2021-09-22T09:03:00Z', followUp: { ...followUp, groupKey: 'ict' } },
      { key: 'e', createdAt: '2021-09-22T09:04:00Z' },
    ];
    expect(openFollowUps(reviews, 'hyte').map((r) => r.key)).toEqual(['b', 'a']);
    expect(openFollowUps(reviews).map((r) => r.key)).toEqual(['b', 'd', 'a']);
  });

  it('leaves a review written before follow-ups existed readable as it was', () => {
    const old = { key: 'rv-1', goalKey: 'g1', planKey: 'p', meetingDate: '2021-05-01', kind: 'comment', text: 'Hyvä.', author: person('l'), createdAt: '2021-05-01T09:00:00Z' };
    const parsed = reviewSchema.parse(old);
    expect(parsed.followUp).toBeUndefined();
    expect(parsed.meetingId).toBeUndefined();
  });
});
