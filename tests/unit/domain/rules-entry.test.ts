import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * `src/domain/rules` is what the tab's first chunk may import: rules without zod. These tests load
 * it in a fresh module graph with zod replaced by a spy, through the same transform the build
 * uses, so a value import of a schema anywhere under it (or an `import { type X }` that keeps the
 * module) shows up as zod being loaded.
 */
async function loadsZod(entry: () => Promise<unknown>): Promise<boolean> {
  let loaded = false;
  vi.resetModules();
  vi.doMock('zod', async (importOriginal) => {
    loaded = true;
    return importOriginal();
  });
  await entry();
  return loaded;
}

afterEach(() => {
  vi.doUnmock('zod');
  vi.resetModules();
});

describe('the domain rules entry', () => {
  it('loads without zod', async () => {
    expect(await loadsZod(() => import('../../../src/domain/rules'))).toBe(false);
  });

  it('still carries the rules the tab uses', async () => {
    const rules = await import('../../../src/domain/rules');
    expect(rules.LOCALES).toEqual(['fi', 'sv', 'en']);
    expect(rules.toLocale('sv-FI')).toBe('sv');
    expect(typeof rules.applyCheckIn).toBe('function');
    expect(typeof rules.checkInIssues).toBe('function');
  });

  it('is told apart from the full domain, which does load zod', async () => {
    expect(await loadsZod(() => import('../../../src/domain'))).toBe(true);
  });
});
