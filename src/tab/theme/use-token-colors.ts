/**
 * Charts draw SVG with colour values, so Fluent tokens (CSS variables) are resolved here against
 * the current theme's provider: light, dark and high contrast each get their own palette, and a
 * theme switch re-reads them. `remountKey` names anything else that replaces the element `ref`
 * points at (a chart ↔ table toggle), so the colours are read again from the new element.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useTheme } from './theme';

const varName = (token: string) => /var\((--[^,)]+)/.exec(token)?.[1];

export function useTokenColors<K extends string>(ref: RefObject<HTMLElement | null>, wanted: Record<K, string>, remountKey = ''): Record<K, string> | undefined {
  const { theme } = useTheme();
  const [colors, setColors] = useState<Record<K, string>>();
  const signature = JSON.stringify(wanted);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const style = window.getComputedStyle(el);
    const out = {} as Record<K, string>;
    for (const [k, token] of Object.entries(wanted) as [K, string][]) {
      const name = varName(token);
      out[k] = (name && style.getPropertyValue(name).trim()) || style.color || 'currentColor';
    }
    setColors(out);
    // `wanted` is compared by its signature: callers pass object literals.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, signature, theme, remountKey]);
  return colors;
}
