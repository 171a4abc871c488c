/**
 * One submission id per thing a form sends, so a send whose answer was lost (a dropped network, a
 * double click) and is sent again is stored once: the same content gets the same id until it is
 * stored; changed content is a new submission (the server would otherwise answer the earlier one).
 */
import { useCallback, useRef } from 'react';
import { newSubmissionId } from './drafts';

export function useSubmissionId(): { idFor: (content: string) => string; stored: () => void } {
  const pending = useRef<{ content: string; id: string } | undefined>(undefined);
  const idFor = useCallback((content: string) => {
    if (pending.current?.content !== content) pending.current = { content, id: newSubmissionId() };
    return pending.current.id;
  }, []);
  const stored = useCallback(() => {
    pending.current = undefined;
  }, []);
  return { idFor, stored };
}
