import { describe, expect, it } from 'vitest';
import { goalsMissing, goalTexts, missingTexts, withGoalText } from '../../../src/domain';
import { goal } from '../domain/fixtures';

describe('goal texts in three languages', () => {
  it('reads a goal without translations as Finnish only', () => {
    const t = goalTexts(goal({ title: 'Tavoite', description: 'Kuvaus' }));
    expect(t.title).toEqual({ fi: 'Tavoite' });
    expect(t.description).toEqual({ fi: 'Kuvaus' });
    expect(t.baselineText).toBeUndefined();
  });

  it('takes Swedish and English from the translations, ignoring blank ones', () => {
    const t = goalTexts(goal({ title: 'Tavoite', translations: { sv: { title: 'Mål', indicatorText: '  ' }, en: { title: 'Goal' } } }));
    expect(t.title).toEqual({ fi: 'Tavoite', sv: 'Mål', en: 'Goal' });
    expect(t.indicatorText).toEqual({ fi: goal().indicator.text });
  });

  it('does not invent a translation of a text that has no Finnish', () => {
    expect(goalTexts(goal({ translations: { sv: { description: 'Beskrivning' } } })).description).toBeUndefined();
  });

  it('counts the goals an admin still has to translate, text by text', () => {
    const done = goal({ key: 'a', baseline: {}, target: {}, translations: { sv: { title: 'Mål', indicatorText: 'Mätare' } } });
    const partly = goal({ key: 'b', baseline: {}, target: {}, translations: { sv: { title: 'Mål' } } });
    expect(missingTexts(done, 'sv')).toEqual([]);
    expect(missingTexts(partly, 'sv')).toEqual(['indicatorText']);
    expect(goalsMissing([done, partly, goal({ key: 'c' })], 'sv')).toBe(2);
  });
});

describe('editing a goal text in three languages', () => {
  it('puts Finnish in the goal’s own field and Swedish and English in its translations', () => {
    const g = withGoalText(goal({ title: 'Vanha' }), 'title', { fi: 'Uusi', sv: 'Ny', en: '' });
    expect(g.title).toBe('Uusi');
    expect(g.translations).toEqual({ sv: { title: 'Ny' } });
    const unit = withGoalText(g, 'indicatorUnit', { fi: 'henkilöä', sv: 'personer', en: 'people' });
    expect(unit.indicator.unit).toBe('henkilöä');
    expect(unit.translations).toEqual({ sv: { title: 'Ny', indicatorUnit: 'personer' }, en: { indicatorUnit: 'people' } });
  });

  it('drops a translation emptied by the admin, and the translations when none is left', () => {
    const g = withGoalText(goal({ translations: { sv: { title: 'Mål' } } }), 'title', { fi: 'Tavoite', sv: ' ' });
    expect(g.translations).toBeUndefined();
    expect(goalTexts(g).title).toEqual({ fi: 'Tavoite' });
  });
});
