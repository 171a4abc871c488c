import { describe, expect, it } from 'vitest';
import { matchesPerson, searchPeople } from '../../../src/domain/people-search';

const linnea = { id: '1', upn: 'linnea.holmstrom@demo.invalid', name: 'Linnea Holmström' };
const petri = { id: '2', upn: 'petri.hamalainen@demo.invalid', name: 'Petri Hämäläinen' };
const riitta = { id: '3', upn: 'riitta.heinonen-laakso@demo.invalid', name: 'Riitta Heinonen-Laakso' };
const aino = { id: '4', upn: 'aino.virtanen@demo.invalid', name: 'Aino Virtanen' };
const ALL = [linnea, petri, riitta, aino];

describe('people search', () => {
  it('finds a person by the start of any word of their name, whatever the case', () => {
    expect(searchPeople(ALL, 'HOLM').map((p) => p.name)).toEqual(['Linnea Holmström']);
    expect(searchPeople(ALL, 'lin').map((p) => p.name)).toEqual(['Linnea Holmström']);
  });

  it('ignores accents both ways: "hama" and "hämä" find Hämäläinen', () => {
    expect(searchPeople(ALL, 'hama').map((p) => p.id)).toEqual(['2']);
    expect(searchPeople(ALL, 'hämä').map((p) => p.id)).toEqual(['2']);
  });

  it('needs every typed word to match, so a first and a last name narrow to one person', () => {
    expect(searchPeople(ALL, 'riitta laakso').map((p) => p.id)).toEqual(['3']);
    expect(searchPeople(ALL, 'riitta virtanen')).toEqual([]);
  });

  it('does not match inside a word: "olm" finds no one', () => {
    expect(matchesPerson(linnea, 'olm')).toBe(false);
  });

  it('matches the sign-in name too, not its domain', () => {
    expect(searchPeople(ALL, 'aino.virt').map((p) => p.id)).toEqual(['4']);
    expect(searchPeople(ALL, 'demo')).toEqual([]);
  });

  it('an empty search lists everyone by name, up to the limit', () => {
    expect(searchPeople(ALL, '  ').map((p) => p.name)).toEqual(['Aino Virtanen', 'Linnea Holmström', 'Petri Hämäläinen', 'Riitta Heinonen-Laakso']);
    expect(searchPeople(ALL, '', 2)).toHaveLength(2);
  });
});
