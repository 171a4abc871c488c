import { useEffect, useRef } from 'react';

/** Scrolls to top and moves focus to the new view's heading, so screen readers announce it. */
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
    // Wait for the lazily loaded view to paint its heading.
    let tries = 0;
    const timer = window.setInterval(() => {
      const h1 = el.querySelector<HTMLElement>('h1');
      if (h1 || ++tries > 40) {
        window.clearInterval(timer);
        if (h1 && !h1.contains(document.activeElement) && (document.activeElement === document.body || !el.contains(document.activeElement))) {
          h1.tabIndex = -1;
          h1.focus({ preventScroll: true });
        }
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [ref, routeHref]);
}
