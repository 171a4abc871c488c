/**
 * A one-shot message carried across a navigation ("check-in saved" shown on My goals after the
 * check-in page closes). In memory only: a reload should not repeat it.
 */
export interface Flash {
  kind: 'checkInSaved';
  goalKey: string;
  goalTitle: string;
  created: boolean;
}

let pending: Flash | null = null;

export function setFlash(f: Flash): void {
  pending = f;
}

export function takeFlash(): Flash | null {
  const f = pending;
  pending = null;
  return f;
}
