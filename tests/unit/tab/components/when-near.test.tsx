// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WhenNear } from '../../../../src/tab/components/when-near';

/** A stand-in IntersectionObserver the test drives: `enter()` says the watched place came near. */
let observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit; disconnected: boolean }[] = [];
class FakeObserver {
  private readonly entry: (typeof observers)[number];
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    this.entry = { callback, options, disconnected: false };
    observers.push(this.entry);
  }
  observe() {}
  unobserve() {}
  disconnect() {
    this.entry.disconnected = true;
  }
}
const enter = () => act(() => observers.filter((o) => !o.disconnected).forEach((o) => o.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)));

beforeEach(() => {
  observers = [];
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('WhenNear (a part below the fold drawn after the view)', () => {
  it('holds its place without drawing the part or announcing anything as loading until the part comes near the viewport', async () => {
    const { container } = render(<WhenNear minHeight="360px" delayMs={5_000}><p>kaavio</p></WhenNear>);
    expect(screen.queryByText('kaavio')).toBeNull();
    const placeholder = container.querySelector('[data-deferred-part]') as HTMLElement;
    expect(placeholder.style.minHeight).toBe('360px');
    expect(container.querySelector('[aria-busy]')).toBeNull();
    expect(observers[0]?.options?.rootMargin).toBe('100px');
    await enter();
    expect(screen.getByText('kaavio')).toBeTruthy();
    expect(container.querySelector('[data-deferred-part]')).toBeNull();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });

  it('draws the part after its delay even if nobody scrolls, so keyboard and screen reader users find it in place', async () => {
    render(<WhenNear minHeight="200px" delayMs={1_200}><p>kaavio</p></WhenNear>);
    await act(() => vi.advanceTimersByTimeAsync(1_100));
    expect(screen.queryByText('kaavio')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(screen.getByText('kaavio')).toBeTruthy();
  });

  it('draws the part after its delay where the browser has no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(<WhenNear minHeight="200px" delayMs={1_200}><p>kaavio</p></WhenNear>);
    await act(() => vi.advanceTimersByTimeAsync(1_300));
    expect(screen.getByText('kaavio')).toBeTruthy();
  });
});
