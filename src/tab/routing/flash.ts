/**
 * A one-shot message carried across a navigation ("check-in saved" shown on My goals after the
 * check-in page closes). In memory only: a reload should not repeat it.
 */
import { useEffect, useState } from 'react';

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

/**
 * The message left for the view that is showing, and a way to dismiss it. It is read during
 * render but used up only once the view is on screen: React may render a view, discard that
 * render (a child still loading its code or texts) and render it again, and the second render
 * must find the message too.
 */
export function useFlash(): [Flash | null, () => void] {
  const [flash, setShown] = useState<Flash | null>(() => pending);
  useEffect(() => {
    if (flash && pending === flash) pending = null;
  }, [flash]);
  return [flash, () => setShown(null)];
}
