import { describe, expect, it } from 'vitest';
import { headerTime, recogniseHeader } from '../../../src/domain/import';

describe('goal table headers', () => {
  it.each([
    ['Tavoite', 'title', 'fi'],
    ['Toimialan tavoite', 'title', 'fi'],
    ['Mål', 'title', 'sv'],
    ['GOAL', 'title', 'en'],
    ['Mittari', 'indicator', 'fi'],
    ['Mätare', 'indicator', 'sv'],
    ['Measure', 'indicator', 'en'],
    ['Mittari, seuranta ja toimenpiteet', 'indicator', 'fi'],
    ['Utgångsläge', 'baseline', 'sv'],
    ['Målnivå', 'target', 'sv'],
    ['Vastuuhenkilö(t)', 'persons', 'fi'],
    ['Ansvarsperson(er)', 'persons', 'sv'],
    ['Vastuutaho', 'groups', 'fi'],
    ['Ansvarig grupp', 'groups', 'sv'],
    ['Responsible group', 'groups', 'en'],
    ['Uppföljning', 'realization', 'sv'],
    ['Progress', 'realization', 'en'],
    ['Tila', 'status', 'fi'],
    ['Arvio', 'status', 'fi'],
    ['Assessment', 'status', 'en'],
    ['Osa-alue', 'theme', 'fi'],
    ['Toimenpidekokonaisuus', 'theme', 'fi'],
    ['Tema', 'theme', 'sv'],
    ['Yksikkö', 'units', 'fi'],
    ['Enhet', 'units', 'sv'],
    ['Mittayksikkö', 'measureUnit', 'fi'],
  ])('reads "%s" as %s (%s), whatever its case and punctuation', (header, field, locale) => {
    expect(recogniseHeader(header)).toMatchObject({ field, locale });
    expect(recogniseHeader(`  ${header.toUpperCase()}: `).field).toBe(field);
  });

  it('takes the period out of "Toteuma 8/2021" and a tertial out of "Uppföljning 1–8/2022"', () => {
    expect(recogniseHeader('Toteuma 8/2021')).toEqual({ field: 'realization', locale: 'fi', time: { period: '2021-08', year: 2021 } });
    expect(recogniseHeader('Uppföljning 1–8/2022')).toMatchObject({ field: 'realization', time: { period: '2022-08', monthRange: true } });
  });

  it('dates a baseline "at the end of 2019" in Finnish, Swedish and English, and a target by its year', () => {
    expect(recogniseHeader('Lähtötaso v:n 2019 loppu')).toMatchObject({ field: 'baseline', time: { date: '2019-12-31', year: 2019 } });
    expect(headerTime('Utgångsläge slutet av 2019').time.date).toBe('2019-12-31');
    expect(headerTime('Baseline end of 2019').time.date).toBe('2019-12-31');
    expect(recogniseHeader('Tavoitetaso 2021')).toMatchObject({ field: 'target', time: { year: 2021 } });
    expect(recogniseHeader('Tavoitetaso 2021').time.date).toBeUndefined();
  });

  it('recognises nothing in a header it does not know, so the caller can ask', () => {
    expect(recogniseHeader('Budjetti (€)').field).toBeUndefined();
    expect(recogniseHeader('').field).toBeUndefined();
  });
});
