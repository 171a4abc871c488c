/**
 * Text helpers for reading people's tables: comparison that ignores case, punctuation and
 * spacing; stable short hashes for content-derived keys; Finnish-style numbers ("13,4 %").
 */

/** Lower case, punctuation and dashes to spaces, spaces collapsed; letters with diacritics kept (ä ≠ a in Finnish). */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FOLD: Record<string, string> = { ä: 'a', å: 'a', ö: 'o', é: 'e', ü: 'u', š: 's', ž: 'z' };

/** A key fragment: ASCII letters, digits and dashes, at most `max` characters. */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äåöéüšž]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/** FNV-1a over the text, twice with different offsets: 16 hex digits, stable across runs and machines. */
export function stableHash(text: string, length = 10): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, length);
}

/**
 * A number as people write it in a cell: "664", "13,4", "1 000", "+10 %", "90 %", "−5".
 * Returns the value and what follows it when the cell is essentially a number (a short unit at
 * most), so "10 yhteistyökumppania, joista osa kansainvälisiä" stays text.
 */
export function parseQuantity(text: string): { value: number; unit?: string } | undefined {
  const m = /^\s*(?:(?:vähintään|enintään|minst|högst|at least|at most|≥|≤|>|<)\s*)?([+\-−]?)\s*(\d{1,3}(?:[\s\u00a0]\d{3})+|\d+)(?:[.,](\d+))?\s*(%|[\p{L}€]+(?:\s[\p{L}]+)?)?\s*$/u.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  const digits = (m[2] ?? '').replace(/[\s\u00a0]/g, '');
  const value = sign * Number(`${digits}${m[3] ? `.${m[3]}` : ''}`);
  if (!Number.isFinite(value)) return undefined;
  const unit = m[4]?.trim();
  if (unit && unit.length > 32) return undefined;
  return unit ? { value, unit } : { value };
}

/** Whether a text is only a number (no unit): "2", "0", "1,5". */
export function isBareNumber(text: string): boolean {
  return /^\s*[+\-−]?\d+(?:[.,]\d+)?\s*$/.test(text);
}
