import { describe, expect, it } from 'vitest';
import { buildGroupCard, teamsUserMri, VERBS } from '../../../src/cards';
import { groupModel } from './fixtures';
import { expectValidCard } from './validate-card';

const json = (v: unknown) => JSON.stringify(v);
type Any = Record<string, any>;
const findAll = (node: unknown, pred: (n: Any) => boolean, out: Any[] = []): Any[] => {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === 'object') {
    if (pred(node as Any)) out.push(node as Any);
    Object.values(node).forEach((v) => findAll(v, pred, out));
  }
  return out;
};

describe('group reminder card', () => {
  it('lists each due goal with its last status and who already reported', () => {
    const c = buildGroupCard(groupModel());
    expectValidCard(c);
    expect(c.version).toBe('1.5');
    const s = json(c);
    expect(s).toContain('Digital skills for all staff');
    expect(s).toContain('Latest: Partially realised (8/2021)');
    expect(s).toContain('Reported by Ville Korhonen');
    expect(s).toContain('Overdue');
    expect(findAll(c.body, (n) => n.type === 'Container').map((n) => n.id)).toEqual(['goal-g1', 'goal-g2']);
  });

  it('gives every open goal an Update button that asks the bot for the form', () => {
    const c = buildGroupCard(groupModel());
    const updates = findAll(c.body, (n) => n.type === 'Action.Execute' && n.verb === VERBS.openForm);
    expect(updates.map((u) => u.data)).toEqual([
      { planKey: 'plan-2021', groupKey: 'ict', period: '2021-09', goalKey: 'g1', unit: 'VAKA' },
      { planKey: 'plan-2021', groupKey: 'ict', period: '2021-09', goalKey: 'g2' },
    ]);
  });

  it('refreshes automatically for the permitted users only', () => {
    const c = buildGroupCard(groupModel());
    expect(c.refresh?.userIds).toEqual([teamsUserMri('u-1'), teamsUserMri('u-2')]);
    expect(c.refresh?.action?.verb).toBe(VERBS.refresh);
  });

  it('falls back to a manual refresh for a group of more than 60 permitted users', () => {
    const ids = Array.from({ length: 61 }, (_, i) => `u-${i}`);
    const c = buildGroupCard(groupModel({ permittedUserIds: ids }));
    expectValidCard(c);
    expect(c.refresh?.userIds).toBeUndefined();
    expect(json(c)).toContain('Press Refresh to see the check-in forms.');
    expect(c.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: VERBS.refresh });
  });

  it("shows a reader's view without Update buttons", () => {
    const c = buildGroupCard(groupModel({ view: 'reader' }));
    expectValidCard(c);
    expect(findAll(c.body, (n) => n.verb === VERBS.openForm)).toHaveLength(0);
  });

  it('opens the inline form with the scale, narrative, value and unit, submitting with the submission id', () => {
    const c = buildGroupCard(groupModel({ view: 'member', form: { goalKey: 'g1', unit: 'VAKA', submissionId: 'sub-12345678' } }));
    expectValidCard(c);
    const inputs = findAll(c.body, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['unit', 'status', 'narrative', 'indicatorValue']);
    expect(inputs[0]).toMatchObject({ value: 'VAKA', isRequired: true });
    expect(inputs[1]!.choices.map((x: Any) => x.value)).toEqual(['2', '1', '0']);
    expect(inputs[3]!.label).toBe('Indicator value (%)');
    const submit = findAll(c.body, (n) => n.verb === VERBS.checkIn)[0]!;
    expect(submit.data).toEqual({ planKey: 'plan-2021', groupKey: 'ict', period: '2021-09', goalKey: 'g1', submissionId: 'sub-12345678' });
    expect(submit.associatedInputs).toBe('auto');
  });

  it('asks for a value within the indicator’s range, as the service area’s own number (decision 0009)', () => {
    const counting = buildGroupCard(groupModel({ view: 'member', form: { goalKey: 'g1', unit: 'VAKA', submissionId: 'sub-12345678' } }));
    const value = findAll(counting.body, (n) => n.id === 'indicatorValue')[0]!;
    expect(value).toMatchObject({ min: 0, placeholder: 'The chosen service area’s own number' });
    expect(value.max).toBeUndefined();
    const m = groupModel({ view: 'member', form: { goalKey: 'g1', unit: 'VAKA', submissionId: 'sub-12345678' } });
    m.goals[0]!.indicator = { kind: 'quantitative', unit: '%', min: -20, max: 100 };
    const ranged = findAll(buildGroupCard(m).body, (n) => n.id === 'indicatorValue')[0]!;
    expect(ranged).toMatchObject({ min: -20, max: 100 });
    expectValidCard(buildGroupCard(m));
  });

  it('leaves the value input out for a qualitative goal', () => {
    const c = buildGroupCard(groupModel({ view: 'member', form: { goalKey: 'g2', submissionId: 'sub-12345678' } }));
    const inputs = findAll(c.body, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['status', 'narrative']);
  });

  it('speaks Finnish and Swedish', () => {
    const fi = json(buildGroupCard(groupModel({ locale: 'fi' })));
    expect(fi).toContain('Tilannepäivitykset erääntyvät: Tavoitteet 2021');
    expect(fi).toContain('Päivitä');
    const sv = json(buildGroupCard(groupModel({ locale: 'sv' })));
    expect(sv).toContain('Uppdatera');
    expect(sv).toContain('Tavoitteet 2021'); // no Swedish title: falls back to Finnish
  });

  it('escapes user text so a goal title cannot inject a link or a mention', () => {
    const c = buildGroupCard(
      groupModel({
        goals: [{ key: 'g9', code: '9', title: 'Click [here](https://evil.example) <at>Everyone</at> @channel **now**', indicator: { kind: 'qualitative' }, slots: [{ state: 'due' }] }],
      }),
    );
    const s = JSON.stringify(c);
    expect(s).not.toContain('[here](');
    expect(s).not.toContain('<at>');
    expect(s).not.toContain('**now**');
    expect(s).toContain('\\\\[here\\\\]');
  });
});
