import { describe, it, expect } from 'vitest';
import { pickText, toLocale } from '../../../src/domain';

describe('locale from a Teams language tag', () => {
  it('maps sv-SE to Swedish', () => {
    expect(toLocale('sv-SE')).toBe('sv');
  });

  it('maps fi-fi, sv-FI, en-us and en_GB regardless of case and separator', () => {
    expect(toLocale('fi-fi')).toBe('fi');
    expect(toLocale('sv-FI')).toBe('sv');
    expect(toLocale('en-us')).toBe('en');
    expect(toLocale('en_GB')).toBe('en');
  });

  it('falls back to Finnish for a language we do not speak, or none', () => {
    expect(toLocale('de-DE')).toBe('fi');
    expect(toLocale('')).toBe('fi');
    expect(toLocale(undefined)).toBe('fi');
    expect(toLocale(null)).toBe('fi');
  });

  it('uses the given fallback when there is one', () => {
    expect(toLocale('et-EE', 'en')).toBe('en');
  });
});

describe('picking text in a language', () => {
  const text = { fi: 'Toteutuu osittain', sv: 'Förverkligas delvis' };

  it('picks the requested language when present', () => {
    expect(pickText(text, 'sv')).toBe('Förverkligas delvis');
  });

  it('falls back to Finnish when the language is missing', () => {
    expect(pickText(text, 'en')).toBe('Toteutuu osittain');
  });

  it('falls back to Finnish when the translation is empty', () => {
    expect(pickText({ ...text, sv: '' }, 'sv')).toBe('Toteutuu osittain');
  });
});
