import { DEFAULT_REMINDER_CALENDAR, REALISATION_SCALE, type Plan, type Theme } from '../domain';
import { UNIT_KEYS } from './organisation';

export const DEMO_PLAN_KEY = 'vantaa-ko-2021';

export const PLAN: Plan = {
  key: DEMO_PLAN_KEY,
  title: {
    fi: 'Kasvatuksen ja oppimisen toimialan tavoitteet 2021',
    sv: 'Målen för sektorn för fostran och lärande 2021',
    en: 'Goals of the Education and Learning Division 2021',
  },
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
  units: [...UNIT_KEYS],
  // Copied so a caller mutating the dataset cannot change the domain's shared default.
  reminders: { ...DEFAULT_REMINDER_CALENDAR, nonReportingMonths: [...DEFAULT_REMINDER_CALENDAR.nonReportingMonths] },
  language: 'fi',
};

export const themeKey = (code: string) => `${DEMO_PLAN_KEY}.t${code}`;

interface ThemeSpec {
  code: string;
  fi: string;
  sv: string;
  en: string;
  description?: string;
  focusAreas: { fi: string; sv: string; en: string }[];
}

/**
 * Seed 001, "Kasvatuksen ja oppimisen toimialan tavoitetila": three strategic themes with their
 * focus areas (titles verbatim from the seed) and the seed's explanation paragraphs.
 */
