/**
 * Finding people by what an admin types: every word typed must start a word of the person's name
 * or of their sign-in name, ignoring case and accents ("ho" finds Linnea Holmström, "hämä" and
 * "hama" find Petri Hämäläinen). The local demo directory is searched with it; the tenant's
 * directory is searched by Graph, whose `$search` tokenizes names the same way (word prefixes).
 */
import type { Person } from './person';

/** Lower case without accents: å ä ö match a o (people type either). */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const words = (s: string) => foldForSearch(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The most characters of one search the directory takes; a longer text names no one. */
export const PEOPLE_QUERY_MAX = 100;

/** Whether a person matches a search text (an empty search matches everyone). */
export function matchesPerson(person: Person, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const own = [...words(person.name), ...words(person.upn.split('@')[0] ?? '')];
  return wanted.every((w) => own.some((o) => o.startsWith(w)));
}

/** The people matching a search, by name in Finnish order, at most `limit` of them. */
export function searchPeople(people: readonly Person[], query: string, limit = 25): Person[] {
  return people
    .filter((p) => matchesPerson(p, query))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'))
    .slice(0, limit);
}
