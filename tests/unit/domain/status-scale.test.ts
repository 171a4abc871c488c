import { describe, it, expect } from 'vitest';
import {
  BUILT_IN_SCALES,
  LIKELIHOOD_SCALE,
  REALISATION_SCALE,
  TRAFFIC_LIGHT_SCALE,
  levelOf,
  levelsWorstFirst,
  statusScaleSchema,
} from '../../../src/domain';

describe('status scales', () => {
  it.each(BUILT_IN_SCALES.map((s) => [s.key, s] as const))('ships the %s scale in a valid shape', (_key, scale) => {
    expect(statusScaleSchema.safeParse(scale).success).toBe(true);
  });

  it('ships exactly the three scales seen in real reports', () => {
    expect(BUILT_IN_SCALES.map((s) => s.key)).toEqual(['realisation', 'likelihood-0-2', 'traffic-light']);
  });

  it('refuses a scale where two levels share a value', () => {
    const r = statusScaleSchema.safeParse({
      ...REALISATION_SCALE,
      levels: [REALISATION_SCALE.levels[0], { ...REALISATION_SCALE.levels[1], value: 0 }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['levels'], message: 'Status level values must be unique' }),
    );
  });

  it('refuses a scale with only one level', () => {
    const r = statusScaleSchema.safeParse({ ...REALISATION_SCALE, levels: [REALISATION_SCALE.levels[0]] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('A status scale needs at least two levels');
  });

  it('refuses a level without a Finnish label', () => {
    const r = statusScaleSchema.safeParse({
      ...LIKELIHOOD_SCALE,
      levels: [...LIKELIHOOD_SCALE.levels, { value: 3, color: 'green', label: { fi: '', en: 'Done' } }],
    });
    expect(r.success).toBe(false);
  });

  it('finds the level for a value', () => {
    expect(levelOf(REALISATION_SCALE, 1)?.label.fi).toBe('Toteutuu osittain');
    expect(levelOf(TRAFFIC_LIGHT_SCALE, 0)?.color).toBe('grey');
  });

  it('finds no level for a value the scale does not have', () => {
    expect(levelOf(REALISATION_SCALE, 3)).toBeUndefined();
  });

  it('lists levels worst first even when the scale is stored best first', () => {
    const reversed = { ...TRAFFIC_LIGHT_SCALE, levels: [...TRAFFIC_LIGHT_SCALE.levels].reverse() };
    expect(levelsWorstFirst(reversed).map((l) => l.value)).toEqual([0, 1, 2, 3]);
  });

  it('does not reorder the scale it was given when listing worst first', () => {
    const reversed = { ...TRAFFIC_LIGHT_SCALE, levels: [...TRAFFIC_LIGHT_SCALE.levels].reverse() };
    levelsWorstFirst(reversed);
    expect(reversed.levels.map((l) => l.value)).toEqual([3, 2, 1, 0]);
  });
});
