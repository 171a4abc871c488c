import type { CheckIn, Group } from '../domain';
import { goalKey, type GoalFact, type UnitFact } from './goals';
import { generatedNarrative } from './narratives';
import { P, asPerson, type DemoPerson } from './people';
import { DEMO_PLAN_KEY } from './plan';
import { intBetween, pick, rngFor, type Random } from './prng';

/** The months reported before the seed's status report of 9 Sep 2021 (July is non-reporting). */
export const HISTORY_PERIODS = ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-08'] as const;
export const SEED_PERIOD = '2021-08';

/**
 * The mental-health training goal's VAKA count of trained staff: 664 at the end of 2020, 89 more
 * during 2021 by August (seed: growth 13.4 %), passing the +10 % target (731) in June.
 */
const TRAINED: Record<string, number> = {
  '2021-01': 664,
  '2021-02': 671,
  '2021-03': 688,
  '2021-04': 705,
  '2021-05': 729,
  '2021-06': 753,
  '2021-08': 753,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Helsinki's UTC offset on a date: EU summer time runs from the last Sunday of March to the last Sunday of October. */
export function helsinkiOffset(date: string): '+02:00' | '+03:00' {
  const year = Number(date.slice(0, 4));
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month, 0)); // last day of `month` (1-based)
    return `${year}-${pad(month)}-${pad(last.getUTCDate() - last.getUTCDay())}`;
  };
  return date >= lastSunday(3) && date < lastSunday(10) ? '+03:00' : '+02:00';
}

/** A weekday between the 20th of the period's month and the 5th of the next, in working hours. */
function submittedAt(rng: Random, period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const days: string[] = [];
  for (let i = 0; i <= 16; i++) {
    const d = new Date(Date.UTC(y, m - 1, 20 + i));
    if (d.getUTCMonth() !== m - 1 && d.getUTCDate() > 5) break;
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d.toISOString().slice(0, 10));
  }
  const day = pick(rng, days);
  return `${day}T${pad(intBetween(rng, 8, 16))}:${pad(intBetween(rng, 0, 59))}:00${helsinkiOffset(day)}`;
}

const PEOPLE_BY_ID = new Map<string, DemoPerson>(Object.values(P).map((p) => [p.id, p]));

/** Who may plausibly report a slot: its goal's responsible persons and group members from that service area. */
function authorsFor(fact: GoalFact, unit: UnitFact['unit'], groups: readonly Group[]): DemoPerson[] {
  const involved = new Map<string, DemoPerson>();
  for (const p of fact.responsible) involved.set(p.id, p);
  for (const g of groups.filter((g) => fact.groupKeys.includes(g.key))) {
    for (const m of [...g.owners, ...g.members]) {
      const p = PEOPLE_BY_ID.get(m.id);
      if (p) involved.set(p.id, p);
    }
  }
  const local = [...involved.values()].filter((p) => p.homeUnit === unit);
  return local.length > 0 ? local : [...fact.responsible];
}

/** The status of each reported month, never falling, ending at the unit's last status. */
function trajectory(rng: Random, u: UnitFact, periods: readonly string[]): number[] {
  const n = periods.length;
  if (u.status === 2) {
    // Fully realised units reached 2 somewhere between March and their last report.
    const firstGreen = intBetween(rng, Math.min(2, n - 1), n - 1);
    return periods.map((_, i) => (i >= firstGreen ? 2 : 1));
  }
  // Partially realised units: some had not started at all in the first month or two.
  const zeros = rng() < 0.3 ? intBetween(rng, 1, 2) : 0;
  return periods.map((_, i) => (i < zeros && i < n - 1 ? 0 : 1));
}

export function buildCheckIns(facts: readonly GoalFact[], groups: readonly Group[]): CheckIn[] {
  const out: CheckIn[] = [];
  for (const fact of facts) {
    const quantitative = fact.indicator.kind === 'quantitative';
    for (const u of fact.units) {
      const rng = rngFor(`${fact.code}|${u.unit}`);
      const indicatorSlot = quantitative && u.unit === 'VAKA';
      // A few slots started reporting in February; the indicator slot has a full series.
      const start = !indicatorSlot && rng() < 0.2 ? 1 : 0;
      const last = u.gap ? '2021-06' : SEED_PERIOD;
      const periods = HISTORY_PERIODS.slice(start).filter((p) => p <= last);
      const statuses = indicatorSlot
        ? periods.map((p) => ((TRAINED[p] ?? 0) >= (fact.target.value ?? Infinity) ? 2 : 1))
        : trajectory(rng, u, periods);
      const authors = authorsFor(fact, u.unit, groups);
      periods.forEach((period, i) => {
        const status = statuses[i] as number;
        const author = pick(rng, authors);
        const isLast = i === periods.length - 1;
        // Swedish-speaking SVE reporters write in Swedish; the seed's own texts (the last period) are Finnish.
        const swedish = !isLast && u.unit === 'SVE' && author.swedish === true;
        let narrative = isLast
          ? u.text
          : generatedNarrative(rng, {
              subject: fact.subject,
              unit: u.unit,
              month: Number(period.slice(5)),
              status,
              ...(i > 0 ? { previous: statuses[i - 1] as number } : {}),
              swedish,
            });
        const indicatorValue = indicatorSlot ? TRAINED[period] : undefined;
        if (indicatorValue !== undefined && !isLast) {
          narrative += ` Koulutettuja yhteensä ${indicatorValue} työntekijää (31.12.2020: 664).`;
        }
        const slot = `${fact.code}-${u.unit.toLowerCase()}-${period}`;
        out.push({
          key: `demo-ci-${slot}`,
          goalKey: goalKey(fact.code),
          planKey: DEMO_PLAN_KEY,
          period,
          unit: u.unit,
          status,
          narrative,
          ...(swedish ? { language: 'sv' as const } : {}),
          ...(indicatorValue !== undefined ? { indicatorValue } : {}),
          author: asPerson(author),
          submittedAt: submittedAt(rng, period),
          source: 'import',
          submissionId: `demo-sub-${slot}`,
        });
      });
    }
  }
  return out;
}
