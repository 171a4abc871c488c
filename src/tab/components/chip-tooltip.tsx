/**
 * The tooltip of an icon-only status chip (its label), loaded on the first hover or focus of any
 * chip. Fluent's Tooltip and its positioning are about 14 KiB gzip that the first view would
 * otherwise load for text screen readers already get from the chip's accessible name.
 *
 * A chip met before the tooltip is loaded is drawn again inside it once it arrives (a new element:
 * React cannot wrap a mounted one). The tooltip then opens at once if the pointer or focus is still
 * on the chip, and focus moves to the new element, so a keyboard user stays where they were.
 */
import { cloneElement, useLayoutEffect, useRef, useState, type FocusEvent, type ReactElement, type Ref } from 'react';
import type { TooltipProps } from '@fluentui/react-components';

type TooltipComponent = (props: TooltipProps) => ReactElement | null;

let loaded: TooltipComponent | undefined;
let loading: Promise<TooltipComponent> | undefined;

/** Loads the tooltip once; a failed load is tried again on the next hover. */
export function loadChipTooltip(): Promise<TooltipComponent> {
  loading ??= import('./chip-tooltip-part').then(
    (m) => (loaded = m.Tooltip as TooltipComponent),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

type Trigger = ReactElement<{ ref?: Ref<HTMLElement>; onPointerEnter?: () => void; onPointerLeave?: () => void; onFocus?: (e: FocusEvent<HTMLElement>) => void; onBlur?: () => void }>;

export function ChipTooltip({ label, children }: { label: string; children: Trigger }) {
  const [Tooltip, setTooltip] = useState<TooltipComponent | undefined>(() => loaded);
  const [visible, setVisible] = useState(false);
  const element = useRef<HTMLElement>(null);
  // Where the pointer and focus are while the tooltip loads, so it opens only if they stayed.
  const hovered = useRef(false);
  const focused = useRef(false);
  const refocus = useRef(false);

  // In the same commit that replaced the element, so focus is never left on the page's body.
  useLayoutEffect(() => {
    if (Tooltip && refocus.current) {
      refocus.current = false;
      element.current?.focus();
    }
  }, [Tooltip]);

  if (Tooltip) {
    return (
      <Tooltip content={label} relationship="description" visible={visible} onVisibleChange={(_, d) => setVisible(d.visible)}>
        {cloneElement(children, { ref: element })}
      </Tooltip>
    );
  }
  const arrive = () => {
    loadChipTooltip().then(
      (T) => {
        refocus.current = focused.current;
        setVisible(hovered.current || focused.current);
        setTooltip(() => T);
      },
      // Without its tooltip the chip still has its label as its accessible name.
      () => undefined,
    );
  };
  return cloneElement(children, {
    ref: element,
    onPointerEnter: () => {
      hovered.current = true;
      arrive();
    },
    onPointerLeave: () => (hovered.current = false),
    onFocus: () => {
      focused.current = true;
      arrive();
    },
    onBlur: () => (focused.current = false),
  });
}
