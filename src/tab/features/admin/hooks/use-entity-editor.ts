/**
 * The state of one admin edit: the draft, the version it started from (and its eTag), messages
 * per field from the client-side check and from the server, and — when someone else saved first
 * (412) — their version, so the admin sees both and chooses. Nothing is overwritten silently:
 * every save names the eTag it was based on.
 */
import { useCallback, useMemo, useState } from 'react';
import { ApiError, useSaveEntity, type EntityKind, type EntityOfKind } from '../../../data';
import { clean, reapply, serverMessages, validate, type FieldMessages } from '../model';

/**
 * Creating an entity moves the editor to its own address (`…/new` → `…/<key>`), which mounts a new
 * editor: the confirmation is handed to it here, once, by kind and key.
 */
const justCreated = new Set<string>();
const createdKey = (kind: EntityKind, key: string) => `${kind}/${key}`;

export type EditorNotice = 'saved' | 'created' | 'reapplied' | 'tookTheirs';

export interface Conflict<T> {
  theirs: T;
  etag: string;
}

export function useEntityEditor<K extends EntityKind>(kind: K, initial: EntityOfKind[K], initialEtag: string | undefined) {
  type T = EntityOfKind[K];
  const save = useSaveEntity(kind);
  const [draft, setDraft] = useState<T>(initial);
  const [base, setBase] = useState<T>(initial);
  const [etag, setEtag] = useState<string | undefined>(initialEtag);
  const [messages, setMessages] = useState<FieldMessages>({});
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [notice, setNotice] = useState<EditorNotice | null>(() => {
    const k = createdKey(kind, initial.key);
    if (initialEtag === undefined || !justCreated.has(k)) return null;
    justCreated.delete(k);
    return 'created';
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [attempted, setAttempted] = useState(false);

  const update = useCallback(
    (next: T) => {
      setDraft(next);
      setNotice((n) => (n === 'saved' || n === 'created' ? null : n));
      // After a first attempt, messages follow the typing so a fixed field clears at once.
      if (attempted) setMessages(validate(kind, clean(next)));
    },
    [attempted, kind],
  );

  const submit = useCallback(async (): Promise<boolean> => {
    setAttempted(true);
    setFailure(null);
    const value = clean(draft);
    const found = validate(kind, value);
    setMessages(found);
    if (Object.keys(found).length) return false;
    try {
      const saved = await save.mutateAsync({ key: value.key, value, ...(etag ? { etag } : {}) });
      setDraft(saved.value as T);
      setBase(saved.value as T);
      setEtag(saved.etag);
      setNotice(etag ? 'saved' : 'created');
      if (!etag) justCreated.add(createdKey(kind, saved.value.key));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale' && e.current) {
        setConflict({ theirs: e.current.value as T, etag: e.current.etag });
      } else if (e instanceof ApiError && e.code === 'invalid' && e.fields.length) {
        setMessages(serverMessages(e.fields));
      } else if (e instanceof ApiError && e.code === 'conflict' && !etag) {
        setMessages({ key: { key: 'keyExists' } });
      } else {
        setFailure(e);
      }
      return false;
    }
  }, [draft, etag, kind, save]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    setDraft(conflict.theirs);
    setBase(conflict.theirs);
    setEtag(conflict.etag);
    setConflict(null);
    setMessages({});
    setNotice('tookTheirs');
  }, [conflict]);

  const reapplyMine = useCallback(() => {
    if (!conflict) return;
    setDraft(reapply(base, draft, conflict.theirs));
    setBase(conflict.theirs);
    setEtag(conflict.etag);
    setConflict(null);
    setNotice('reapplied');
  }, [base, conflict, draft]);

  // Unsaved: the draft differs from the version it started from (or, for a new one, from the blank it began as).
  const dirty = useMemo(() => JSON.stringify(clean(draft)) !== JSON.stringify(clean(base)), [draft, base]);

  return { draft, base, etag, update, submit, dirty, saving: save.isPending, messages, conflict, takeTheirs, reapplyMine, notice, failure, isNew: initialEtag === undefined && etag === undefined };
}
