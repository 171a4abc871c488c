/**
 * Asks before unsaved admin edits are lost. Leaving the page (reload, closing the tab, typing an
 * address) gets the browser's own prompt through `beforeunload`; moving inside the app (a link, a
 * tab of the admin view) is held back and a dialog asks whether to stay or leave without saving.
 * Leaving replays the very click that was held, so every kind of in-app link works the same.
 * The browser's Back and Forward are held too (the router asks `holdBrowserNavigation` before it
 * follows the address): the editor's address is put back and the dialog asks; leaving then takes
 * the step for real.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { holdBrowserNavigation } from '../../../routing/router';

/** What navigates inside the app: links to this origin, and the tabs of a tab list. */
function inAppNavigation(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const tab = target.closest<HTMLElement>('[role="tab"]');
  if (tab && tab.getAttribute('aria-selected') !== 'true') return tab;
  const a = target.closest<HTMLAnchorElement>('a[href]');
  if (!a || a.target === '_blank' || a.hasAttribute('download')) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to the page itself (or to a place on it) loses nothing.
  if (url.pathname + url.search === window.location.pathname + window.location.search) return null;
  return a;
}

export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useTranslation('admin');
  /** A held in-app click, or the browser's Back/Forward ('history'). */
  const [held, setHeld] = useState<HTMLElement | 'history' | null>(null);
  const letThrough = useRef(false);
  const letHistoryThrough = useRef(false);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (letThrough.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const el = inAppNavigation(e.target);
      if (!el) return;
      // Capture phase on the document: React (listening at its root) never sees the click.
      e.preventDefault();
      e.stopPropagation();
      setHeld(el);
    };
    const here = window.location.pathname + window.location.search + window.location.hash;
    const release = holdBrowserNavigation(() => {
      if (letHistoryThrough.current) {
        letHistoryThrough.current = false;
        return false;
      }
      // Before the route follows the other address: put this one back and ask.
      window.history.pushState(null, '', here);
      setHeld('history');
      return true;
    });
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [when]);

  const leave = () => {
    const el = held;
    setHeld(null);
    if (!el) return;
    if (el === 'history') {
      // The editor's address was pushed back on top of where the reader went: one step back is there.
      letHistoryThrough.current = true;
      window.history.go(-1);
      return;
    }
    letThrough.current = true;
    try {
      el.click();
    } finally {
      letThrough.current = false;
    }
  };

  return (
    <Dialog modalType="alert" open={held !== null} onOpenChange={(_, d) => (d.open ? undefined : setHeld(null))}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('unsaved.title')}</DialogTitle>
          <DialogContent>{t('unsaved.body')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setHeld(null)}>
              {t('unsaved.stay')}
            </Button>
            <Button onClick={leave}>{t('unsaved.leave')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
