import { REALISATION_SCALE } from '../../../src/domain';
import type { GroupCardModel, LinkTargets } from '../../../src/cards';

export const LINKS: LinkTargets = { teamsAppId: 'app-1', tabEntityId: 'goals', publicUrl: 'https://tavoitteet.example.fi' };

export function groupModel(over: Partial<GroupCardModel> = {}): GroupCardModel {
  return {
    locale: 'en',
    ref: { planKey: 'plan-2021', groupKey: 'ict', period: '2021-09' },
    planTitle: { fi: 'Tavoitteet 2021', en: 'Goals 2021' },
    groupName: { fi: 'Tietohallinnon kehittämisryhmä', en: 'ICT development group' },
    dueDate: '2021-10-05',
    scale: REALISATION_SCALE,
    permittedUserIds: ['u-1', 'u-2'],
    view: 'shared',
    goals: [
      {
        key: 'g1',
        code: '1',
        title: 'Digital skills for all staff',
        indicator: { kind: 'quantitative', unit: '%' },
        slots: [
          { unit: 'VAKA', unitName: { fi: 'Varhaiskasvatus', en: 'Early childhood' }, state: 'due', last: { period: '2021-08', status: 1, authorName: 'Aino Virtanen', at: '2021-08-30T10:00:00+03:00' } },
          { unit: 'POPE', unitName: { fi: 'Perusopetus', en: 'Basic education' }, state: 'done', done: { period: '2021-09', status: 2, authorName: 'Ville Korhonen', at: '2021-09-21T12:30:00+03:00' } },
        ],
      },
      { key: 'g2', code: '2', title: 'Pre-study of learning analytics', indicator: { kind: 'qualitative' }, slots: [{ state: 'overdue' }] },
    ],
    ...over,
  };
}
