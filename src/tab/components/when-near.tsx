/**
 * A part below the fold (the dashboard's trend chart) mounted only when its place comes near the
 * viewport, or a moment after the view is shown, whichever comes first. Drawing a chart costs a
 * couple of hundred milliseconds of main thread on a small laptop; spent before the first paint,
 * it holds back the table people opened the view for. The delay makes sure keyboard and screen
 * reader users find the part in place before they could tab or read their way to it.
 */
import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

export function WhenNear({ children, minHeight, delayMs = 1200, margin = '100px' }: { children: ReactNode; minHeight: string; delayMs?: number; margin?: string }) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) return;
    // A transition: React may yield while the part renders, so scrolling and typing stay smooth.
    const show = () => startTransition(() => setShown(true));
    const timer = window.setTimeout(show, delayMs);
    let observer: IntersectionObserver | undefined;
    if (ref.current && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: margin });
      observer.observe(ref.current);
    }
    return () => {
      window.clearTimeout(timer);
      observer?.disconnect();
    };
  }, [shown, delayMs, margin]);
  if (shown) return <>{children}</>;
  // Nothing is loading yet, so nothing is announced; the reserved height keeps the page from jumping.
  return <div ref={ref} data-deferred-part="" style={{ minHeight }} />;
}
