import type { CheckIn, Goal, Group, PersonRecord, Plan, ReminderLog, Review, Theme, Unit } from '../../../src/domain';
import { REALISATION_SCALE } from '../../../src/domain';

/** One valid value of every entity, as the domain schemas output them (defaults filled in). */
export const maija = { id: 'aad-maija', upn: 'maija@vantaa.example', name: 'Maija Meikäläinen' };

export const plan = (key = 'vantaa-2021'): Plan => ({
  key,
  title: { fi: 'Kasvatuksen ja oppimisen toimialan tavoitteet 2021', sv: 'Mål 2021' },
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
  units: ['VAKA', 'PERUS'],
  reminders: { reminderDay: 20, dueDay: 5, escalationDays: 2, digestDays: 3, sendHour: 9, nonReportingMonths: [7] },
  language: 'fi',
});

export const theme = (key = 'T1', planKey = 'vantaa-2021'): Theme => ({
  key,
  planKey,
  code: '1',
  order: 1,
  title: { fi: 'Osallisuus' },
});

export const goal = (key = 'G1', planKey = 'vantaa-2021', overrides: Partial<Goal> = {}): Goal => ({
  key,
  planKey,
  themeKey: 'T1',
  code: '1.1',
  title: `Tavoite ${key}`,
  description: 'Lapset ja nuoret osallistuvat.',
  indicator: { text: 'Kyselyn tulos', kind: 'quantitative', unit: '%', direction: 'increase' },
  baseline: { value: 60, date: '2020-12-31' },
  target: { value: 75 },
  responsiblePersons: [maija],
  responsibleGroupKeys: ['KR1'],
  units: ['VAKA'],
  summary: {},
  ...overrides,
});

export const checkIn = (key = 'C1', submissionId = 'sub-00000001'): CheckIn => ({
  key,
  goalKey: 'G1',
  planKey: 'vantaa-2021',
  period: '2021-08',
  unit: 'VAKA',
  status: 2,
  narrative: 'Etenee.',
  indicatorValue: 64,
  author: maija,
  submittedAt: '2021-09-22T06:00:00Z',
  source: 'tab',
  submissionId,
});

export const review = (key = 'R1'): Review => ({
  key,
  goalKey: 'G1',
  planKey: 'vantaa-2021',
  period: '2021-08',
  meetingDate: '2021-09-28',
  kind: 'decision',
  text: 'Jatketaan.',
  author: maija,
  createdAt: '2021-09-28T10:00:00Z',
});

export const group = (key = 'KR1'): Group => ({
  key,
  name: { fi: 'Osallisuuden kehittämisryhmä' },
  members: [maija],
  owners: [],
  conversation: { conversationId: '19:abc@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/' },
  language: 'fi',
});

export const unit = (key = 'VAKA'): Unit => ({ key, name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik' }, order: 1 });

export const reminderLog = (key = 'vantaa-2021|2021-09|KR1|group'): ReminderLog => ({
  key,
  planKey: 'vantaa-2021',
  period: '2021-09',
  target: 'KR1',
  kind: 'group',
  conversationId: '19:abc@thread.tacv2',
  state: 'sent',
  sentAt: '2021-09-20T06:00:00Z',
  activityId: '1632117600000',
});

export const person = (key = 'aad-maija'): PersonRecord => ({ key, upn: maija.upn, name: maija.name, language: 'fi' });
