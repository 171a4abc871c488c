import type { Review } from '../domain';
import { goalKey } from './goals';
import { P, asPerson } from './people';
import { DEMO_PLAN_KEY } from './plan';

interface ReviewSpec {
  goal: string;
  kind: Review['kind'];
  text: string;
  at: string;
}

/**
 * The management team's walk-throughs: in June (of the May reports) and on 9 Sep 2021, the date
 * of the seed's status report (of the August reports). Recorded by the head of the division.
 */
const MEETINGS: { date: string; period: string; items: ReviewSpec[] }[] = [
  {
    date: '2021-06-10',
    period: '2021-05',
    items: [
      {
        goal: '5',
        kind: 'comment',
        at: '10:12',
        text: 'Varhaiskasvatuksen koulutusmalli yhdessä MIELI ry:n kanssa toimii hyvin. Perusopetuksen ja toisen asteen koulutukset on saatava kalenteriin syksylle.',
      },
      {
        goal: '8',
        kind: 'decision',
        at: '10:31',
        text: 'Digipedagoginen ohjelma valmistellaan yhteisesti TVT-kehittämisryhmässä kaikille palvelualueille. Luonnos tuodaan johtoryhmään syyskuussa.',
      },
      {
        goal: '3',
        kind: 'comment',
        at: '10:44',
        text: 'Seurataan Tulevaisuuden sote-keskus -hankkeen aikataulua. Ruotsinkielisen perhekeskusmallin suunnitelma esitellään johtoryhmälle syksyllä.',
      },
    ],
  },
  {
    date: '2021-09-09',
    period: '2021-08',
    items: [
      {
        goal: '1',
        kind: 'comment',
        at: '09:20',
        text: 'Tavoite toteutuu täysin. Oppimiskampushankkeen eteneminen seurataan jatkossa osana vuoden 2022 tavoitteita.',
      },
      {
        goal: '6',
        kind: 'decision',
        at: '09:41',
        text: 'Ruotsinkielisen opintopolun suunnittelu viedään pääkaupunkiseudun kuntien yhteistyöhön. Ruotsinkielisen koulutuksen elokuun raportti pyydetään täydentämään määräaikaan mennessä.',
      },
      {
        goal: '7',
        kind: 'comment',
        at: '09:58',
        text: 'Kouluterveyskyselyn tulokset käydään läpi, kun ne valmistuvat. Yhteisöllisyyden kokemus otetaan mittariksi vuoden 2022 tavoitteisiin.',
      },
      {
        goal: '9',
        kind: 'decision',
        at: '10:15',
        text: 'Jokaiselle esimiehelle avataan pääsy oman palvelualueensa Power BI -raportteihin lokakuun loppuun mennessä. Perusopetuksen elokuun tilannepäivitys puuttuu ja pyydetään täydentämään.',
      },
    ],
  },
];

export function buildReviews(): Review[] {
  return MEETINGS.flatMap((m) =>
    m.items.map((r) => ({
      key: `demo-rv-${m.date}-${r.goal}`,
      goalKey: goalKey(r.goal),
      planKey: DEMO_PLAN_KEY,
      period: m.period,
      meetingDate: m.date,
      kind: r.kind,
      text: r.text,
      author: asPerson(P.leena),
      createdAt: `${m.date}T${r.at}:00+03:00`,
    })),
  );
}
