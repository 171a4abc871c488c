import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OVERALL,
  addMonths,
  applyCheckIn,
  decodeHistory,
  encodeHistory,
  goalStatusAsOf,
  goalSummarySchema,
  historiesComplete,
  needsCheckInsAt,
  overallStatus,
  reportsFor,
  statusesAt,
  summaryAsOf,
  type CheckIn,
  type GoalSummary,
} from '../../../src/domain';
import { checkIn, goal } from './fixtures';

const at = (day: number, hour = 10) => new Date(Date.UTC(2021, 0, 1, hour) + day * 86_400_000).toISOString();
const fold = (checkIns: CheckIn[]): GoalSummary => checkIns.reduce<GoalSummary>((s, c) => applyCheckIn(s, c), {});

describe("a slot's month-by-month history in the goal summary", () => {
  it('encodes one character per month from the first report, "." for a month without one', () => {
    const h = new Map([
      ['2021-01', 2],
      ['2021-03', 0],
      ['2021-04', 1],
    ]);
    expect(encodeHistory(h)).toBe('2021-01:2.01');
    expect([...decodeHistory('2021-01:2.01')]).toEqual([...h]);
    expect(encodeHistory(new Map([['2021-11', 1], ['2022-02', 2]]))).toBe('2021-11:1..2');
  });

  it('is written by every check-in in the order they come, and validates as the stored summary', () => {
    const s = fold([
      checkIn({ unit: 'VAKA', period: '2021-01', status: 2, submittedAt: at(30) }),
      checkIn({ unit: 'VAKA', period: '2021-02', status: 1, submittedAt: at(58) }),
      checkIn({ unit: 'VAKA', period: '2021-04', status: 0, submittedAt: at(118) }),
    ]);
    expect(s.VAKA).toMatchObject({ period: '2021-04', status: 0, history: '2021-01:21.0', historyAt: at(118) });
    expect(goalSummarySchema.parse(s)).toEqual(s);
  });

  it('takes an overdue report for a past month into the history without changing the latest entry', () => {
    const s = fold([
      checkIn({ unit: 'VAKA', period: '2021-04', status: 2, submittedAt: at(118) }),
      checkIn({ unit: 'VAKA', period: '2021-02', status: 0, submittedAt: at(120) }),
    ]);
    expect(s.VAKA).toMatchObject({ period: '2021-04', status: 2, history: '2021-02:0.2', historyAt: at(120) });
  });

  it('places a later correction of a past month, and drops the history for one that arrives after a newer correction', () => {
    const base = fold([
      checkIn({ unit: 'VAKA', period: '2021-02', status: 0, submittedAt: at(58) }),
      checkIn({ unit: 'VAKA', period: '2021-04', status: 2, submittedAt: at(118) }),
    ]);
    const corrected = applyCheckIn(base, checkIn({ unit: 'VAKA', period: '2021-02', status: 1, submittedAt: at(119) }));
    expect(corrected.VAKA?.history).toBe('2021-02:1.2');
    // Submitted before the correction already folded in, for a month that has a status: which is
    // newer cannot be told from the summary, so the slot falls back to a replay of CheckIns.
    const late = applyCheckIn(corrected, checkIn({ unit: 'VAKA', period: '2021-02', status: 2, submittedAt: at(100) }));
    expect(late.VAKA).toMatchObject({ period: '2021-04', status: 2 });
    expect(late.VAKA?.history).toBeUndefined();
    expect(historiesComplete([{ summary: late }])).toBe(false);
  });

  it('leaves an entry written before histories existed without one, rather than inventing a partial history', () => {
    const legacy: GoalSummary = { VAKA: { period: '2021-03', status: 1, at: at(88), author: { id: 'a', name: 'A' }, checkInKey: 'ci-old' } };
    const next = applyCheckIn(legacy, checkIn({ unit: 'VAKA', period: '2021-04', status: 2, submittedAt: at(118) }));
    expect(next.VAKA).toMatchObject({ period: '2021-04', status: 2 });
    expect(next.VAKA?.history).toBeUndefined();
    expect(statusesAt({ summary: next }, '2021-03')).toBeUndefined();
    expect(statusesAt({ summary: next }, '2021-04')).toEqual({ VAKA: { period: '2021-04', status: 2 } });
  });
});

