import { describe, expect, it } from 'vitest';
import { archiveFileName, archiveFolder, archiveStamp, parseArchiveFileName, stampInstant } from '../../../src/domain/report-rules';

describe('names of filed board reports', () => {
  it('say plan, period, language and when it was filed in Helsinki time, and read back the same', () => {
    const stamp = archiveStamp(new Date('2021-09-22T06:00:00Z'));
    expect(stamp).toBe('20210922-0900');
    const name = archiveFileName({ planKey: 'vantaa-ko-2021', period: '2021-08', lang: 'sv', format: 'docx', stamp });
    expect(name).toBe('vantaa-ko-2021_2021-08_sv_20210922-0900.docx');
    expect(parseArchiveFileName(name)).toEqual({ planKey: 'vantaa-ko-2021', period: '2021-08', lang: 'sv', format: 'docx', stamp });
  });

  it('file a report under the year of its period', () => {
    expect(archiveFolder('2021-12')).toEqual(['Raportit', '2021']);
  });

  it('ignore files in the library that are not filed reports', () => {
    expect(parseArchiveFileName('pöytäkirja.docx')).toBeUndefined();
    expect(parseArchiveFileName('vantaa-ko-2021_2021-08_de_20210922-0900.docx')).toBeUndefined();
  });

  it('read the filing time back from the name, in summer and in winter time', () => {
    expect(stampInstant('20210922-0900')?.toISOString()).toBe('2021-09-22T06:00:00.000Z');
    expect(stampInstant('20211215-0930')?.toISOString()).toBe('2021-12-15T07:30:00.000Z');
    expect(stampInstant(archiveStamp(new Date('2021-03-28T00:30:00Z')))?.toISOString()).toBe('2021-03-28T00:30:00.000Z');
    expect(stampInstant('20211315-0900')).toBeUndefined();
    expect(stampInstant('2021-09-22')).toBeUndefined();
  });
});
