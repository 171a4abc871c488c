import type { Group, Unit } from '../domain';
import { P, asPerson, type DemoPerson } from './people';

/** Vantaa's service areas in the order the division reports them (seed 000's prefixes). */
export const UNITS: Unit[] = [
  { key: 'KASO', order: 0, name: { fi: 'Toimialan yhteiset', sv: 'Gemensamt för sektorn', en: 'Division-wide' } },
  { key: 'VAKA', order: 1, name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik', en: 'Early childhood education' } },
  { key: 'POPE', order: 2, name: { fi: 'Perusopetus', sv: 'Grundläggande utbildning', en: 'Basic education' } },
  { key: 'TAKO', order: 3, name: { fi: 'Toisen asteen koulutus', sv: 'Utbildning på andra stadiet', en: 'Upper secondary education' } },
  { key: 'SVE', order: 4, name: { fi: 'Ruotsinkielinen koulutus', sv: 'Svenskspråkig utbildning', en: 'Swedish-language education' } },
];

export const UNIT_KEYS = UNITS.map((u) => u.key);

/** Group keys, named after the seed's "Vastuutaho: … kehittämisryhmä". */
export const G = {
  paths: 'opintopolut-ohjaus',
  welfare: 'opiskeluhuolto-hyvinvointi',
  multicultural: 'monikulttuurisuus',
  ict: 'tvt',
  competence: 'osaaminen',
} as const;

const people = (ps: readonly DemoPerson[]) => ps.map(asPerson);

/**
 * The five development groups seed 000 names. None is Swedish-language: they are division-wide
 * and work in Finnish, so their cards follow the plan's language; Swedish speakers in them
 * (SVE staff) read and write Swedish in the tab and on personal cards.
 */
export const GROUPS: Group[] = [
  {
    key: G.paths,
    name: {
      fi: 'Opintopolut ja ohjaus -kehittämisryhmä',
      sv: 'Utvecklingsgruppen för studievägar och handledning',
      en: 'Study paths and guidance development group',
    },
    owners: people([P.johanna]),
    members: people([P.ville, P.elina, P.juha]),
  },
  {
    key: G.welfare,
    name: {
      fi: 'Opiskeluhuolto ja hyvinvointi -kehittämisryhmä',
      sv: 'Utvecklingsgruppen för elevhälsa och välbefinnande',
      en: 'Student welfare and wellbeing development group',
    },
    owners: people([P.satu]),
    members: people([P.laura, P.antti, P.noora, P.maria, P.elina]),
  },
  {
    key: G.multicultural,
    name: {
      fi: 'Monikulttuurisuus-kehittämisryhmä',
      sv: 'Utvecklingsgruppen för mångkulturalitet',
      en: 'Multiculturalism development group',
    },
    owners: people([P.outi]),
    members: people([P.linnea, P.hanna, P.juha]),
  },
  {
    key: G.ict,
    name: {
      fi: 'TVT-kehittämisryhmä',
      sv: 'Utvecklingsgruppen för informations- och kommunikationsteknik',
      en: 'ICT development group',
    },
    owners: people([P.hannele]),
    members: people([P.timo, P.jenni, P.oskar, P.petri]),
  },
  {
    key: G.competence,
    name: {
      fi: 'Osaaminen-kehittämisryhmä',
      sv: 'Utvecklingsgruppen för kompetens',
      en: 'Competence development group',
    },
    owners: people([P.kirsi]),
    members: people([P.sanna, P.markus, P.hannele]),
  },
];
