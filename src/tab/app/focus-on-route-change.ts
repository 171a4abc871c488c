import { useEffect, useRef } from 'react';

/** A heading that is on screen (not one React keeps hidden while the next view loads). */
const shownHeading = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('h1')].find((h) => h.getClientRects().length > 0);

/**
 * Scrolls to top and moves focus to the new view's heading, so screen readers announce it. Views
 * load lazily, so the heading may appear only after its code and data have arrived: it is watched
 * for as long as the route stays (a slow network or a busy machine must not skip the focus move),
 * and never taken from someone who has meanwhile put focus inside the view.
 */
export function useFocusOnRouteChange(ref: { current: HTMLElement | null }, routeHref: string): void {
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [routeHref]);
  const first = useRef(true);
  useEffect(() => {
    const el = ref.current;
    // The first view of a page load keeps the browser's focus (start of the document).
    if (first.current) {
      first.current = false;
      return;
    }
    if (!el) return;
    const focusHeading = (): boolean => {
      const h1 = shownHeading(el);
      if (!h1) return false;
      const active = document.activeElement;
      if (!h1.contains(active) && (active === null || active === document.body || !el.contains(active))) {
        h1.tabIndex = -1;
        h1.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref, routeHref]);
}
