import type { Indicator, Measure } from '../domain';
import { G } from './organisation';
import { P, SERVICE_AREA_DIRECTORS, type DemoPerson } from './people';
import { DEMO_PLAN_KEY, themeKey } from './plan';

/** One unit's row of the seed's "Toteuma 8/2021" column. */
export interface UnitFact {
  unit: 'KASO' | 'VAKA' | 'POPE' | 'TAKO' | 'SVE';
  /** The unit's status in August 2021 (or, for a gap, its last status, reported in June). */
  status: 1 | 2;
  /** The seed's realization text for this unit (service-area prefix removed, typos fixed). */
  text: string;
  /**
   * No August check-in: the slot shows as overdue in the demo (APP_NOW is in September). Its
   * seed text is reported in June instead, so nothing of the seed is lost.
   */
  gap?: true;
}

export interface GoalFact {
  code: string;
  title: string;
  description?: string;
  /** The seed's "Tila": 2 = Toteutuu täysin, 1 = Toteutuu osittain. */
  seedStatus: 1 | 2;
  themeCode: string;
  indicator: Indicator;
  baseline: Measure;
  target: Measure;
  responsible: readonly DemoPerson[];
  groupKeys: string[];
  /** What the goal is about, as a sentence subject for generated narratives (fi nominative, sv). */
  subject: { fi: string; sv: string };
  units: UnitFact[];
}

export const goalKey = (code: string) => `${DEMO_PLAN_KEY}.g${code}`;

const END_2019 = '2019-12-31';
const END_2021 = '2021-12-31';
const qualitative = (text: string): Indicator => ({ text, kind: 'qualitative' });
const baseline = (text: string): Measure => ({ text, date: END_2019 });
const target = (text: string): Measure => ({ text, date: END_2021 });

/**
 * The ten division goals of seed 000 in its order. Texts are the seed's (line breaks of the PDF
 * extraction joined, obvious typos fixed); people are the invented stand-ins of people.ts.
 */
