import { pick, type Random } from './prng';
import type { UnitFact } from './goals';

/**
 * Short monthly narratives for the months before the seed's report, in the voice of a busy
 * service-area reporter. Built from the goal's subject so each reads as being about that goal;
 * SVE reporters write in Swedish.
 */

type UnitKey = UnitFact['unit'];

const IN_UNIT_FI: Record<UnitKey, string> = {
  KASO: 'toimialan yhteisissä palveluissa',
  VAKA: 'varhaiskasvatuksessa',
  POPE: 'perusopetuksessa',
  TAKO: 'toisella asteella',
  SVE: 'ruotsinkielisessä koulutuksessa',
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FI: Record<number, ((s: string, u: string) => string)[]> = {
  0: [
    (s, u) => `${s}: työ ei ole vielä käynnistynyt ${u}. Resursointia ja aikataulua selvitetään.`,
    (_s, u) => `${cap(u)} ei ole vielä päästy aloittamaan. Toimenpiteet on kirjattu kevään työsuunnitelmaan.`,
  ],
  1: [
    (s, u) => `${s} etenee ${u}, mutta osa toimenpiteistä on vielä kesken.`,
    (s, u) => `${s}: työ on käynnissä ${u}. Seuraavaksi sovitaan vastuista ja aikataulusta.`,
    (_s, u) => `${cap(u)} työ on käynnistynyt ja ensimmäiset toimenpiteet on tehty. Tavoitetason saavuttaminen edellyttää vielä yhteistä valmistelua.`,
    (s, u) => `${s} on edennyt kehittämisryhmän työpajoissa. ${cap(u)} käytännöt ovat vielä vakiintumatta.`,
  ],
  2: [
    (s, u) => `${s} etenee suunnitellusti ${u}.`,
    (_s, u) => `${cap(u)} sovitut toimenpiteet on toteutettu, ja työ etenee tavoitteen mukaisesti.`,
    (s, u) => `${s}: tavoitetaso on ${u} saavutettavissa, ja toimintatavat ovat vakiintumassa.`,
  ],
};

const SV: Record<number, ((s: string) => string)[]> = {
  0: [(s) => `${s} har ännu inte kommit igång inom den svenskspråkiga utbildningen. Resurser och tidtabell utreds.`],
  1: [
    (s) => `${s} framskrider, men en del av åtgärderna är ännu på hälft.`,
    () => 'Arbetet pågår inom den svenskspråkiga utbildningen. Härnäst kommer vi överens om ansvar och tidtabell.',
    () => 'De första åtgärderna är gjorda. För att nå målnivån behövs ännu gemensam beredning.',
  ],
  2: [
    (s) => `${s} framskrider enligt plan inom den svenskspråkiga utbildningen.`,
    () => 'De överenskomna åtgärderna har genomförts och arbetet framskrider enligt målet.',
  ],
};

/** One sentence about the month, so consecutive reports do not read the same. Keys are months. */
const OPENER_FI: Record<number, string> = {
  1: 'Vuoden työsuunnitelma on käyty läpi kehittämisryhmässä.',
  2: 'Helmikuussa valmistelu jatkui suunnitellusti.',
  3: 'Koronatilanne ja etäopetusjakso ovat hidastaneet osaa toimenpiteistä.',
  4: 'Huhtikuussa työtä jatkettiin etäyhteyksin.',
  5: 'Kevätlukukauden päättyminen on näkynyt työn aikataulussa.',
  6: 'Ennen kesätaukoa on sovittu syksyn jatkotoimista.',
};
const OPENER_SV: Record<number, string> = {
  1: 'Årets arbetsplan har gåtts igenom i utvecklingsgruppen.',
  2: 'I februari fortsatte beredningen enligt plan.',
  3: 'Coronaläget och distansundervisningen har fördröjt en del av åtgärderna.',
  4: 'I april fortsatte arbetet på distans.',
  5: 'Slutet av vårterminen har märkts i tidtabellen.',
  6: 'Före sommaruppehållet har vi kommit överens om fortsättningen i höst.',
};

export interface NarrativeInput {
  subject: { fi: string; sv: string };
  unit: UnitKey;
  month: number;
  status: number;
  /** Status of the slot's previous report, if any. */
  previous?: number;
  swedish: boolean;
}

export function generatedNarrative(rng: Random, n: NarrativeInput): string {
  const parts: string[] = [];
  const opener = n.swedish ? OPENER_SV[n.month] : OPENER_FI[n.month];
  if (opener && rng() < 0.5) parts.push(opener);
  if (n.swedish) parts.push(pick(rng, SV[n.status] ?? [])(n.subject.sv));
  else parts.push(pick(rng, FI[n.status] ?? [])(n.subject.fi, IN_UNIT_FI[n.unit]));
  if (n.previous !== undefined && n.status > n.previous) {
    parts.push(n.swedish ? 'Läget har förbättrats sedan förra rapporten.' : 'Tilanne on parantunut edellisestä raportista.');
  }
  return parts.join(' ');
}
