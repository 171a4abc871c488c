import { describe, expect, it } from 'vitest';
import { canCorrectReview, canWithdrawReview, meetingDecisions, openFollowUps, reviewEditIssue, withCorrection, withWithdrawal, type Review } from '../../../src/domain';

const author = { id: 'leena', upn: 'leena@x.invalid', name: 'Leena Koskinen' };
const note = (over: Partial<Review> = {}): Review => ({
  key: 'rv-1',
  goalKey: 'g1',
  planKey: 'p',
  meetingDate: '2021-09-22',
  kind: 'decision',
  text: 'Jatketaan',
  author,
  createdAt: '2021-09-22T10:00:00+03:00',
  meetingId: 'm1',
  ...over,
});
const ask = (groupKey: string, dueDate = '2021-10-15') => ({ ask: 'Raportoikaa', groupKey, dueDate, state: 'open' as const });

describe('correcting a review note', () => {
  it('keeps every earlier wording with who wrote it and when, oldest first', () => {
    const once = withCorrection(note(), 'Jatketaan keväällä', { id: 'leena', name: 'Leena Koskinen' }, '2021-09-23T09:00:00+03:00');
    const twice = withCorrection(once, 'Jatketaan keväällä 2022', { id: 'leena', name: 'Leena Koskinen' }, '2021-09-24T09:00:00+03:00');
    expect(twice.text).toBe('Jatketaan keväällä 2022');
    expect(twice.revisions).toEqual([
      { text: 'Jatketaan', writtenAt: '2021-09-22T10:00:00+03:00', writtenBy: { id: 'leena', name: 'Leena Koskinen' } },
      { text: 'Jatketaan keväällä', writtenAt: '2021-09-23T09:00:00+03:00', writtenBy: { id: 'leena', name: 'Leena Koskinen' } },
    ]);
    expect(twice.correctedAt).toBe('2021-09-24T09:00:00+03:00');
    expect(twice.createdAt).toBe('2021-09-22T10:00:00+03:00');
  });

  it('is for the author alone; withdrawing is for the author or an admin', () => {
    expect(canCorrectReview({ id: 'leena' }, note())).toBe(true);
    expect(canCorrectReview({ id: 'other' }, note())).toBe(false);
    expect(canWithdrawReview({ id: 'other', roles: ['leader'] }, note())).toBe(false);
    expect(canWithdrawReview({ id: 'other', roles: ['admin'] }, note())).toBe(true);
  });

  it('refuses the same wording and any edit of a withdrawn note', () => {
    expect(reviewEditIssue(note(), 'Jatketaan')).toMatchObject({ code: 'text.unchanged' });
    expect(reviewEditIssue(note(), 'Muu')).toBeUndefined();
    const gone = withWithdrawal(note(), 'Väärä tavoite', { id: 'leena', name: 'Leena Koskinen' }, '2021-09-23T09:00:00+03:00');
    expect(gone.withdrawn).toEqual({ reason: 'Väärä tavoite', at: '2021-09-23T09:00:00+03:00', by: { id: 'leena', name: 'Leena Koskinen' } });
    expect(gone.text).toBe('Jatketaan');
    expect(reviewEditIssue(gone, 'Muu')).toMatchObject({ code: 'review.withdrawn' });
    expect(reviewEditIssue(gone)).toMatchObject({ code: 'review.withdrawn' });
  });
});

describe('follow-ups of withdrawn decisions and the meeting summary', () => {
  it('no longer counts a withdrawn decision as asking anything', () => {
    const open = note({ key: 'a', followUp: ask('ict') });
    const withdrawn = note({ key: 'b', followUp: ask('ict'), withdrawn: { reason: 'x', at: '2021-09-23T09:00:00+03:00', by: { id: 'leena', name: 'L' } } });
    expect(openFollowUps([open, withdrawn]).map((r) => r.key)).toEqual(['a']);
  });

  it('lists the meeting decisions that stand in agenda order and groups their follow-ups by the group asked', () => {
    const session = { key: 'm1', goalKeys: ['g2', 'g1'] };
    const reviews = [
      note({ key: 'on-g1', goalKey: 'g1', followUp: ask('ict') }),
      note({ key: 'comment', goalKey: 'g2', kind: 'comment' }),
      note({ key: 'on-g2', goalKey: 'g2', createdAt: '2021-09-22T11:00:00+03:00', followUp: ask('hyte') }),
      note({ key: 'other-meeting', goalKey: 'g2', meetingId: 'm0' }),
      note({ key: 'withdrawn', goalKey: 'g2', withdrawn: { reason: 'x', at: '2021-09-23T09:00:00+03:00', by: { id: 'leena', name: 'L' } } }),
      note({ key: 'off-agenda', goalKey: 'g9', createdAt: '2021-09-22T09:00:00+03:00' }),
    ];
    const { decisions, byGroup } = meetingDecisions(reviews, session);
    expect(decisions.map((d) => d.key)).toEqual(['on-g2', 'on-g1', 'off-agenda']);
    expect([...byGroup].map(([g, rs]) => [g, rs.map((r) => r.key)])).toEqual([
      ['hyte', ['on-g2']],
      ['ict', ['on-g1']],
    ]);
  });
});
