import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/** scripts/run-e2e.mjs on a machine without Chromium (the tab's browser suite is what it runs). */
const run = (env: Record<string, string>) => {
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(process.execPath, ['scripts/run-e2e.mjs'], { env: { ...rest, CHROMIUM_PATH: '/nonexistent/chromium', ...env }, encoding: 'utf8' });
};

describe('run-e2e without Chromium', () => {
  it('passes outside CI but says on stderr, in a box, that the browser tests did not run', () => {
    const r = run({});
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('WARNING: the browser (e2e) tests did NOT run.');
    expect(r.stderr).toContain('/nonexistent/chromium');
    expect(r.stderr).toMatch(/^!{20,}$/m);
  });

  it('fails under CI=true', () => {
    const r = run({ CI: 'true' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('CI=true requires it');
  });
});
