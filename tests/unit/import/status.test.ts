import { describe, expect, it } from 'vitest';
import { LIKELIHOOD_SCALE, REALISATION_SCALE, TRAFFIC_LIGHT_SCALE } from '../../../src/domain';
import { chooseScale, matchStatus } from '../../../src/domain/import';

describe('status matching', () => {
  it('matches the realisation scale in any of its languages and the usual other wordings', () => {
    expect(matchStatus(REALISATION_SCALE, 'Toteutuu täysin')).toBe(2);
    expect(matchStatus(REALISATION_SCALE, 'toteutuu\nosittain')).toBe(1);
    expect(matchStatus(REALISATION_SCALE, 'Förverkligas helt')).toBe(2);
    expect(matchStatus(REALISATION_SCALE, 'Genomförs delvis')).toBe(1);
    expect(matchStatus(REALISATION_SCALE, 'Not realized')).toBe(0);
    expect(matchStatus(REALISATION_SCALE, 'Ehkä ensi vuonna')).toBeUndefined();
  });

  it('matches numeric assessments to the values of the 0–2 scale, with or without their label', () => {
    expect(matchStatus(LIKELIHOOD_SCALE, '', 2)).toBe(2);
    expect(matchStatus(LIKELIHOOD_SCALE, '0')).toBe(0);
    expect(matchStatus(LIKELIHOOD_SCALE, '1 – Epävarma')).toBe(1);
    expect(matchStatus(LIKELIHOOD_SCALE, 'Sannolikt')).toBe(2);
    expect(matchStatus(LIKELIHOOD_SCALE, '', 3)).toBeUndefined();
  });

  it('reads traffic-light colours on the traffic-light scale', () => {
    expect(['Vihreä', 'Keltainen', 'Punainen', 'Grå'].map((t) => matchStatus(TRAFFIC_LIGHT_SCALE, t))).toEqual([3, 2, 1, 0]);
  });

  it("uses the plan's scale when the plan exists and reports the cells that fit it not", () => {
    const c = chooseScale([{ row: 5, text: 'Toteutuu täysin' }, { row: 6, text: 'Vihreä' }], REALISATION_SCALE);
    expect(c.source).toBe('plan');
    expect(c.unmatched).toEqual([{ row: 6, text: 'Vihreä' }]);
  });

  it('picks the 0–2 assessment for a numbers-only column and the realisation scale for its texts', () => {
    expect(chooseScale([{ row: 1, text: '2', number: 2 }, { row: 2, text: '0', number: 0 }], undefined).scale.key).toBe(LIKELIHOOD_SCALE.key);
    expect(chooseScale([{ row: 1, text: 'Toteutuu osittain' }], undefined).scale.key).toBe(REALISATION_SCALE.key);
  });

  it('proposes a scale built from the values when none of the shipped scales fits any of them', () => {
    const c = chooseScale([{ row: 1, text: 'Hyvä' }, { row: 2, text: 'Heikko' }, { row: 3, text: 'Hyvä' }], undefined);
    expect(c.source).toBe('proposed');
    expect(c.scale.levels.map((l) => [l.value, l.label.fi])).toEqual([[0, 'Hyvä'], [1, 'Heikko']]);
  });

  it('reports an odd value against the shipped scale the other values fit, rather than inventing a scale for it', () => {
    const c = chooseScale([{ row: 1, text: 'Toteutuu osittain' }, { row: 2, text: 'Ehkä ensi vuonna' }], undefined);
    expect(c).toMatchObject({ source: 'built-in', scale: { key: REALISATION_SCALE.key }, unmatched: [{ row: 2 }] });
  });
});
