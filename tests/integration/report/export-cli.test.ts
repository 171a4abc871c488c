import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

// The export command as a person runs it: its own process, a fresh DATA_DIR (created with the demo
// data on first use, as `npm start` would), the file read back.
const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-export-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, MODE: 'local', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'warn' },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run export', () => {
  it('lists the plan keys of the site, creating the local demo site on first use', () => {
    const r = run('--list-plans');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^vantaa-ko-2021\t2021-01-01 – 2021-12-31\t/m);
  });

  it('writes the Swedish Excel report of 8/2021 with the seed’s statuses', async () => {
    const out = join(dataDir, 'rapport.xlsx');
    const r = run('--plan', 'vantaa-ko-2021', '--period', '2021-08', '--format', 'xlsx', '--lang', 'sv', '--out', out);
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain('10 goals as of 2021-08 in sv (Förverkligas inte 0, Förverkligas delvis 6, Förverkligas helt 4, not reported 0)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]?.name).toBe('Sammanfattning');
  }, 120_000);

  it('refuses a month outside the plan and a malformed one with exit code 2 and the reason', () => {
    const outside = run('--plan', 'vantaa-ko-2021', '--period', '2022-08');
    expect(outside.status).toBe(2);
    expect(outside.err).toContain('Period 2022-08 is outside plan');
    const malformed = run('--plan', 'vantaa-ko-2021', '--period', '2021-8', '--format', 'pdf');
    expect(malformed.status).toBe(2);
    expect(malformed.err).toContain('--period: Expected a period as YYYY-MM');
    expect(malformed.err).toContain('--format');
  }, 120_000);
});
