import { describe, it, expect } from 'vitest';
import { canCheckIn, canEditPlanning, canLinkChannel, canWriteReview, isInvolved } from '../../../src/domain';
import { actor, goal, group, person } from './fixtures';

const ict = group('ict', [person('member')], [person('owner')]);
const welfare = group('welfare', [person('outsider')], [person('other-owner')]);
const groups = [ict, welfare];
const g = goal({ responsiblePersons: [person('responsible')], responsibleGroupKeys: ['ict'] });

describe('who may check in on a goal', () => {
  it('lets a responsible person check in', () => {
    expect(canCheckIn(actor('responsible'), g, groups)).toBe(true);
  });

  it('lets a member of the responsible group check in', () => {
    expect(canCheckIn(actor('member'), g, groups)).toBe(true);
  });

  it('lets an owner of the responsible group check in', () => {
    expect(canCheckIn(actor('owner'), g, groups)).toBe(true);
  });

  it('lets an admin check in on any goal', () => {
    expect(canCheckIn(actor('someone', ['admin']), g, groups)).toBe(true);
  });

  it('refuses a check-in from a non-member', () => {
    expect(canCheckIn(actor('stranger'), g, groups)).toBe(false);
  });

  it('refuses a check-in from a member of an unrelated group', () => {
    expect(canCheckIn(actor('outsider'), g, groups)).toBe(false);
    expect(canCheckIn(actor('other-owner'), g, groups)).toBe(false);
  });

  it('refuses a leader who is not responsible', () => {
    expect(canCheckIn(actor('boss', ['leader']), g, groups)).toBe(false);
  });

  it('refuses a member when the responsible group is not among the known groups', () => {
    expect(canCheckIn(actor('member'), g, [welfare])).toBe(false);
  });
});

describe('who may change planning, reviews and channels', () => {
  it('lets only admins edit planning', () => {
    expect(canEditPlanning(actor('a', ['admin']))).toBe(true);
    expect(canEditPlanning(actor('l', ['leader']))).toBe(false);
    expect(canEditPlanning(actor('p'))).toBe(false);
  });

  it('lets leaders and admins write review notes, and nobody else', () => {
    expect(canWriteReview(actor('l', ['leader']))).toBe(true);
    expect(canWriteReview(actor('a', ['admin']))).toBe(true);
    expect(canWriteReview(actor('member'))).toBe(false);
  });

  it("lets admins and the group's owners link its channel, but not its members", () => {
    expect(canLinkChannel(actor('a', ['admin']), ict)).toBe(true);
    expect(canLinkChannel(actor('owner'), ict)).toBe(true);
    expect(canLinkChannel(actor('member'), ict)).toBe(false);
    expect(canLinkChannel(actor('other-owner'), ict)).toBe(false);
    expect(canLinkChannel(actor('l', ['leader']), ict)).toBe(false);
  });
});

describe('whose goals a goal is', () => {
  it('involves responsible persons and members and owners of a responsible group', () => {
    expect(isInvolved('responsible', g, groups)).toBe(true);
    expect(isInvolved('member', g, groups)).toBe(true);
    expect(isInvolved('owner', g, groups)).toBe(true);
  });

  it('does not involve members of unrelated groups or strangers', () => {
    expect(isInvolved('outsider', g, groups)).toBe(false);
    expect(isInvolved('stranger', g, groups)).toBe(false);
  });
});
