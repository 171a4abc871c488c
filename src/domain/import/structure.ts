import { normalize } from './text';

/**
 * Numbering and lists inside cells: "A.1 Opettajien osaaminen", "2. Jämlik delaktighet",
 * "Sole Askola-Vehviläinen, Ilkka Kalo & Anders Vikström", "Vastuutaho: tvt-kehittämisryhmä".
 */

/** A leading code: "A", "A.1", "B.4.2", "2.", "2.1", "1)". Bare numbers need a dot or a second part, so "10 kumppania" is no code. */
const NUMBERED = /^\s*((?:[A-ZÅÄÖ](?:\.\d+)*|\d+(?:\.\d+)+))[.)]?\s+(\S.*)$|^\s*(\d+)[.)]\s+(\S.*)$/su;

export function splitNumbering(text: string): { code?: string; title: string } {
  const m = NUMBERED.exec(text);
  if (!m) return { title: text.trim() };
  const code = m[1] ?? m[3];
  const title = (m[2] ?? m[4] ?? '').trim();
  // A single capital letter followed by text is a code only when it ends in a dot ("A. Osaaminen") or has parts ("A.1").
  if (m[1] && /^[A-ZÅÄÖ]$/.test(m[1]) && !/^\s*[A-ZÅÄÖ][.)]\s/u.test(text)) return { title: text.trim() };
  return code ? { code, title } : { title: text.trim() };
}

/** "A.1" → "A"; "2.1.3" → "2.1"; a top-level code has no parent. */
export function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

const GROUP_PREFIX = /^\s*(vastuutaho(?:t)?|vastuuryhmä|ansvarig grupp|ansvariga grupper|responsible group(?:s)?)\s*:\s*/i;

/**
 * A responsible-persons cell, which in real tables often carries the group too
 * ("Ari Ranki\nVastuutaho: Opintopolut ja ohjaus kehittämisryhmä").
 */
export function splitPersonsCell(text: string): { persons: string[]; groups: string[] } {
  const persons: string[] = [];
  const groups: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (GROUP_PREFIX.test(line)) {
      // The group's name may continue on the following lines of the cell.
      const rest = [line.replace(GROUP_PREFIX, ''), ...lines.slice(i + 1)].join(' ');
      groups.push(...splitGroups(rest));
      break;
    }
    persons.push(...splitNames(line));
  }
  return { persons, groups };
}

/** Names separated by commas, semicolons, "&" or "ja"/"och"/"and". */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[,;&\n]|\s(?:ja|och|and)\s)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Group or unit names: separated by commas, semicolons or lines ("ja" belongs to names like "Opiskeluhuolto ja hyvinvointi"). */
export function splitGroups(text: string): string[] {
  const cleaned = text.replace(GROUP_PREFIX, '');
  return cleaned
    .split(/\s*[,;\n]\s*/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const GROUP_WORDS = /(?<![\p{L}\d])(kehittämisryhmä|kehittämisryhmän|työryhmä|utvecklingsgrupp|utvecklingsgruppen|arbetsgrupp|development group|working group|group)(?![\p{L}\d])/gu;

/** A group name without the word for "development group", for matching "tvt-kehittämisryhmä" to "TVT-kehittämisryhmä". */
export function groupCore(name: string): string {
  return normalize(normalize(name).replace(GROUP_WORDS, ' '));
}