describe('statuses as of a period from the summary alone', () => {
  const months = Array.from({ length: 12 }, (_, i) => addMonths('2021-01', i));
  const slotArb = fc.constantFrom('VAKA', 'POPE', 'TAKO', OVERALL);
  const checkInArb = fc.record({ slot: slotArb, month: fc.integer({ min: 0, max: 11 }), status: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 400 }) });

  it('equals the replay of every check-in up to that period, for any history applied in submission order', () => {
    fc.assert(
      fc.property(fc.array(checkInArb, { maxLength: 40 }), fc.integer({ min: 0, max: 11 }), (drawn, asOfIndex) => {
        const checkIns = drawn
          .map((d, i) => checkIn({ key: `ci-${String(i).padStart(3, '0')}`, unit: d.slot === OVERALL ? undefined : d.slot, period: months[d.month]!, status: d.status, submittedAt: at(d.day, i % 24) }))
          .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.key.localeCompare(b.key));
        const summary = fold(checkIns);
        const asOf = months[asOfIndex]!;
        const fromSummary = statusesAt({ summary }, asOf);
        if (!fromSummary) return historiesComplete([{ summary }]) === false;
        const replay = summaryAsOf(checkIns, asOf);
        expect(fromSummary).toEqual(Object.fromEntries(Object.entries(replay).map(([slot, e]) => [slot, { period: e.period, status: e.status }])));
        const g = { key: 'g1', units: ['VAKA', 'POPE', 'TAKO'], summary };
        expect(goalStatusAsOf(g, [], asOf)).toBe(overallStatus(replay, g.units)?.status);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('needs CheckIns for a month exactly when the summary cannot answer it, and then for every earlier month too', () => {
    fc.assert(
      fc.property(fc.array(checkInArb, { maxLength: 30 }), fc.integer({ min: 0, max: 11 }), fc.infiniteStream(fc.nat()), (drawn, asOfIndex, randoms) => {
        // In any order, so that some slots lose their history (a late correction) and some keep it.
        const checkIns = drawn.map((d, i) => checkIn({ key: `ci-${String(i).padStart(3, '0')}`, unit: d.slot === OVERALL ? undefined : d.slot, period: months[d.month]!, status: d.status, submittedAt: at(d.day, i % 24) }));
        const r = randoms[Symbol.iterator]();
        const shuffled = [...checkIns].sort(() => ((r.next().value as number) % 3) - 1);
        const goals = [{ summary: fold(shuffled) }, { summary: fold(checkIns.slice(0, 3)) }];
        const asOf = months[asOfIndex]!;
        expect(needsCheckInsAt(goals, asOf)).toBe(goals.some((g) => statusesAt(g, asOf) === undefined));
        if (needsCheckInsAt(goals, asOf)) for (const earlier of months.slice(0, asOfIndex)) expect(needsCheckInsAt(goals, earlier)).toBe(true);
        if (historiesComplete(goals)) expect(needsCheckInsAt(goals, asOf)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is right or absent, never wrong, when concurrent check-ins are applied in any order', () => {
    fc.assert(
      fc.property(fc.array(checkInArb, { maxLength: 30 }), fc.integer({ min: 0, max: 11 }), fc.infiniteStream(fc.nat()), (drawn, asOfIndex, randoms) => {
        const checkIns = drawn.map((d, i) => checkIn({ key: `ci-${String(i).padStart(3, '0')}`, unit: d.slot === OVERALL ? undefined : d.slot, period: months[d.month]!, status: d.status, submittedAt: at(d.day, i % 24) }));
        const shuffled = [...checkIns];
        const r = randoms[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (r.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const summary = fold(shuffled);
        const asOf = months[asOfIndex]!;
        const replay = summaryAsOf(checkIns, asOf);
        for (const [slot, entry] of Object.entries(summary)) {
          if (entry.history === undefined || entry.period <= asOf) continue;
          expect(statusesAt({ summary: { [slot]: entry } }, asOf)?.[slot]).toEqual(replay[slot] ? { period: replay[slot].period, status: replay[slot].status } : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says which slots reported for a month, from the histories, and from check-ins only for a goal without them', () => {
    const withHistory = goal({ key: 'g1', units: ['VAKA', 'POPE'], summary: fold([checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-02', status: 1, submittedAt: at(58) }), checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-03', status: 2, submittedAt: at(88) })]) });
    const legacy = goal({ key: 'g2', units: ['VAKA'], summary: { VAKA: { period: '2021-03', status: 1, at: at(88), author: { id: 'a', name: 'A' }, checkInKey: 'ci-old' } } });
    const stored = [checkIn({ goalKey: 'g2', unit: 'VAKA', period: '2021-02', status: 0 }), checkIn({ goalKey: 'g1', unit: 'POPE', period: '2021-02', status: 0 })];
    expect(reportsFor([withHistory, legacy], stored, '2021-02')).toEqual([
      { goalKey: 'g1', period: '2021-02', unit: 'VAKA' },
      expect.objectContaining({ goalKey: 'g2', unit: 'VAKA', period: '2021-02' }),
    ]);
  });
});