export const GOAL_FACTS: GoalFact[] = [
  {
    code: '1',
    title: 'Tehdään oppimiskampuksen esiselvitys toimialan osalta ja kartoitetaan yhteistyökumppanit',
    seedStatus: 2,
    // 1.1: a learning campus shared with partner institutions is first of all a learning environment.
    themeCode: '1.1',
    indicator: qualitative('Esiselvitys ja kartoitus tehty'),
    baseline: baseline('Suunnitelmaa ei ole'),
    target: target(
      '10 yhteistyökumppania, joista osa kansainvälisiä toimijoita. Esiselvitys valmis. Ennen oppimiskampushankkeen esiselvityksen käynnistämistä laaditaan kokonaisselvitys toisen asteen koulutuksen investointihankkeiden nykyisistä toteuttamissuunnitelmista, oppilaitosten sekä yksiköiden suunnitelluista sijainneista, aikataulusta ja rahoituksesta. Samassa yhteydessä arvioidaan yksiköiden sijainnin koulutuspoliittiset sekä kaupunkirakenteelliset vaikutukset. Selvitys tuodaan kaupunginhallituksen ja lautakuntien käsittelyyn.',
    ),
    responsible: [P.mikko],
    // The seed names no group. Study paths and guidance: the campus gathers upper-secondary study
    // paths and partner institutions, and its responsible person leads goal 2 with that group.
    groupKeys: [G.paths],
    subject: { fi: 'Oppimiskampuksen esiselvitys', sv: 'Förstudien om lärcampuset' },
    units: [
      {
        unit: 'KASO',
        status: 2,
        text: 'On laadittu kokonaisselvitys sekä esiselvitys. Oppimiskampustyöryhmä on jatkanut työtään ja oppimisen alatyöryhmä on aloittanut työnsä.',
      },
      { unit: 'TAKO', status: 2, text: 'Touko-kesäkuussa on kontaktoitu kahdeksan mahdollista oppilaitoskumppania.' },
    ],
  },
  {
    code: '2',
    title: 'Toteutetaan oppivelvollisuuden laajentamisen uudistus onnistuneesti',
    seedStatus: 2,
    // 2.1: the reform is about guidance into, and support along, each learner's study path.
    themeCode: '2.1',
    indicator: qualitative('Oppivelvollisuuden laajentamisen edellyttämät uudet toimintatavat'),
    baseline: baseline('Toimintatapoja ei ole'),
    target: target(
      'On luotu palvelualueiden välisenä yhteistyönä toimivat rakenteet oppivelvollisuuden suorittamiseen ja valvontaan, toiselle asteelle hakeutumiseen ja ohjaukseen',
    ),
    responsible: [P.mikko],
    groupKeys: [G.paths],
    subject: { fi: 'Oppivelvollisuuden laajentamisen toimeenpano', sv: 'Genomförandet av den utvidgade läroplikten' },
    units: [
      {
        unit: 'KASO',
        status: 2,
        text: 'Oppivelvollisuuden laajenemiseen liittyvä valmistelutyö on edennyt suunnitellusti ja oppivelvollisuuslaki tuli kokonaisuudessaan voimaan 1.8.2021. Uusia käytänteitä on laadittu lainsäädännöstä tulevien velvoitteiden, kuten opintojen edistymisen seurannan ja oppivelvollisten valvonnan toteuttamiseksi. Palvelualueiden välisiä olemassa olevia yhteistyörakenteita vahvistetaan entisestään. Rakenteita on luotu palvelualueiden välisenä yhteistyönä ja uusia toimintatapoja on otettu käyttöön.',
      },
      { unit: 'POPE', status: 2, text: 'Perusopetuksessa luodaan linjauksia ja malleja tehostetun ohjauksen toteuttamiseksi.' },
      {
        unit: 'TAKO',
        status: 2,
        text: 'Päätelaitteet ja oppimateriaaleja on hankittu laajennetun oppivelvollisuuden piirissä oleville toisen asteen koulutuksen aloittaville.',
      },
    ],
  },
  {
    code: '3',
    title: 'Lapsiperheiden tukemiseksi kehitetään ja laajennetaan perhekeskustoimintaa',
    seedStatus: 1,
    // 3.2: the family centre is the everyday partnership with families in its purest form.
    themeCode: '3.2',
    indicator: qualitative('Perhekeskusmallin konkretisointi, Kason rooli määritelty ja toimenpiteet käynnistetty'),
    baseline: baseline(
      'Lape-hankekausi loppunut ja valmistaudutaan Tulevaisuuden sote-keskus -hankekauteen. Vantaan perhekeskussuunnitteluryhmä työstänyt perhekeskustoimintamallia Vantaalle.',
    ),
    target: target('Perhekeskuksen toimintamalli ja päätavoitteet on konkretisoitu ja sovittuja toimenpiteitä käynnistetty.'),
    responsible: [P.riitta, P.pekka, P.henrik],
    groupKeys: [G.welfare],
    subject: { fi: 'Perhekeskustoiminnan kehittäminen', sv: 'Utvecklingen av familjecentrets verksamhet' },
    units: [
      {
        unit: 'KASO',
        status: 2,
        text: 'Kasvatuksen ja oppimisen toimialan työntekijöitä on edustajina Vantaa-Kerava tulevaisuuden sote-hankkeen perhekeskusosion työryhmissä. Työryhmät ovat työskennelleet aktiivisesti tavoitteiden saavuttamiseksi.',
      },
      { unit: 'SVE', status: 1, text: 'Ruotsinkielinen perhekeskusmalli on yhä suunnitteluvaiheessa.' },
    ],
  },
  {
    code: '4',
    title: 'Vahvistetaan huoltajien osallisuutta lapsen opinpolulle luomalla ja ottamalla käyttöön osallisuusmalleja',
    seedStatus: 2,
    // 3.2: guardians' participation in their child's path is the partnership with families.
    themeCode: '3.2',
    indicator: qualitative(
      'Jokainen palvelualue on kehittänyt ja ottanut käyttöön vähintään yhden huoltajien osallisuutta lisäävän toimintamallin',
    ),
    baseline: baseline('Huoltajien osallisuutta vahvistavien menetelmien ja mallien käyttö vaihtelee'),
    target: target('Toimialalla on käytössä yksi uusi huoltajien osallisuutta vahvistava käytäntö.'),
    responsible: [P.pekka, P.riitta, P.henrik, P.satu, P.noora],
    // The seed names no group. Student welfare and wellbeing: it works with families daily, and
    // its head and the participation expert are among the responsible persons.
    groupKeys: [G.welfare],
    subject: { fi: 'Huoltajien osallisuuden vahvistaminen', sv: 'Arbetet för vårdnadshavarnas delaktighet' },
    units: [
      {
        unit: 'VAKA',
        status: 2,
        text: 'Varhaiskasvatukseen, esiopetukseen ja kerhoihin hakeminen on käytössä uudessa VaSa-palvelussa. Päätökset ovat nähtävissä sähköisenä VaSa-palvelussa. Varhaiskasvatuksessa on laadittu ohjeet etävanhempainiltojen toteuttamiseksi.',
      },
      {
        unit: 'POPE',
        status: 2,
        text: 'Perusopetuksessa on otettu käyttöön verkkovanhempainillat ja huoltajien osallisuutta on lisätty mm. arviointikeskusteluiden toteuttamistavassa.',
      },
      {
        unit: 'TAKO',
        status: 2,
        text: 'Toisella asteella on kehitetty huoltajien etäosallistumismahdollisuuksia vanhempainiltoihin sekä monialaisiin asiantuntijaryhmiin.',
      },
      {
        unit: 'SVE',
        status: 2,
        text: 'Aikaisempiin vuosiin verrattuna useampi huoltaja osallistui etävanhempaintapaamisiin, ja niistä saatiin positiivista palautetta.',
      },
    ],
  },
  {
    code: '5',
    title:
      'Vahvistetaan ja syvennetään mielenterveysosaamista opiskeluhuollossa, varhaiskasvatuksessa, perusopetuksessa ja toisella asteella',
    seedStatus: 1,
    // 2.3: the indicator counts staff trained, i.e. planned professional development of staff.
    themeCode: '2.3',
    indicator: { text: 'Koulutuksiin osallistuneiden työntekijöiden määrä', kind: 'quantitative', unit: 'koulutettuja', direction: 'increase' },
    baseline: {
      value: 664,
      text: 'Osa työntekijöistä ei ole osallistunut koulutuksiin aiemmin. Varhaiskasvatuksessa oli 31.12.2020 mennessä koulutettu yhteensä 664 työntekijää.',
      date: '2020-12-31',
    },
    target: { value: 731, text: 'Osallistujien määrä nousee vähintään 10 prosentilla', date: END_2021 },
    responsible: [P.satu],
    groupKeys: [G.welfare],
    subject: { fi: 'Mielenterveysosaamisen koulutus', sv: 'Utbildningen i psykisk hälsa' },
    units: [
      // The student welfare unit belongs to the division's common services.
      {
        unit: 'KASO',
        status: 2,
        text: 'Opiskeluhuollon yksikön työntekijöistä n. 90 prosenttia suoritti lyhytterapeuttinen työote -koulutuksen. Koulutusta ei ole aiemmin järjestetty.',
      },
      {
        unit: 'VAKA',
        status: 2,
        text: 'Varhaiskasvatuksessa on toteutettu keväällä yksi koulutus ja syksyllä 2021 toteutuu kolme koulutusta kieli- ja kulttuuritietoisesta mielenterveyden edistämisestä ja mielenterveyden suojatekijöiden vahvistamisesta varhaiskasvatuksessa. 31.12.2020 mennessä varhaiskasvatuksessa oli koulutettu yhteensä 664 työntekijää. Vuonna 2021 on tähän mennessä koulutettu 89 työntekijää. Kasvua koulutettujen määrään on 13,4 %. Koulutukset toteutetaan yhteistyössä MIELI ry:n kanssa.',
      },
      { unit: 'POPE', status: 1, text: 'Perusopetuksen ja toisen asteen koulutuksia on suunniteltu syksylle 2021.' },
      { unit: 'TAKO', status: 1, gap: true, text: 'Toisen asteen koulutuksia on suunniteltu syksylle 2021 yhdessä perusopetuksen kanssa.' },
    ],
  },
  {
    code: '6',
    title: 'Luodaan oppijoiden monikielisyyttä hyödyntävät opintopolut',
    seedStatus: 1,
    // 2.1: the goal builds study paths, from early childhood education to upper secondary.
    themeCode: '2.1',
    indicator: qualitative('Opintopolkujen rakentaminen'),
    baseline: baseline(
      'Ei ole luotuna yhteisiä, monikielisyyttä hyödyntäviä opintopolkuja. Englanninkielisen opintopolun osalta tarkastelua tehtynä.',
    ),
    target: target('Monikielisyyttä hyödyntävät opintopolut rakennettu varhaiskasvatuksesta toiselle asteelle'),
    responsible: [P.pekka, P.riitta, P.henrik],
    groupKeys: [G.multicultural],
    subject: { fi: 'Monikielisten opintopolkujen rakentaminen', sv: 'Arbetet med flerspråkiga studievägar' },
    units: [
      {
        unit: 'VAKA',
        status: 1,
        text: 'Varhaiskasvatuksessa kielitietoisen varhaiskasvatuksen kriteereistä tehdään Oppiva-verkkoalustalle koulutuskokonaisuus. Kahden uuden kieli- ja kulttuurikoordinaattorin palkkaaminen on valmistelussa. Kotikielellä lukemista on vahvistettu Lukunen – Lumoudu lukemisesta -hankkeen toimilla.',
      },
      {
        unit: 'SVE',
        status: 1,
        gap: true,
        text: 'Suunnittelu vielä vaiheessa ruotsinkieliselle polulle. Tarvitaan yhteistyötä pääkaupunkiseudun kuntien kanssa.',
      },
    ],
  },
  {
    code: '7',
    title: 'Lisätään oppijoiden yhteisöllistä hyvinvointia tukevia toimenpiteitä',
    seedStatus: 1,
    // 3.4: belonging to one's class community (the school health survey baseline) is built with the
    // same social and emotional skills that reduce bullying.
    themeCode: '3.4',
    indicator: qualitative('Toteutetut kehittämistoimenpiteet'),
    baseline: baseline(
      'Kouluterveyskyselyn mukaan yhteisöllisyyden kokemus on laskenut Vantaalla. Yhä harvempi kokee olevansa tärkeä osa luokkayhteisöä. Laskua on erityisesti alakoulun oppilaiden kohdalla, mutta myös yläkoulussa. Lukiolaisten kohdalla ei vastaavaa muutosta ole havaittavissa.',
    ),
    target: target('Lisätty oppijoiden yhteisöllistä hyvinvointia tukevia ja vahvistavia toimenpiteitä ja -ohjeita'),
    description: 'Vastuussa palvelualuejohtajat.',
    responsible: SERVICE_AREA_DIRECTORS,
    // The seed names no group, but its realization text reports the student welfare and
    // wellbeing group's work on this goal.
    groupKeys: [G.welfare],
    subject: { fi: 'Yhteisöllisen hyvinvoinnin vahvistaminen', sv: 'Arbetet för det gemensamma välbefinnandet' },
    units: [
      {
        unit: 'KASO',
        status: 2,
        text: 'Opiskeluhuollon ja hyvinvoinnin kehittämisryhmä on koonnut hyviä yhteisöllisen hyvinvointityön käytänteitä. Opiskeluhuollon ohjausryhmä valitsi lukuvuoden 2021–2022 yhdeksi keskeiseksi teemaksi yhteisöllisen hyvinvoinnin vahvistamisen.',
      },
      {
        unit: 'POPE',
        status: 1,
        text: 'SKY-hankkeen (sitouttava kouluyhteisö) kautta mahdollistetaan koulun henkilöstön hyvinvointiosaamisen kehittäminen.',
      },
      {
        unit: 'TAKO',
        status: 2,
        text: 'Toisella asteella panostetaan voimakkaasti yhteisöllisyyteen niin aloittavien kuin jatkavien opiskelijoiden parissa.',
      },
      {
        unit: 'SVE',
        status: 1,
        text: 'Ruotsinkielisessä perusopetuksessa ja lukiossa toteutetaan ensimmäistä kertaa YHR-navigointeja syksyllä.',
      },
    ],
  },
  {
    code: '8',
    title:
      'Kehitetään etäopetuksen ja -ohjauksen sekä virtuaalisten tukipalvelujen käytäntöjä ja pedagogiikkaa yhdessä oppijoiden kanssa oppimisen edistämiseksi',
    seedStatus: 1,
    // 1.2: distance teaching and virtual support services are the digitalisation focus area.
    themeCode: '1.2',
    indicator: qualitative('Käytössä olevat etäopetuksen ja virtuaalisten tukipalvelujen käytännöt'),
    baseline: baseline('Satunnaisia kokeiluja toteutettu'),
    target: target('Vakiinnutetaan etäopetuksen ja -ohjauksen käytänteet osaksi normaalia toimintaa'),
    responsible: [P.riitta, P.pekka, P.mikko, P.henrik],
    groupKeys: [G.ict],
    subject: { fi: 'Etäopetuksen ja virtuaalisten tukipalvelujen kehittäminen', sv: 'Utvecklingen av distansundervisningen' },
    units: [
      { unit: 'KASO', status: 2, text: 'TVT-kehittämisryhmässä on luotu digivisio ja -ohjelma.' },
      {
        unit: 'VAKA',
        status: 2,
        text: 'Digipedagogisen ohjelman myötä jalkautetaan erilaisia arjen digitaitoja luovan tekemisen kautta. Lisäksi lapsille on tarjolla mm. Lukulumo-tarinapaketti.',
      },
      {
        unit: 'POPE',
        status: 1,
        text: 'Digipedagoginen ohjelma on valmisteilla. Etäopetuksen käytänteitä on kehitetty opettajilta ja huoltajilta saatujen palautteiden pohjalta. Etäopetuksen alustoja ja oppimisen mahdollistavia palveluita kehitetään jatkuvasti, ja kentän palautetta kerätään reaaliaikaisesti tapahtumien ja some-kanavan kautta. Toimintakulttuuria muuttavaa pedagogista apua tarjotaan tutorien, robotiikan oppimiskeskuksen ja tvt-asiantuntijoiden toimesta. Someturva on valmisteltu oppijoiden verkkotyöskentelyn tueksi tulevalle lukuvuodelle.\n\nRobotiikan oppimiskeskus tarjoaa inspiroivaa ohjelmallisen ajattelun tukea kaikille ikäluokille ja opettajille osaamisen kehittämiseksi.',
      },
      {
        unit: 'TAKO',
        status: 1,
        text: 'Digipedagoginen ohjelma on valmisteilla.\n\nLukioissa on laadittu lukioiden yhteinen etäkurssitarjotin ja kurssit ovat valittavissa kaikissa lukioissa lukuvuodelle 2021–2022. On myös kehitetty etäopetuksen vuorovaikutuksellisuutta Yhdessä etänä -hankkeessa. Korona-avustuksella palkatut opinto-ohjaajat sekä lukiopsykologi ovat kehittäneet virtuaalisia tukipalveluita. Opiskelijoiden ohjaukseen ja varhaiseen tukeen tarkoitettua Annie-sovellusta on pilotoitu Variassa ja opetuksen sekä ohjauksen digitaalisia välineitä (WorkSeed ja ItsLearning) on otettu laajasti käyttöön.',
      },
      {
        unit: 'SVE',
        status: 2,
        text: 'Korona-aikana opettajat ovat kokeilleet uusia työkaluja ja menetelmiä etäopetuksessa, ja opettajien välinen yhteistyö on lisääntynyt. Ohjausta järjestetään tarvittaessa etänä matalammalla kynnyksellä. Ryhmäohjaustapaamisia järjestetään myös hybridimallilla niin, että osa opiskelijoista on paikalla ja osa etänä. GNet-etäopetusverkosto on kasvanut ja kattaa tällä hetkellä 14 ruotsinkielistä lukiota ympäri maata. Verkoston opettajat suunnittelevat ja toteuttavat kursseja yhdessä ja verkosto järjestää myös koulutusta opettajille.',
      },
    ],
  },
  {
    code: '9',
    title: 'Tiedolla johtamisen työvälineet käytössä toimialan kaikessa johtamisessa',
    seedStatus: 1,
    // 2.3: tools that give every supervisor the data to lead their staff's work; the competence
    // group is co-responsible. No focus area is about management as such; this is the nearest.
    themeCode: '2.3',
    indicator: qualitative('Käytössä olevien työvälineiden määrä'),
    baseline: baseline('Välineitä ei käytössä'),
    target: target('Jokaisella esimiehellä on käytössä vähintään yksi työväline'),
    description: 'Vastuussa kehittämisjohtaja, opiskeluhuollon päällikkö ja palvelualuejohtajat.',
    responsible: [P.hannele, P.satu, ...SERVICE_AREA_DIRECTORS],
    groupKeys: [G.ict, G.competence],
    subject: { fi: 'Tiedolla johtamisen työvälineiden käyttöönotto', sv: 'Införandet av verktyg för kunskapsbaserad ledning' },
    units: [
      {
        unit: 'KASO',
        status: 1,
        text: 'Tiedolla johtamisen työryhmä on aloittanut toimenpiteet eri palvelualueilla olevan tiedon esittämiseksi PowerBi-työkalulla. Syntyvät raportit on koostettu yhteisesti asiantuntijoiden ja johdon nähtäville. Alkuvaiheessa raportteja on rajoitetusti saatavilla. Tiedon tunnistamisen myötä raporttien määrä kasvaa, tiedon tuottamisen ja raportoinnin vastuut selkeytyvät, ja tiedon laatu paranee.\n\nOpiskeluhuollon yksikössä tiedolla johtamisen indikaattoreiden määrittely on aloitettu. Kaikilla palvelualueilla on Power BI -työkalun käyttöönotto meneillään.',
      },
      {
        unit: 'VAKA',
        status: 2,
        text: 'Raportointi tapahtuu VaSa-järjestelmän avulla. Raportit syntyvät PowerBi-muodossa. Varhaiskasvatuksen osalta VaSa-järjestelmässä on jo aloitettu tietojen tuominen PowerBi-työkalulla. Järjestelmän rakentamisen myötä tietojen tuominen lisääntyy. Tavoitteena on saada VaSan tiedot osaksi Kason tiedolla johtamisen kokonaisuutta. Tämän lisäksi varhaiskasvatuksessa on käytössä varhaiskasvatuksen vuosittain päivittyvä arviointiraportti.',
      },
      { unit: 'POPE', status: 1, gap: true, text: 'Primus-pohjaista dataa on koostettu PowerBi-näkymiksi.' },
      { unit: 'TAKO', status: 1, text: 'VARIAssa laajat oppilaitoskohtaiset raportit saatavilla, lukioissa työstö alussa.' },
      { unit: 'SVE', status: 1, text: 'PowerBi-työkalun käyttö on alussa.' },
    ],
  },
  {
    code: '10',
    title: 'Kehittämisryhmät lisäävät palvelualueiden yhteistä työtä',
    seedStatus: 2,
    // 3.3: the development groups exist to make the service areas' staff work together.
    themeCode: '3.3',
    indicator: qualitative('Yhteistyömallien ja -käytäntöjen valmiusaste'),
    baseline: baseline('Kehittämisryhmät aloittaneet toimintansa.'),
    target: target('Kehittämisryhmille annetut tavoitteet on asetettu ja yhteistyömallit ja -käytännöt sovittu.'),
    description: 'Vastuussa toimialajohtaja ja KASOn johtoryhmä.',
    responsible: [P.leena],
    // The seed names the division's management team, not a development group. Competence group:
    // it develops how staff work together across service areas, which is what this goal measures.
    groupKeys: [G.competence],
    subject: { fi: 'Kehittämisryhmien yhteistyömallien sopiminen', sv: 'Utvecklingsgruppernas samarbetsmodeller' },
    units: [
      {
        unit: 'KASO',
        status: 2,
        // The seed has no realization text for this goal; this restates its target as reached.
        text: 'Kehittämisryhmille annetut tavoitteet on asetettu ja yhteistyömallit ja -käytännöt sovittu. Kehittämisryhmät raportoivat tavoitteistaan kuukausittain.',
      },
    ],
  },
];

export const goalThemeKey = (f: GoalFact) => themeKey(f.themeCode);
