import { describe, expect, it } from 'vitest';
import { checkInDataSchema } from '../../../src/cards';
import { checkInInputSchema, checkInIssues, type CheckInFields } from '../../../src/domain';

const card = { planKey: 'vantaa-ko-2021', groupKey: 'kasvun-tuki', period: '2021-09', goalKey: 'vantaa-ko-2021.g1', unit: 'KASO', submissionId: 'card-0123456789' };

describe('check-in card data', () => {
  it('turns the inputs’ strings into numbers, and empty inputs into nothing', () => {
    expect(checkInDataSchema.parse({ ...card, status: '2', narrative: 'Etenee.', indicatorValue: '13.4' })).toMatchObject({ status: 2, indicatorValue: 13.4 });
    const empty = checkInDataSchema.parse({ ...card, status: '', narrative: '', indicatorValue: '' });
    expect(empty).toMatchObject({ narrative: '' });
    expect(empty.status).toBeUndefined();
    expect(empty.indicatorValue).toBeUndefined();
  });

  it('leaves a missing status and narrative to the check-in validator, which names them in the API’s words', () => {
    const data: CheckInFields = checkInDataSchema.parse({ ...card, status: '' });
    const fromCard = checkInIssues(data).map(({ path, message }) => ({ path, message }));
    expect(fromCard.map((i) => i.path)).toEqual(['status', 'narrative']);
    const fromApi = checkInInputSchema.safeParse({ ...card, status: undefined, narrative: '' }).error?.issues ?? [];
    expect(fromApi.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual(fromCard);
  });

  it('refuses data a genuine card cannot carry', () => {
    const paths = (v: unknown) => checkInDataSchema.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ ...card, status: 'hyvä', narrative: 'x' })).toEqual(['status']);
    expect(paths({ ...card, goalKey: '../etc', status: '1', narrative: 'x' })).toEqual(['goalKey']);
    expect(paths({ ...card, submissionId: 'short', status: '1', narrative: 'x' })).toEqual(['submissionId']);
  });
});
