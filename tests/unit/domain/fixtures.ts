// Small builders for domain tests: valid by default, override only what a test is about.
import {
  DEFAULT_REMINDER_CALENDAR,
  REALISATION_SCALE,
  type Actor,
  type CheckIn,
  type Goal,
  type Group,
  type Person,
  type Plan,
} from '../../../src/domain';

export const person = (id: string, name = id): Person => ({ id, upn: `${id}@vantaa.example`, name });

export const actor = (id: string, roles: Actor['roles'] = []): Actor => ({ ...person(id), roles });

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    key: 'vantaa-2021',
    title: { fi: 'Kasvatuksen ja oppimisen toimialan tavoitteet 2021' },
    periodStart: '2021-01-01',
    periodEnd: '2021-12-31',
    cadence: 'monthly',
    statusScale: REALISATION_SCALE,
    units: ['KASO', 'VAKA', 'POPE', 'TAKO', 'SVE'],
    reminders: { ...DEFAULT_REMINDER_CALENDAR, nonReportingMonths: [7] },
    language: 'fi',
    ...overrides,
  };
}

export function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    key: 'g1',
    planKey: 'vantaa-2021',
    themeKey: 't1',
    code: '1',
    title: 'Henkilöstön mielenterveysosaaminen vahvistuu',
    indicator: { text: 'Koulutettujen määrä +10 %', kind: 'quantitative', direction: 'increase' },
    baseline: { value: 664, date: '2020-12-31' },
    target: { value: 730.4 },
    responsiblePersons: [],
    responsibleGroupKeys: [],
    units: [],
    summary: {},
    ...overrides,
  };
}

export function group(key: string, members: Person[] = [], owners: Person[] = []): Group {
  return { key, name: { fi: key }, members, owners };
}

let seq = 0;
export function checkIn(overrides: Partial<CheckIn> = {}): CheckIn {
  seq += 1;
  return {
    key: `ci-${seq}`,
    goalKey: 'g1',
    planKey: 'vantaa-2021',
    period: '2021-08',
    status: 1,
    narrative: 'Etenee.',
    author: person('anna', 'Anna Virtanen'),
    submittedAt: '2021-09-01T10:00:00+03:00',
    source: 'tab',
    submissionId: `submission-${seq}`,
    ...overrides,
  };
}