const THEME_SPECS: ThemeSpec[] = [
  {
    code: '1',
    fi: 'Edistämme oppimista vahvistamalla elinikäistä uteliaisuutta',
    sv: 'Vi främjar lärandet genom att stärka livslång nyfikenhet',
    en: 'We promote learning by strengthening lifelong curiosity',
    description: [
      'Oppijan oman innostuksen syttyminen sekä osallisuuden ja aktiivisen toimijuuden vahvistuminen luo ikävaiheesta riippumatta parhaat edellytykset tulokselliselle oppimiselle ja osaamisen kehittymiselle. Strategiakaudella keskitymme vahvistamaan elinikäisen uteliaisuuden syttymistä ja vahvistumista yhteistyössä osana kaikkea kasvun ja oppimisen toimintaa.',
      'Hyödynnämme oppijan kiinnostuksen kohteita ja herätämme ja innostamme oppimiseen. Kaikessa kehitystyössä hyödynnämme digitalisaatiota ja innostavia oppimisympäristöjä vahvistaaksemme elinikäistä oppimista. Kannustamme monipuoliseen arviointiin ja erilaisiin tapoihin osoittaa osaamista. Vahvistamme laaja-alaisen osaamisen tavoitteiden ja kestävän tulevaisuuden rakentamisen näkyvyyttä opetuksen ja oppimisen ympäristöjen suunnittelussa ja toteuttamisessa.',
    ].join('\n\n'),
    focusAreas: [
      {
        fi: 'Hyödynnämme monipuolisia innostavia oppimisympäristöjä',
        sv: 'Vi utnyttjar mångsidiga och inspirerande lärmiljöer',
        en: 'We make use of diverse and inspiring learning environments',
      },
      {
        fi: 'Digitalisaatio tukee laaja-alaista ja yksilöllistä oppimista',
        sv: 'Digitaliseringen stöder mångsidigt och individuellt lärande',
        en: 'Digitalisation supports transversal and individual learning',
      },
      {
        fi: 'Laaja-alaisen osaamisen tavoitteet ja kestävän tulevaisuuden rakentaminen ohjaavat työtämme',
        sv: 'Målen för mångsidig kompetens och arbetet för en hållbar framtid styr vårt arbete',
        en: 'The goals of transversal competence and building a sustainable future guide our work',
      },
      {
        fi: 'Oppimista arvioidaan monipuolisesti ja kannustavasti',
        sv: 'Lärandet bedöms mångsidigt och uppmuntrande',
        en: 'Learning is assessed in diverse and encouraging ways',
      },
    ],
  },
  {
    code: '2',
    fi: 'Mahdollistamme jokaisen kasvun omaan potentiaaliinsa',
    sv: 'Vi gör det möjligt för var och en att växa till sin fulla potential',
    en: 'We enable everyone to grow to their full potential',
    description: [
      'Vantaan strategiassa painottuu voimakkaasti yhdenvertaisuus. Kaupungin strategian tavoitteiden saavuttaminen edellyttää koko kaupungin tasolla koulutustason nousua. Kasvatuksen ja oppimisen toimialan näkökulmasta erityisen keskeistä on vahvistaa jokaisen yksilön mahdollisuuksia löytää itselleen motivoivimmat ja sopivimmat oppimisen ja osaamisen tavoitteet sekä saada tarvitsemansa mahdollisuudet, tuki ja ohjaus kasvuun ja oppimiseen oikeissa tilanteissa tavoitteidensa saavuttamiseksi.',
      'Strategiakaudella keskitymme määrätietoisesti toimintakulttuurin kehittämiseen niin, että jokaisella taustastaan, iästään ja yksilöllisistä ominaisuuksistaan riippumatta on mahdollisuudet löytää itselleen parhaat opintopolut sekä ammatillisen kehittymisen mahdollisuudet.',
      'Toimialan yhteiset strategian toimeenpanon tavoitteet ohjaavat oman henkilöstön ammatillista kehittymistä. Henkilöstömme kehittää yhteisöllisesti osaamistaan ohjata jokaista yksilöä omaan potentiaaliinsa. Vahvistamme palvelualueiden välistä yhteistyötä sekä toimialan yhteistyötä muiden toimialojen, elinkeinoelämän ja muiden sidosryhmien kanssa.',
    ].join('\n\n'),
    focusAreas: [
      {
        fi: 'Mahdollistamme yksilölliset opintopolut, riittävästi haasteita ja oikein kohdentuvan tuen',
        sv: 'Vi möjliggör individuella studievägar, tillräckligt med utmaningar och rätt riktat stöd',
        en: 'We enable individual study paths, enough challenge and well-targeted support',
      },
      {
        fi: 'Vahvistamme inklusiivista toimintakulttuuria',
        sv: 'Vi stärker en inkluderande verksamhetskultur',
        en: 'We strengthen an inclusive culture',
      },
      {
        fi: 'Tuemme suunnitelmallisesti henkilöstön ammatillista kehittymistä',
        sv: 'Vi stöder planmässigt personalens professionella utveckling',
        en: 'We support the professional development of our staff systematically',
      },
    ],
  },
  {
    code: '3',
    fi: 'Toimimme yhdessä hyvinvoinnin edistämiseksi',
    sv: 'Vi arbetar tillsammans för att främja välbefinnandet',
    en: 'We work together to promote wellbeing',
    description: [
      'Hyvinvoinnin sekä oppimisen ja kasvun yhteys on erottamaton. Onnistunut oppiminen ja kasvu edellyttää hyvinvointia ja toisaalta oppimisen ja kasvun toimialan onnistunut työ tuottaa vertaansa vailla olevalla tavalla hyvinvointia niin yksilöille kuin yhteisöillekin.',
      'Keskeinen edellytys on, että jokainen oppija on aktiivisena ja hyväksyttynä mukana oman yksikkönsä toiminnassa. Strategiakaudella vahvistamme voimakkaasti oppijoiden ja heidän perheidensä mahdollisuuksia vaikuttaa omaan oppimiseensa sekä yhteisöllisyyden kehittymiseen. Vahvistamme osaltamme kaikkien vantaalaisten hyvinvointia tukemalla toimialan kaikessa työssä sosiaali- ja tunnetaitojen vahvistumista.',
      'Toimiva yhteistyö lisää hyvinvointia kasvatuksen ja oppimisen toimialan työssä. Tavoitteemme on, että vuonna 2025 moniammatillinen sekä opettajien välinen yhteistyö on lisääntynyt merkittävästi. Tuemme yhdessä työskentelyn lisääntymistä esimerkiksi rinnakkaisjohtamisen, yhteisopettajuuden ja tiimitoiminnan lisäämisen kautta.',
    ].join('\n\n'),
    focusAreas: [
      {
        fi: 'Oppija on osallisena toiminnan suunnitteluun, kehittämiseen ja arviointiin',
        sv: 'Den lärande är delaktig i planeringen, utvecklingen och utvärderingen av verksamheten',
        en: 'Learners take part in planning, developing and evaluating our work',
      },
      {
        fi: 'Luomme arjessa toimivaa kumppanuutta perheiden kanssa',
        sv: 'Vi skapar ett partnerskap med familjerna som fungerar i vardagen',
        en: 'We build a partnership with families that works in everyday life',
      },
      {
        fi: 'Vahvistamme henkilöstön yhdessä työskentelyä',
        sv: 'Vi stärker personalens samarbete',
        en: 'We strengthen how our staff work together',
      },
      {
        fi: 'Kiusaamista vähennetään vahvistamalla kaikkien sosiaalisia- ja tunnetaitoja',
        sv: 'Mobbningen minskas genom att allas sociala och emotionella färdigheter stärks',
        en: "Bullying is reduced by strengthening everyone's social and emotional skills",
      },
    ],
  },
];

export function buildThemes(): Theme[] {
  const out: Theme[] = [];
  THEME_SPECS.forEach((t, i) => {
    out.push({
      key: themeKey(t.code),
      planKey: DEMO_PLAN_KEY,
      code: t.code,
      order: i + 1,
      title: { fi: t.fi, sv: t.sv, en: t.en },
      ...(t.description ? { description: { fi: t.description } } : {}),
    });
    t.focusAreas.forEach((f, j) => {
      const code = `${t.code}.${j + 1}`;
      out.push({
        key: themeKey(code),
        planKey: DEMO_PLAN_KEY,
        parentKey: themeKey(t.code),
        code,
        order: j + 1,
        title: { fi: f.fi, sv: f.sv, en: f.en },
      });
    });
  });
  return out;
}
