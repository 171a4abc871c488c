import type { Person, Role } from '../domain';

/**
 * The demo's people. Every name is invented. The seed report names real officials; each
 * invented person below stands for one real person (or for a role the seed names, such as the
 * participation expert), keeping that person's role, so the same invented person appears
 * wherever the same real person did. Roles are inferred from the goals and service areas each
 * real person is named with in seed 000.
 */

export interface DemoUser {
  id: string;
  upn: string;
  name: string;
  roles: Role[];
  description: { fi: string; sv: string; en: string };
}

/** A person with the service area they work in, used to pick plausible check-in authors. */
export interface DemoPerson extends Person {
  homeUnit: 'KASO' | 'VAKA' | 'POPE' | 'TAKO' | 'SVE';
  /** Writes check-ins for SVE in Swedish. */
  swedish?: boolean;
}

const DOMAIN = 'demo.vantaa.invalid';

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z-]/g, '');

function person(n: number, first: string, last: string, homeUnit: DemoPerson['homeUnit'], swedish = false): DemoPerson {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `${ascii(first)}.${ascii(last)}@${DOMAIN}`,
    name: `${first} ${last}`,
    homeUnit,
    ...(swedish ? { swedish } : {}),
  };
}

export const P = {
  // Demo users (ids …001–…007): the people you can sign in as in local mode.
  /** Admin: the division's development coordinator who set the plan up. */
  aino: person(1, 'Aino', 'Virtanen', 'KASO'),
  /** Leader: head of the division (the seed's responsible person for goal 10). */
  leena: person(2, 'Leena', 'Koskinen', 'KASO'),
  /** Director of basic education (POPE): responsible for six goals, in no development group. */
  pekka: person(3, 'Pekka', 'Järvinen', 'POPE'),
  /** Guidance counsellor in basic education, member of the study paths and guidance group. */
  ville: person(4, 'Ville', 'Korhonen', 'POPE'),
  /** School psychologist, member of the student welfare and wellbeing group. */
  laura: person(5, 'Laura', 'Heikkinen', 'POPE'),
  /** Finland-Swedish teacher in Swedish-language education, member of the multiculturalism group. */
  linnea: person(6, 'Linnea', 'Holmström', 'SVE', true),
  /** Class teacher, in no group and responsible for no goal: sees the plan, has nothing to report. */
  tuomas: person(7, 'Tuomas', 'Laine', 'POPE'),

  // Other people named in the goals (responsible persons) and the groups' members.
  /** Director of upper secondary education (TAKO): goals 1, 2, 7, 8, 9. */
  mikko: person(101, 'Mikko', 'Salonen', 'TAKO'),
  /** Director of early childhood education (VAKA): goals 3, 4, 6, 7, 8, 9. */
  riitta: person(102, 'Riitta', 'Heinonen-Laakso', 'VAKA'),
  /** Director of Swedish-language education (SVE): goals 3, 4, 6, 7, 8, 9. */
  henrik: person(103, 'Henrik', 'Lindholm', 'SVE', true),
  /** Head of the student welfare unit: goals 4, 5, 9. */
  satu: person(104, 'Satu', 'Koivisto', 'KASO'),
  /** Development director of the division (knowledge-based management): goal 9. */
  hannele: person(105, 'Hannele', 'Rantanen', 'KASO'),
  /** The participation expert the seed names by title only: goal 4. */
  noora: person(106, 'Noora', 'Aaltonen', 'KASO'),
  johanna: person(107, 'Johanna', 'Mattila', 'TAKO'),
  elina: person(108, 'Elina', 'Saarinen', 'TAKO'),
  antti: person(109, 'Antti', 'Lehtinen', 'VAKA'),
  maria: person(110, 'Maria', 'Sjöberg', 'SVE', true),
  outi: person(111, 'Outi', 'Hirvonen', 'KASO'),
  hanna: person(112, 'Hanna', 'Kallio', 'VAKA'),
  juha: person(113, 'Juha', 'Peltonen', 'POPE'),
  timo: person(114, 'Timo', 'Leinonen', 'POPE'),
  jenni: person(115, 'Jenni', 'Aalto', 'VAKA'),
  oskar: person(116, 'Oskar', 'Nyberg', 'SVE', true),
  petri: person(117, 'Petri', 'Hämäläinen', 'TAKO'),
  kirsi: person(118, 'Kirsi', 'Laitinen', 'KASO'),
  sanna: person(119, 'Sanna', 'Honkanen', 'VAKA'),
  markus: person(120, 'Markus', 'Karvonen', 'TAKO'),
} as const satisfies Record<string, DemoPerson>;

/** The Person as stored in lists: id, upn and name only. */
export function asPerson(p: DemoPerson): Person {
  return { id: p.id, upn: p.upn, name: p.name };
}

/** Everyone in the demo's directory (the people an admin can choose in local mode), as stored in lists. */
export const DEMO_DIRECTORY: readonly Person[] = Object.values(P).map(asPerson);

/** The service-area directors ("palvelualuejohtajat" in the seed). */
export const SERVICE_AREA_DIRECTORS: readonly DemoPerson[] = [P.riitta, P.pekka, P.mikko, P.henrik];

function user(p: DemoPerson, roles: Role[], description: DemoUser['description']): DemoUser {
  return { ...asPerson(p), roles, description };
}

export const DEMO_USERS: DemoUser[] = [
  user(P.aino, ['admin'], {
    fi: 'Pääkäyttäjä (toimialan kehittämiskoordinaattori)',
    sv: 'Administratör (sektorns utvecklingskoordinator)',
    en: 'Admin (development coordinator of the division)',
  }),
  user(P.leena, ['leader'], {
    fi: 'Johtaja (toimialajohtaja)',
    sv: 'Ledare (sektorchef)',
    en: 'Leader (head of the division)',
  }),
  user(P.pekka, [], {
    fi: 'Vastuuhenkilö useassa tavoitteessa (perusopetuksen palvelualuejohtaja), ei kehittämisryhmässä',
    sv: 'Ansvarsperson för flera mål (direktör för grundläggande utbildning), inte i någon utvecklingsgrupp',
    en: 'Responsible for several goals (director of basic education), in no development group',
  }),
  user(P.ville, [], {
    fi: 'Opintopolut ja ohjaus -kehittämisryhmän jäsen (opinto-ohjaaja)',
    sv: 'Medlem i utvecklingsgruppen för studievägar och handledning (studiehandledare)',
    en: 'Member of the study paths and guidance development group (guidance counsellor)',
  }),
  user(P.laura, [], {
    fi: 'Opiskeluhuolto ja hyvinvointi -kehittämisryhmän jäsen (koulupsykologi)',
    sv: 'Medlem i utvecklingsgruppen för elevhälsa och välbefinnande (skolpsykolog)',
    en: 'Member of the student welfare and wellbeing development group (school psychologist)',
  }),
  user(P.linnea, [], {
    fi: 'Monikulttuurisuus-kehittämisryhmän jäsen, ruotsinkielinen koulutus (opettaja)',
    sv: 'Medlem i utvecklingsgruppen för mångkulturalitet, svenskspråkig utbildning (lärare)',
    en: 'Member of the multiculturalism development group, Swedish-language education (teacher)',
  }),
  user(P.tuomas, [], {
    fi: 'Ei kehittämisryhmässä eikä vastuussa tavoitteista (luokanopettaja)',
    sv: 'Inte i någon utvecklingsgrupp och inte ansvarig för några mål (klasslärare)',
    en: 'In no development group and responsible for no goals (class teacher)',
  }),
];
